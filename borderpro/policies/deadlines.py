"""Policies on the deadline interface: the review date of every approved or published
document (annual by default). One query for any number of organizations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.policies.models import Document

REVIEW = "policies.review"


def register() -> None:
    register_kind(
        DeadlineKind(
            REVIEW,
            gettext_lazy("Policy review"),
            permission="policies.view",
            reminder_days=(60, 30, 7),
            due_soon_days=60,
        )
    )
    register_provider("policies", policy_deadlines, kinds=(REVIEW,))


def policy_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    by_id = {o.pk: o for o in organizations}
    docs = Document.objects.filter(
        organization__in=list(organizations),
        status__in=[Document.Status.APPROVED, Document.Status.PUBLISHED],
        review_due_on__gte=start,
        review_due_on__lte=end,
    ).only("id", "organization_id", "title", "review_due_on")
    for d in docs:
        org = by_id[d.organization_id]
        assert d.review_due_on is not None
        yield Deadline(
            kind=REVIEW,
            organization=org,
            subject=d.title,
            due=d.review_due_on,
            owner=None,
            action_url=reverse("policies:document", args=[org.code, d.pk]),
            ref=str(d.pk),
            detail=_("Review the written procedure and have the new version approved."),
        )
