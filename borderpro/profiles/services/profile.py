"""Writes for the carrier profile: identity, identifiers, divisions, sites, safety numbers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from borderpro.organizations.activity import activity_record
from borderpro.profiles import identifiers as ids
from borderpro.profiles.models import CarrierProfile, Division, SafetyCertificate, Site

PROFILE_FIELDS = (
    "legal_name",
    "operating_name",
    "lines_of_business",
    "modes",
    "business_number",
    "rm_account",
    "cbsa_carrier_code",
    "bonded",
    "bond_type",
    "bond_amount",
    "bond_surety",
    "bond_number",
    "bond_effective_on",
    "bond_expires_on",
    "carm_registered",
    "carm_registered_on",
    "scac",
    "usdot_number",
    "mc_number",
    "rfc",
    "officer_name",
    "officer_title",
    "officer_email",
    "contact_name",
    "contact_title",
    "contact_email",
    "contact_phone",
    "tractors",
    "straight_trucks",
    "dry_vans",
    "reefers",
    "flatbeds",
    "other_trailers",
    "company_drivers",
    "owner_operators",
    "office_staff",
    "yard_staff",
    "border_crossings",
    "lanes",
    "in_business_since",
    "cross_border_since",
)
IDENTIFIER_FIELDS = (
    "business_number",
    "rm_account",
    "cbsa_carrier_code",
    "scac",
    "usdot_number",
    "mc_number",
    "rfc",
)


class StaleEdit(Exception):
    """Someone else saved first. ``current`` is what is stored now."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale edit")
        self.current = current


def profile_for(organization: Any) -> CarrierProfile:
    """The stored profile, or an unsaved one prefilled from the organization."""
    profile = CarrierProfile.objects.filter(organization=organization).first()
    if profile is None:
        profile = CarrierProfile(
            organization=organization,
            legal_name=organization.legal_name or organization.name,
            operating_name=organization.name,
            modes=["highway"],
            version=0,
        )
    return profile


def _cross_checks(profile: CarrierProfile) -> dict[str, str]:
    errors: dict[str, str] = {}
    if (
        profile.rm_account
        and profile.business_number
        and not profile.rm_account.startswith(profile.business_number)
    ):
        errors["rm_account"] = _(
            "The RM program account must start with the Business Number %(bn)s."
        ) % {"bn": profile.business_number}
    if profile.bonded and not profile.bond_amount:
        errors["bond_amount"] = _(
            "A bonded carrier needs the bond amount (CBSA bonds are CAD 5,000 to 25,000)."
        )
    if profile.bond_amount is not None and not 5000 <= profile.bond_amount <= 25000:
        errors["bond_amount"] = _(
            "CBSA carrier bonds are between CAD 5,000 and 25,000 (Memorandum D3-4-2)."
        )
    if (
        profile.bond_effective_on
        and profile.bond_expires_on
        and profile.bond_expires_on <= profile.bond_effective_on
    ):
        errors["bond_expires_on"] = _("The bond must expire after it takes effect.")
    return errors


@transaction.atomic
def profile_update(
    *, actor: Any, organization: Any, expected_version: int, fields: dict[str, Any]
) -> CarrierProfile:
    """Save the carrier profile; refuse (StaleEdit) when someone saved since ``expected_version``."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed.") for name in unknown})
    profile = CarrierProfile.objects.select_for_update().filter(organization=organization).first()
    if profile is None:
        profile = profile_for(organization)
    if profile.version != expected_version:
        raise StaleEdit(profile)
    for name, value in fields.items():
        if name in IDENTIFIER_FIELDS and value:
            value = ids.identifier_normalize(name, value)
        setattr(profile, name, value)
    profile.full_clean()
    errors = _cross_checks(profile)
    if errors:
        raise ValidationError(errors)
    profile.version = expected_version + 1
    profile.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="profile.updated",
        target=profile,
        name=str(profile),
    )
    return profile


def profile_bump(organization: Any) -> None:
    """A change to a site, division or safety number is a change to the profile."""
    CarrierProfile.objects.filter(organization=organization).update(version=F("version") + 1)


ROW_MODELS: dict[str, type[Any]] = {"site": Site, "division": Division, "safety": SafetyCertificate}


@transaction.atomic
def profile_row_save(
    *,
    actor: Any,
    organization: Any,
    kind: str,
    fields: dict[str, Any],
    row: Any = None,
    bump: bool = True,
) -> Any:
    """Add or change a division, site or safety number (``bump``: count it as a profile change)."""
    model = ROW_MODELS[kind]
    instance = row if row is not None else model(organization=organization)
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    instance.save()
    if bump:
        profile_bump(organization)
    activity_record(
        organization=organization,
        actor=actor,
        verb="profile.row_saved",
        target=instance,
        name=str(instance),
    )
    return instance


@transaction.atomic
def profile_row_delete(*, actor: Any, organization: Any, row: Any, bump: bool = True) -> None:
    from borderpro.profiles.models import SecurityProfile

    name = str(row)
    if (
        isinstance(row, Division)
        and SecurityProfile.objects.filter(organization=organization, division=row).exists()
    ):
        raise ValidationError(
            _(
                "The division “%(name)s” has its own security profile; it is kept, so the "
                "division cannot be removed."
            )
            % {"name": name}
        )
    row.delete()
    if bump:
        profile_bump(organization)
    activity_record(organization=organization, actor=actor, verb="profile.row_deleted", name=name)
