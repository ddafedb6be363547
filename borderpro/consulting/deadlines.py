"""Deadlines of the consulting front office (``deadlines/registry.py``):

- yearly renewals of maintenance engagements: the consultancy sees each renewal it must
  propose; the client sees its own;
- upcoming consultations: the consultancy (its consultant reminded, one day before) and the
  client company that booked it, on the deadlines page and in the calendar feeds.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.consulting.models import Booking, Engagement
from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider

KIND = "consulting.renewal"
CONSULTATION = "consulting.consultation"


def register() -> None:
    register_kind(
        DeadlineKind(
            KIND,
            gettext_lazy("Maintenance renewal"),
            permission="consulting.engagements",
            reminder_days=(60, 30, 7),
            due_soon_days=60,
        )
    )
    register_kind(
        DeadlineKind(
            CONSULTATION,
            gettext_lazy("Consultation"),
            permission="consulting.consultations",
            reminder_days=(1,),
            due_soon_days=7,
        )
    )
    register_provider("consulting", renewal_deadlines, kinds=(KIND,))
    register_provider("consulting.consultations", consultation_deadlines, kinds=(CONSULTATION,))


def renewal_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    by_id = {org.pk: org for org in organizations}
    rows = (
        Engagement._base_manager.filter(
            status=Engagement.Status.ACTIVE, renews_on__gte=start, renews_on__lte=end
        ).filter(organization_id__in=list(by_id))
        | Engagement._base_manager.filter(
            status=Engagement.Status.ACTIVE,
            renews_on__gte=start,
            renews_on__lte=end,
            client_id__in=list(by_id),
        )
    ).select_related("client", "organization")
    for engagement in rows:
        assert engagement.renews_on is not None
        for org_id in (engagement.organization_id, engagement.client_id):
            org = by_id.get(org_id)
            if org is None:
                continue
            if org.is_consultancy:
                url = reverse("consulting:engagement", args=[org.code, engagement.pk])
            else:
                url = reverse("consulting:client_engagements", args=[org.code])
            yield Deadline(
                kind=KIND,
                organization=org,
                subject=engagement.title,
                due=engagement.renews_on,
                owner=None,
                action_url=url,
                ref=str(engagement.pk),
                detail=_("Renew the yearly maintenance with %(other)s.")
                % {
                    "other": engagement.client.name
                    if org.is_consultancy
                    else engagement.organization.name
                },
            )


def _utc_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants that hold every local day from ``start`` to ``end`` in any zone."""
    return (
        datetime.combine(start - timedelta(days=1), time.min, tzinfo=UTC),
        datetime.combine(end + timedelta(days=2), time.min, tzinfo=UTC),
    )


def consultation_deadlines(
    organizations: Sequence[Any], start: date, end: date
) -> Iterator[Deadline]:
    """Booked consultations, due on their local day: the consultancy's (the consultant is
    reminded) and the client company's (the member who booked it, or its administrators)."""
    by_id = {org.pk: org for org in organizations}
    ids = list(by_id)
    low, high = _utc_bounds(start, end)
    bookings = (
        Booking._base_manager.filter(
            status=Booking.Status.BOOKED, starts_at__gte=low, starts_at__lt=high
        )
        .filter(Q(organization_id__in=ids) | Q(client_id__in=ids))
        .select_related("consultant", "booked_by", "organization")
    )
    for booking in bookings:
        for org_id in (booking.organization_id, booking.client_id):
            org = by_id.get(org_id)
            if org is None:
                continue
            due = booking.starts_at.astimezone(ZoneInfo(org.time_zone)).date()
            if not start <= due <= end:
                continue
            yield _consultation_deadline(booking, org, due)


def _consultation_deadline(booking: Booking, org: Any, due: date) -> Deadline:
    local = booking.starts_at.astimezone(ZoneInfo(org.time_zone))
    owner: Any
    if org.is_consultancy:
        url = reverse("consulting:booking", args=[org.code, booking.pk])
        owner, other = booking.consultant, booking.display_name
    else:
        url = reverse("consulting:client_consultations", args=[org.code])
        owner, other = booking.booked_by, booking.organization.name
    return Deadline(
        kind=CONSULTATION,
        organization=org,
        subject=_("Consultation with %(other)s at %(time)s")
        % {"other": other, "time": local.strftime("%H:%M")},
        due=due,
        owner=owner,
        action_url=url,
        ref=str(booking.pk),
        detail=_("Topic: %(topic)s") % {"topic": booking.topic[:200]},
    )
