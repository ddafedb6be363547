"""Writes for partners: the register, certifications and screenings."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from borderpro.organizations.activity import activity_record, choice_label
from borderpro.partners import rules, selectors
from borderpro.partners.models import Certification, Partner, Screening

PARTNER_FIELDS = (
    "name",
    "kind",
    "country",
    "services",
    "code",
    "contact_name",
    "contact_email",
    "contact_phone",
    "written_contract_on",
    "active",
)
CERTIFICATION_FIELDS = ("number", "verified_on", "valid_until", "evidence")


def _set(instance: Any, allowed: tuple[str, ...], changes: dict[str, Any]) -> None:
    for key, value in changes.items():
        if key not in allowed:
            raise TypeError(f"unknown field {key}")
        setattr(instance, key, value.strip() if isinstance(value, str) else value)


def _check_evidence(organization: Any, evidence: Any) -> None:
    if evidence is not None and evidence.organization_id != organization.pk:
        raise ValidationError({"evidence": _("Choose a file of this organization's vault.")})


@transaction.atomic
def partner_create(
    *, actor: Any, organization: Any, name: str, kind: str, country: str, **fields: Any
) -> Partner:
    partner = Partner(organization=organization)
    _set(partner, PARTNER_FIELDS, {"name": name, "kind": kind, "country": country, **fields})
    partner.full_clean()
    partner.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="partner.added",
        target=partner,
        name=partner.name,
        kind=choice_label(partner, "kind"),
    )
    return partner


@transaction.atomic
def partner_update(*, actor: Any, organization: Any, partner: Partner, **changes: Any) -> Partner:
    _set(partner, PARTNER_FIELDS, changes)
    partner.full_clean()
    partner.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="partner.updated",
        target=partner,
        name=partner.name,
    )
    return partner


@transaction.atomic
def certification_add(
    *,
    actor: Any,
    organization: Any,
    partner: Partner,
    program: str,
    verified_on: date,
    number: str = "",
    valid_until: date | None = None,
    evidence: Any = None,
) -> Certification:
    _check_evidence(organization, evidence)
    cert = Certification(
        organization=organization,
        partner=partner,
        program=program,
        number=number.strip(),
        verified_on=verified_on,
        valid_until=valid_until,
        evidence=evidence,
    )
    cert.full_clean()
    cert.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="certification.added",
        target=cert,
        name=partner.name,
        program=choice_label(cert, "program"),
    )
    return cert


@transaction.atomic
def certification_update(
    *, actor: Any, organization: Any, certification: Certification, **changes: Any
) -> Certification:
    """Record a status check (a new ``verified_on``) or correct the number, dates or proof."""
    _check_evidence(organization, changes.get("evidence"))
    _set(certification, CERTIFICATION_FIELDS, changes)
    certification.full_clean()
    certification.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="certification.checked",
        target=certification,
        name=certification.partner.name,
        program=choice_label(certification, "program"),
        verified=certification.verified_on.isoformat(),
    )
    return certification


@transaction.atomic
def screening_record(
    *,
    actor: Any,
    organization: Any,
    partner: Partner,
    screened_on: date,
    outcome: str,
    notes: str = "",
    today: date | None = None,
) -> Screening:
    """Record a screening; the partner's risk and next due date follow from its outcome."""
    today = today or organization.local_today()
    if screened_on > today:
        raise ValidationError({"screened_on": _("A screening cannot be dated in the future.")})
    certified = (
        selectors.current_certifications(organization, today).filter(partner=partner).exists()
    )
    rating = rules.rate(
        kind=partner.kind, country=partner.country, certified=certified, outcome=outcome
    )
    screening = Screening(
        organization=organization,
        partner=partner,
        screened_on=screened_on,
        screened_by=actor if getattr(actor, "is_authenticated", False) else None,
        outcome=outcome,
        notes=notes.strip(),
        risk_level=rating.level,
        next_due=rules.next_screening(screened_on, rating.level),
    )
    screening.full_clean()
    screening.save()
    latest = partner.screenings.order_by("-screened_on", "-created_at").first()
    if latest is not None and latest.pk == screening.pk:
        partner.last_screened_on = screening.screened_on
        partner.screening_outcome = screening.outcome
        partner.next_screening_due = screening.next_due
        partner.save(
            update_fields=[
                "last_screened_on",
                "screening_outcome",
                "next_screening_due",
                "updated_at",
            ]
        )
    activity_record(
        organization=organization,
        actor=actor,
        verb="partner.screened",
        target=screening,
        name=partner.name,
        outcome=choice_label(screening, "outcome"),
    )
    return screening
