"""Reviews on the deadline interface: corrective actions (those of an agency's action plan
marked as such), the answer to CBP's validation report (90 days) and the next annual
review. A fixed number of queries for any number of organizations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.reviews.models import CTPAT_RESPONSE_DAYS, CorrectiveAction, Review

ACTION = "reviews.action"
AGENCY_ACTION = "reviews.agency_action"
RESPONSE = "reviews.agency_response"
ANNUAL = "reviews.annual"
# The 90 days are what the issue and practitioners report; no CBP page read confirms them.
CTPAT_CONFIDENCE = "unconfirmed"
CBSA_ACTION_PLAN = (
    "https://www.cbsa-asfc.gc.ca/services/security-securite/business-affaires/ttp-pndc/"
    "pip-pep/tc-mod-eng.html"
)


def register() -> None:
    register_kind(
        DeadlineKind(
            ACTION,
            gettext_lazy("Corrective action"),
            permission="reviews.view",
            reminder_days=(30, 7),
            due_soon_days=14,
        ),
        DeadlineKind(
            AGENCY_ACTION,
            gettext_lazy("Agency action plan item"),
            permission="reviews.view",
            reminder_days=(60, 30, 7),
            due_soon_days=30,
            source=CBSA_ACTION_PLAN,
            confidence="confirmed",
        ),
        DeadlineKind(
            RESPONSE,
            gettext_lazy("Answer to the C-TPAT validation report"),
            permission="reviews.view",
            reminder_days=(60, 30, 14, 7),
            due_soon_days=30,
            confidence=CTPAT_CONFIDENCE,
        ),
        DeadlineKind(
            ANNUAL,
            gettext_lazy("Annual review"),
            permission="reviews.view",
            reminder_days=(60, 30, 7),
            due_soon_days=60,
        ),
    )
    register_provider("reviews", review_deadlines, kinds=(ACTION, AGENCY_ACTION, RESPONSE, ANNUAL))


def _actions(by_id: dict[Any, Any], start: date, end: date) -> Iterator[Deadline]:
    actions = CorrectiveAction.objects.filter(
        organization__in=list(by_id.values()),
        status__in=["open", "in_progress"],
        due_on__gte=start,
        due_on__lte=end,
    ).select_related("owner", "finding")
    for action in actions:
        org = by_id[action.organization_id]
        yield Deadline(
            kind=AGENCY_ACTION if action.agency_deadline else ACTION,
            organization=org,
            subject=action.title,
            due=action.due_on,
            owner=action.owner,
            action_url=reverse("reviews:action", args=[org.code, action.pk]),
            ref=str(action.pk),
            detail=_("Finding %(code)s. Record the closure with its evidence.")
            % {"code": action.finding.code},
        )


def review_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    by_id = {o.pk: o for o in organizations}
    yield from _actions(by_id, start, end)
    reviews = Review.objects.filter(organization__in=list(organizations)).order_by(
        "organization_id", "-period_end"
    )
    latest: dict[Any, Review] = {}
    for r in reviews.only(
        "id",
        "organization_id",
        "kind",
        "title",
        "period_end",
        "agency",
        "agency_report_on",
        "status",
    ):
        org = by_id[r.organization_id]
        due = r.response_due_on
        if due and start <= due <= end:
            yield Deadline(
                kind=RESPONSE,
                organization=org,
                subject=r.title,
                due=due,
                owner=None,
                action_url=reverse("reviews:review", args=[org.code, r.pk]),
                confidence=CTPAT_CONFIDENCE,
                ref=str(r.pk),
                detail=_("Answer CBP's validation report within %(n)s days of receiving it.")
                % {"n": CTPAT_RESPONSE_DAYS},
            )
        if r.kind == Review.Kind.SELF_REVIEW:
            latest.setdefault(r.organization_id, r)
    for r in latest.values():
        due = r.period_end + timedelta(days=365)
        if start <= due <= end:
            org = by_id[r.organization_id]
            yield Deadline(
                kind=ANNUAL,
                organization=org,
                subject=_("Annual self-review"),
                due=due,
                owner=None,
                action_url=reverse("reviews:list", args=[org.code]),
                ref=f"annual-{r.pk}",
                detail=_("A year after the period of the last self-review."),
            )
