"""Factories for reviews, keeping every object inside one tenant."""

from __future__ import annotations

from datetime import date
from typing import Any

from borderpro.organizations.models import Membership
from borderpro.reviews import services
from borderpro.reviews.binder import binder_build
from borderpro.reviews.models import (
    BinderSnapshot,
    ChecklistItem,
    CorrectiveAction,
    Finding,
    Review,
)


def review_for(organization: Any, **fields: Any) -> Review:
    values: dict[str, Any] = {
        "kind": Review.Kind.SELF_REVIEW,
        "title": "Annual self-review 2026",
        "period_start": date(2026, 1, 1),
        "period_end": date(2026, 12, 31),
        "sample_seed": 42,
        **fields,
    }
    return services.review_create(actor=None, organization=organization, **values)


def finding_for(review: Review, **fields: Any) -> Finding:
    values = {"severity": Finding.Severity.MAJOR, "title": "Seal log incomplete", **fields}
    return services.finding_create(
        actor=None, organization=review.organization, review=review, **values
    )


def _member(organization: Any) -> Any:
    membership = Membership.objects.filter(organization=organization).select_related("user").first()
    if membership is not None:
        return membership.user
    from borderpro.organizations.tests.factories import MembershipFactory

    return MembershipFactory(organization=organization, role="admin").user


def action_for(finding: Finding, owner: Any = None, **fields: Any) -> CorrectiveAction:
    values = {
        "title": "Add the VVTT check to the gate procedure",
        "due_on": date(2027, 3, 31),
        **fields,
    }
    return services.action_create(
        actor=None,
        organization=finding.organization,
        finding=finding,
        owner=owner or _member(finding.organization),
        **values,
    )


def sample_review_id(organization: Any) -> Review:
    return review_for(organization)


def sample_checklist_item_id(organization: Any) -> ChecklistItem:
    review = review_for(organization)
    item = review.items.first()
    if item is None:
        item = ChecklistItem.objects.create(
            organization=organization,
            review=review,
            category=ChecklistItem.Category.RECORD,
            group="Sample",
            title="A sampled record",
        )
    return item


def sample_finding_id(organization: Any) -> Finding:
    return finding_for(review_for(organization))


def sample_corrective_action_id(organization: Any) -> CorrectiveAction:
    return action_for(finding_for(review_for(organization)))


def sample_binder_id(organization: Any) -> BinderSnapshot:
    return binder_build(
        actor=None,
        organization=organization,
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        language="en",
    )
