"""Reads of consultations: the free slots of a consultancy (from its consultants' weekly
availability, in each consultant's own time zone, across daylight-saving changes, minus
what is booked, the past and the minimum notice) and the bookings lists."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet
from django.utils import timezone

from borderpro.consulting.consultations.models import Availability, Booking
from borderpro.organizations.models import Organization

WEEKS_AHEAD = 4
MIN_NOTICE = timedelta(hours=24)


@dataclass(frozen=True)
class Slot:
    """One bookable time: a consultant, a start and an end (aware, UTC)."""

    consultant: Any
    starts_at: datetime
    ends_at: datetime
    time_zone: str  # the consultant's
    languages: tuple[str, ...]
    mode: str
    where: str

    @property
    def key(self) -> str:
        return slot_key(self.consultant.pk, self.starts_at)

    @property
    def html_id(self) -> str:
        return "slot-" + self.key.replace("|", "-")


def slot_key(consultant_id: Any, starts_at: datetime) -> str:
    return f"{consultant_id}|{starts_at.astimezone(UTC):%Y%m%dT%H%M}"


def parse_slot_key(key: str) -> tuple[str, datetime] | None:
    consultant_id, _sep, stamp = (key or "")[:60].partition("|")
    try:
        return consultant_id, datetime.strptime(stamp, "%Y%m%dT%H%M").replace(tzinfo=UTC)
    except ValueError:
        return None


def _local_starts(day: date, availability: Availability, zone: ZoneInfo) -> list[datetime]:
    """The slot starts of one day, as wall-clock times in ``zone``; a time that does not
    exist that day (the hour skipped when clocks go forward) is left out."""
    out = []
    step = timedelta(minutes=availability.slot_minutes)
    wall = datetime.combine(day, availability.starts)
    last = datetime.combine(day, availability.ends) - step
    while wall <= last:
        aware = wall.replace(tzinfo=zone)
        if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall:
            out.append(aware)
        wall += step
    return out


def _window_slots(availability: Availability, start: datetime, end: datetime) -> list[Slot]:
    zone = ZoneInfo(availability.time_zone)
    first = start.astimezone(zone).date()
    last = end.astimezone(zone).date()
    duration = timedelta(minutes=availability.slot_minutes)
    slots = []
    day = first + timedelta(days=(availability.weekday - first.weekday()) % 7)
    while day <= last:
        for local in _local_starts(day, availability, zone):
            begins = local.astimezone(UTC)
            if start <= begins < end:
                slots.append(
                    Slot(
                        consultant=availability.consultant,
                        starts_at=begins,
                        ends_at=begins + duration,
                        time_zone=availability.time_zone,
                        languages=tuple(availability.languages),
                        mode=availability.mode,
                        where=availability.where,
                    )
                )
        day += timedelta(days=7)
    return slots


def free_slots(
    consultancy: Organization,
    *,
    now: datetime | None = None,
    weeks: int = WEEKS_AHEAD,
    notice: timedelta = MIN_NOTICE,
    consultant: Any = None,
    language: str = "",
    ignore: Booking | None = None,
) -> list[Slot]:
    """The free slots of the next ``weeks`` weeks, earliest first (two queries)."""
    now = now or timezone.now()
    start, end = now + notice, now + timedelta(weeks=weeks)
    windows = Availability._base_manager.filter(
        organization=consultancy, active=True
    ).select_related("consultant")
    if consultant is not None:
        windows = windows.filter(consultant=consultant)
    taken: dict[Any, list[tuple[datetime, datetime]]] = defaultdict(list)
    bookings = Booking._base_manager.filter(
        organization=consultancy,
        starts_at__lt=end + timedelta(days=1),
        ends_at__gt=start - timedelta(days=1),
    ).exclude(status=Booking.Status.CANCELLED)
    if ignore is not None:
        bookings = bookings.exclude(pk=ignore.pk)
    for consultant_id, begins, ends in bookings.values_list(
        "consultant_id", "starts_at", "ends_at"
    ):
        taken[consultant_id].append((begins, ends))
    found: dict[str, Slot] = {}
    for availability in windows:
        if language and language not in availability.languages:
            continue
        for slot in _window_slots(availability, start, end):
            busy = taken[slot.consultant.pk]
            if any(b < slot.ends_at and slot.starts_at < e for b, e in busy):
                continue
            found.setdefault(slot.key, slot)
    return sorted(found.values(), key=lambda s: (s.starts_at, str(s.consultant.pk)))


def slots_by_day(slots: list[Slot], zone_name: str) -> list[tuple[date, list[Slot]]]:
    """Slots grouped by the day they fall on in ``zone_name`` (the visitor's zone)."""
    zone = ZoneInfo(zone_name)
    days: dict[date, list[Slot]] = defaultdict(list)
    for slot in slots:
        days[slot.starts_at.astimezone(zone).date()].append(slot)
    return sorted(days.items())


def default_time_zone(consultancy: Organization) -> str:
    """The zone slots are shown in first: the consultants' (their first window's)."""
    zone = (
        Availability._base_manager.filter(organization=consultancy, active=True)
        .values_list("time_zone", flat=True)
        .first()
    )
    return zone or consultancy.time_zone


def availability_of(consultancy: Organization) -> QuerySet[Availability]:
    return Availability.objects.filter(organization=consultancy).select_related("consultant")


def bookings_of(
    consultancy: Organization,
    *,
    when: str = "upcoming",
    status: str = "",
    consultant: Any = None,
    q: str = "",
    now: datetime | None = None,
) -> QuerySet[Booking]:
    now = now or timezone.now()
    rows = Booking.objects.filter(organization=consultancy).select_related(
        "consultant", "engagement", "client"
    )
    if when == "upcoming":
        rows = rows.filter(ends_at__gte=now).order_by("starts_at")
    elif when == "past":
        rows = rows.filter(ends_at__lt=now).order_by("-starts_at")
    if status:
        rows = rows.filter(status=status)
    if consultant is not None:
        rows = rows.filter(consultant=consultant)
    if q:
        rows = rows.filter(
            Q(name__icontains=q)
            | Q(company__icontains=q)
            | Q(email__icontains=q)
            | Q(reference__iexact=q)
        )
    return rows


def booking_detail(consultancy: Organization) -> QuerySet[Booking]:
    return Booking.objects.filter(organization=consultancy).select_related(
        "consultant", "engagement", "client", "booked_by", "time_entry"
    )


def bookings_for_client(client: Organization) -> list[Booking]:
    """A client company's consultations with its consultancies (rows owned by the
    consultancies, read with the client named explicitly)."""
    return list(
        Booking._base_manager.filter(client=client)
        .select_related("organization", "consultant")
        .order_by("-starts_at")
    )
