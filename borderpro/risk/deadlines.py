"""The risk assessment on the deadline interface: the yearly review date of the approved
assessment, and the open actions of the current action plan. Two queries for any number of
organizations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.risk.models import Action, Assessment

REVIEW = "risk.review"
ACTION = "risk.action"
PIP_STANDARDS = (
    "https://www.cbsa-asfc.gc.ca/services/security-securite/business-affaires/ttp-pndc/"
    "pip-pep/standards-normes-eng.html"
)


def register() -> None:
    register_kind(
        DeadlineKind(
            REVIEW,
            gettext_lazy("Yearly risk assessment review"),
            permission="risk.view",
            reminder_days=(60, 30, 7),
            due_soon_days=60,
            source=PIP_STANDARDS,
            confidence="confirmed",
        ),
        DeadlineKind(
            ACTION,
            gettext_lazy("Risk action plan item"),
            permission="risk.view",
            reminder_days=(30, 7),
            due_soon_days=14,
        ),
    )
    register_provider("risk", risk_deadlines, kinds=(REVIEW, ACTION))


def risk_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    by_id = {o.pk: o for o in organizations}
    latest: dict[Any, Assessment] = {}
    approved = Assessment.objects.filter(
        organization__in=list(organizations), status=Assessment.Status.APPROVED
    ).order_by("organization_id", "-approved_at")
    for a in approved.only("id", "organization_id", "year", "review_due_on", "approved_at"):
        latest.setdefault(a.organization_id, a)
    for a in latest.values():
        if a.review_due_on and start <= a.review_due_on <= end:
            org = by_id[a.organization_id]
            yield Deadline(
                kind=REVIEW,
                organization=org,
                subject=_("Risk assessment %(year)s") % {"year": a.year},
                due=a.review_due_on,
                owner=None,
                action_url=reverse("risk:record", args=[org.code, a.pk]),
                source=PIP_STANDARDS,
                confidence="confirmed",
                ref=str(a.pk),
                detail=_(
                    "Review the written risk assessment: PIP asks for it at least once a year."
                ),
            )
    actions = Action.objects.filter(
        organization__in=list(organizations),
        status__in=[Action.Status.PLANNED, Action.Status.IN_PROGRESS],
        due_on__gte=start,
        due_on__lte=end,
        assessment__followers__isnull=True,  # the current plan: carried-over items count once
    ).select_related("assessment")
    for action in actions:
        org = by_id[action.organization_id]
        yield Deadline(
            kind=ACTION,
            organization=org,
            subject=action.title,
            due=action.due_on,
            owner=None,
            action_url=reverse("risk:action", args=[org.code, action.pk]),
            ref=str(action.pk),
            detail=_("Owner: %(owner)s. Record progress or completion in the action plan.")
            % {"owner": action.owner},
        )
