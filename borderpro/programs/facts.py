"""The facts document: its validation, and how it is built from a carrier's own data.

Two ways in, one engine. Ad-hoc facts (the quote form, integrations, the command) are
validated by :class:`FactsSerializer`; a carrier's facts are read from its profile,
security-profile readiness, declarations, memberships and drivers' cards by
:func:`carrier_facts`, in a fixed number of queries for any number of carriers.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import date
from typing import Any

from django.db.models import F, OuterRef, Subquery
from rest_framework import serializers

from borderpro.common.daterange import sane_date_serializer_field
from borderpro.common.dates import format_day
from borderpro.organizations.models import BusinessType
from borderpro.programs.models import DECLARATION_FIELDS, Declarations, Membership, Program, Status

COUNTRY = r"^[A-Z]{2}$"


class StrictSerializer(serializers.Serializer):
    """A serializer that names unknown fields instead of ignoring them."""

    def to_internal_value(self, data: Any) -> Any:
        unknown = {
            key: ["Unknown field."]
            for key in (data if isinstance(data, dict) else {})
            if key not in self.fields
        }
        return _convert_naming_unknown(
            lambda: super(StrictSerializer, self).to_internal_value(data), unknown
        )


def _convert_naming_unknown(convert: Any, unknown: dict[str, Any]) -> Any:
    """Run ``convert`` and report its errors together with the unknown keys, all at once."""
    try:
        value = convert()
    except serializers.ValidationError as exc:
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        raise serializers.ValidationError({**detail, **unknown}) from exc
    if unknown:
        raise serializers.ValidationError(unknown)
    return value


def _date() -> serializers.DateField:
    field: serializers.DateField = sane_date_serializer_field(
        required=False, allow_null=True, input_formats=["iso-8601"]
    )
    return field


def _bool() -> serializers.BooleanField:
    return serializers.BooleanField(required=False, allow_null=True)


class OrganizationFacts(StrictSerializer):
    country = serializers.RegexField(COUNTRY, required=False, allow_null=True)
    business_types = serializers.ListField(
        child=serializers.ChoiceField(BusinessType.values), required=False
    )
    business_number = serializers.RegexField(
        r"^\d{9}$", required=False, allow_blank=True, allow_null=True
    )
    cbsa_carrier_code = serializers.RegexField(
        r"^[A-Z0-9]{4}$", required=False, allow_blank=True, allow_null=True
    )
    cbsa_bonded = _bool()
    carm_registered = _bool()
    scac = serializers.RegexField(
        r"^[A-Z]{2,4}$", required=False, allow_blank=True, allow_null=True
    )
    usdot_number = serializers.RegexField(
        r"^\d{1,8}$", required=False, allow_blank=True, allow_null=True
    )
    staffed_office_countries = serializers.ListField(
        child=serializers.RegexField(COUNTRY), required=False
    )
    border_crossings = serializers.ListField(
        child=serializers.ChoiceField(["CA-US", "MX-US"]), required=False
    )
    company_officer_designated = _bool()
    first_cross_border_movement = _date()
    last_cross_border_movement = _date()
    crown_debt = _bool()
    undischarged_bankruptcy = _bool()
    unpardoned_convictions = _bool()
    foreign_convictions = _bool()
    significant_contraventions = _bool()
    msr_compliant = _bool()
    shipment_tracking = _bool()
    pre_arrival_data = _bool()
    rm_account = serializers.RegexField(
        r"^\d{9}RM\d{4}$", required=False, allow_blank=True, allow_null=True
    )
    files_canadian_declarations = _bool()
    carm_statement_of_account = _bool()
    carrier_code_changes_notified = _bool()

    def validate_business_number(self, value: Any) -> Any:
        return _identifier("business_number", value)

    def validate_rm_account(self, value: Any) -> Any:
        return _identifier("rm_account", value)


def _identifier(kind: str, value: Any) -> Any:
    """A BN or RM account also passes the check digit (the profile's own rules and messages)."""
    from borderpro.profiles.identifiers import IdentifierError, identifier_check

    if not value:
        return value
    try:
        return identifier_check(kind, value)
    except IdentifierError as exc:
        raise serializers.ValidationError(exc.message) from exc


class MembershipFacts(StrictSerializer):
    status = serializers.ChoiceField(Status.values, required=False)
    number = serializers.CharField(required=False, allow_blank=True, max_length=40)
    applied_on = _date()
    approved_on = _date()
    last_portal_sign_in = _date()
    revalidated_on = _date()
    validation_report_on = _date()
    action_plan_due = _date()
    cancelled_on = _date()
    decision_letter_on = _date()
    validation_on = _date()


class DriverFacts(StrictSerializer):
    name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    fast_card_expires = _date()
    cdrp_card_expires = _date()


class ImporterFacts(StrictSerializer):
    pip = _bool()
    ctpat = _bool()
    manufacturer_ctpat = _bool()


class CrossingFacts(StrictSerializer):
    direction = serializers.ChoiceField(["into_canada", "into_us"], required=False, allow_null=True)
    port_code = serializers.RegexField(r"^\d{4}$", required=False, allow_null=True)
    date = _date()
    # the border crossed: CA-US (northern) or MX-US (southern); same values as border_crossings
    border = serializers.RegexField(r"^(CA|MX)-US$", required=False, allow_null=True)
    fast_eligible_goods = _bool()
    manufacturer_seal = _bool()


class MembershipsField(serializers.DictField):
    child = MembershipFacts()

    def to_internal_value(self, data: Any) -> Any:
        unknown = {
            key: [f"Unknown program; use one of {', '.join(Program.values)}."]
            for key in (data if isinstance(data, dict) else {})
            if key not in Program.values
        }
        return _convert_naming_unknown(
            lambda: super(MembershipsField, self).to_internal_value(data), unknown
        )


class FactsSerializer(StrictSerializer):
    as_of = _date()
    organization = OrganizationFacts(required=False)
    memberships = MembershipsField(required=False)
    driver = DriverFacts(required=False, allow_null=True)
    drivers = serializers.ListField(child=DriverFacts(), required=False)
    importer = ImporterFacts(required=False, allow_null=True)
    crossing = CrossingFacts(required=False, allow_null=True)


def plain(value: Any) -> Any:
    if isinstance(value, dict | OrderedDict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def parse_facts(document: Any) -> tuple[dict[str, Any], date | None]:
    """Validated facts and the evaluation date they ask for; ValidationError names every bad field."""
    serializer = FactsSerializer(data=document)
    serializer.is_valid(raise_exception=True)
    facts = plain(serializer.validated_data)
    as_of = facts.pop("as_of", None)
    return facts, as_of


# --- facts from a carrier's own data ----------------------------------------------------

NOTES = {
    "staffed_office_countries": {
        "en": "Facilities: taken from the organization's country, since the carrier profile exists.",
        "fr": "Installations : déduites du pays de l'organisation, puisque le profil du transporteur existe.",
    },
    "border_crossings": {
        "en": "Border crossings: taken as Canada-U.S. because the carrier profile lists crossings used.",
        "fr": "Postes frontaliers : considérés comme Canada-États-Unis parce que le profil du transporteur énumère des postes utilisés.",
    },
    "company_officer_designated": {
        "en": "Company officer: taken from the officer named in the carrier profile.",
        "fr": "Dirigeant : tiré du dirigeant nommé dans le profil du transporteur.",
    },
}


def _msr_note(day: date, must: int | None) -> dict[str, str]:
    score = "—" if must is None else f"{must}"
    return {
        "en": f"Minimum Security Requirements: derived from the PIP readiness of the security profile on {format_day(day, 'en')}: {score}% of the must requirements implemented (met only at 100%).",
        "fr": f"Exigences minimales relatives à la sécurité : déduites de l'état de préparation du profil de sécurité PEP au {format_day(day, 'fr')} : {score} % des exigences obligatoires mises en œuvre (respectées seulement à 100 %).",
    }


def _latest_pip_readiness(organizations: list[Any]) -> dict[Any, Any]:
    """Per organization, the weakest latest PIP readiness point of its security profiles (one
    per division): the Minimum Security Requirements are met only when every division meets
    them."""
    from borderpro.profiles.models import ReadinessPoint

    latest = (
        ReadinessPoint.objects.filter(
            security_profile=OuterRef("security_profile"), framework=OuterRef("framework")
        )
        .order_by("-day")
        .values("day")[:1]
    )
    points = ReadinessPoint.objects.filter(
        organization__in=organizations,
        framework__code="PIP",
        framework__owner__isnull=True,
        day=Subquery(latest),
    ).order_by("organization_id", F("must_score").asc(nulls_first=True), "-day")
    out: dict[Any, Any] = {}
    for point in points:
        out.setdefault(point.organization_id, point)
    return out


def _organization_facts(
    org: Any, profile: Any, declarations: Any, readiness: Any, notes: dict[str, Any]
) -> dict[str, Any]:
    facts: dict[str, Any] = {"country": org.country}
    types = [org.business_type] if org.business_type else []
    if profile is not None:
        if "courier" in (profile.lines_of_business or []) and "courier" not in types:
            types.append("courier")
        for key in ("business_number", "rm_account", "cbsa_carrier_code", "scac", "usdot_number"):
            if getattr(profile, key):
                facts[key] = getattr(profile, key)
        facts["cbsa_bonded"] = profile.bonded
        facts["carm_registered"] = profile.carm_registered
        facts["staffed_office_countries"] = [org.country]
        notes["organization.staffed_office_countries"] = NOTES["staffed_office_countries"]
        if profile.border_crossings.strip() and org.country in ("CA", "US"):
            facts["border_crossings"] = ["CA-US"]
            notes["organization.border_crossings"] = NOTES["border_crossings"]
        if profile.officer_name.strip():
            facts["company_officer_designated"] = True
            notes["organization.company_officer_designated"] = NOTES["company_officer_designated"]
        if profile.cross_border_since:
            facts["first_cross_border_movement"] = profile.cross_border_since
    if types:
        facts["business_types"] = types
    if declarations is not None:
        for key in DECLARATION_FIELDS:
            value = getattr(declarations, key)
            if value is not None:
                facts[key] = value
    if readiness is not None:
        facts["msr_compliant"] = readiness.must_score == 100
        notes["organization.msr_compliant"] = _msr_note(readiness.day, readiness.must_score)
    return facts


def _membership_facts(rows: list[Membership]) -> dict[str, Any]:
    out: dict[str, Any] = {code: {"status": Status.NONE.value} for code in Program.values}
    for m in rows:
        entry: dict[str, Any] = {"status": m.status}
        for key in (
            "number",
            "applied_on",
            "approved_on",
            "last_portal_sign_in",
            "revalidated_on",
            "validation_report_on",
            "action_plan_due",
            "cancelled_on",
            "decision_letter_on",
            "validation_on",
        ):
            value = getattr(m, key)
            if value:
                entry[key] = value
        out[m.program] = entry
    return out


def driver_entry(name: str, cards: list[Any]) -> dict[str, Any]:
    """A driver's facts: the newest card of each kind (only the newest card is accepted)."""
    entry: dict[str, Any] = {"name": name, "fast_card_expires": None, "cdrp_card_expires": None}
    for card in cards:
        key = f"{card.kind}_card_expires"
        if entry.get(key) is None or card.expires_on > entry[key]:
            entry[key] = card.expires_on
    return entry


def carrier_facts(organizations: list[Any]) -> dict[Any, tuple[dict[str, Any], dict[str, Any]]]:
    """(facts, derivation notes) per organization id, in six queries whatever the count."""
    from borderpro.people.selectors import driver_cards
    from borderpro.profiles.models import CarrierProfile

    ids = [o.pk for o in organizations]
    profiles = {
        p.organization_id: p for p in CarrierProfile.objects.filter(organization_id__in=ids)
    }
    declarations = {
        d.organization_id: d for d in Declarations.objects.filter(organization_id__in=ids)
    }
    memberships: dict[Any, list[Membership]] = {}
    for m in Membership.objects.filter(organization_id__in=ids):
        memberships.setdefault(m.organization_id, []).append(m)
    cards: dict[Any, dict[Any, list[Any]]] = {}
    for card in driver_cards(organizations):
        cards.setdefault(card.organization_id, {}).setdefault(card.employee, []).append(card)
    readiness = _latest_pip_readiness(organizations)
    out = {}
    for org in organizations:
        notes: dict[str, Any] = {}
        facts = {
            "organization": _organization_facts(
                org, profiles.get(org.pk), declarations.get(org.pk), readiness.get(org.pk), notes
            ),
            "memberships": _membership_facts(memberships.get(org.pk, [])),
            "drivers": [driver_entry(e.full_name, c) for e, c in cards.get(org.pk, {}).items()],
        }
        out[org.pk] = (facts, notes)
    return out
