"""Field operations' deadlines on the deadline interface: who an open incident still has to be
reported to, and the corrective actions of open incidents that have a due date.

No agency states a time limit for reporting an incident: PIP asks members to tell CBSA, and
C-TPAT (7.23) to notify "as soon as feasible and before the conveyance crosses the border".
So a notification is due the day the incident was discovered (inferred), as the incident
page's notification plan shows it. Three queries for any number of organizations.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.operations.models import REQUIRED_RECIPIENTS, Incident, IncidentEvent, Recipient

NOTIFICATION = "operations.incident_notification"
CORRECTIVE_ACTION = "operations.corrective_action"
NOTIFICATION_SOURCE = (
    "https://www.cbp.gov/border-security/ports-entry/cargo-security/ctpat/"
    "security-guidelines/highway-carriers"
)


def register() -> None:
    register_kind(
        DeadlineKind(
            NOTIFICATION,
            gettext_lazy("Incident notification"),
            permission="operations.view",
            reminder_days=(0,),
            due_soon_days=0,
            source=NOTIFICATION_SOURCE,
            confidence="inferred",
        ),
        DeadlineKind(
            CORRECTIVE_ACTION,
            gettext_lazy("Corrective action of an incident"),
            permission="operations.view",
            reminder_days=(30, 7, 1),
            due_soon_days=14,
        ),
    )
    register_provider("operations", incident_deadlines, kinds=[NOTIFICATION, CORRECTIVE_ACTION])


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Instants wide enough to hold every local date from ``start`` to ``end`` anywhere."""
    return (
        datetime.combine(start - timedelta(days=1), time.min, UTC),
        datetime.combine(end + timedelta(days=2), time.min, UTC),
    )


def incident_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    orgs = list(organizations)
    by_id = {o.pk: o for o in orgs}
    low, high = _utc_bounds(start, end)
    incidents = list(
        Incident.objects.filter(
            organization__in=orgs, discovered_at__gte=low, discovered_at__lt=high
        ).exclude(status=Incident.Status.CLOSED)
    )
    notified = set(
        IncidentEvent.objects.filter(
            organization__in=orgs, incident__in=[i.pk for i in incidents], kind="notified"
        ).values_list("incident_id", "recipient")
    )
    labels = dict(Recipient.choices)
    for incident in incidents:
        org = by_id[incident.organization_id]
        due = incident.discovered_at.astimezone(ZoneInfo(org.time_zone)).date()
        url = reverse("operations:incident", args=[org.code, incident.pk])
        for code in REQUIRED_RECIPIENTS.get(incident.kind, ()):
            if (incident.pk, code) in notified:
                continue
            label = str(labels.get(code, code))
            yield Deadline(
                kind=NOTIFICATION,
                organization=org,
                subject=f"{incident.reference} · {label}",
                due=due,
                owner=None,
                action_url=url,
                source=NOTIFICATION_SOURCE,
                confidence="inferred",
                ref=f"{incident.pk}:{code}",
                detail=_(
                    "Notify %(recipient)s as soon as feasible and, for a U.S.-bound "
                    "conveyance, before it crosses the border; record it in the incident file."
                )
                % {"recipient": label},
            )
    yield from _corrective_actions(orgs, by_id, start, end)


def _corrective_actions(
    orgs: list[Any], by_id: dict[Any, Any], start: date, end: date
) -> Iterator[Deadline]:
    actions = (
        IncidentEvent.objects.filter(
            organization__in=orgs, kind="action", due_on__gte=start, due_on__lte=end
        )
        .exclude(incident__status=Incident.Status.CLOSED)
        .select_related("incident")
    )
    for action in actions:
        org = by_id[action.organization_id]
        assert action.due_on is not None
        yield Deadline(
            kind=CORRECTIVE_ACTION,
            organization=org,
            subject=f"{action.incident.reference} · {action.text[:80]}",
            due=action.due_on,
            owner=None,
            action_url=reverse("operations:incident", args=[org.code, action.incident_id]),
            ref=str(action.pk),
            detail=_("Carry out the corrective action and record it in the incident file."),
        )
