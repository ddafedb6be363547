"""Writes for programs: memberships and declarations."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from borderpro.organizations.activity import activity_record, choice_label
from borderpro.programs.models import DECLARATION_FIELDS, Declarations, Membership

MEMBERSHIP_FIELDS = (
    "status",
    "number",
    "svi_number",
    "applied_on",
    "validation_on",
    "approved_on",
    "last_portal_sign_in",
    "revalidated_on",
    "validation_report_on",
    "action_plan_due",
    "cancelled_on",
    "decision_letter_on",
    "notes",
)


@transaction.atomic
def membership_save(*, actor: Any, organization: Any, program: str, **fields: Any) -> Membership:
    """Create or update the membership in ``program``; nothing is saved if a field is wrong."""
    membership = Membership.objects.select_for_update().filter(
        organization=organization, program=program
    ).first() or Membership(organization=organization, program=program)
    before = membership.status if membership.pk else None
    for key, value in fields.items():
        if key not in MEMBERSHIP_FIELDS:
            raise TypeError(f"unknown membership field {key}")
        setattr(membership, key, value.strip() if isinstance(value, str) else value)
    membership.full_clean()
    membership.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="membership.status_changed"
        if before and before != membership.status
        else "membership.saved",
        target=membership,
        program=choice_label(membership, "program"),
        status=choice_label(membership, "status"),
    )
    return membership


@transaction.atomic
def declarations_save(*, actor: Any, organization: Any, **fields: Any) -> Declarations:
    declarations = Declarations.objects.select_for_update().filter(
        organization=organization
    ).first() or Declarations(organization=organization)
    for key, value in fields.items():
        if key not in DECLARATION_FIELDS:
            raise TypeError(f"unknown declaration {key}")
        setattr(declarations, key, value)
    declarations.full_clean()
    declarations.save()
    activity_record(
        organization=organization, actor=actor, verb="declarations.saved", target=declarations
    )
    return declarations
