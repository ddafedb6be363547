"""Date arithmetic for eligibility rules and deadlines, in one place.

Every function works on local calendar dates (``datetime.date``): deadlines are local dates
in the organization's time zone, so an instant is turned into a date with
:func:`local_date` before any arithmetic. Counting is in calendar days (D23-1-1 counts
calendar days, not business days).
"""

from __future__ import annotations

import calendar
import zoneinfo
from datetime import UTC, date, datetime, timedelta


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day past the month's end becomes its last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


def add_years(day: date, years: int) -> date:
    """The anniversary ``years`` later; 29 February becomes 28 February in common years."""
    return add_months(day, 12 * years)


def months_since_at_least(start: date, on: date, months: int) -> bool:
    """True when at least ``months`` whole months have passed from ``start`` to ``on``."""
    return add_months(start, months) <= on


def within_days(day: date, on: date, days: int) -> bool:
    """True when ``day`` is on or before ``on`` and no more than ``days`` days earlier."""
    return day <= on and (on - day).days <= days


def next_anniversary(start: date, on: date) -> date:
    """The first anniversary of ``start`` (one year or more later) falling on or after ``on``."""
    years = max(1, on.year - start.year)
    candidate = add_years(start, years)
    while candidate < on:
        years += 1
        candidate = add_years(start, years)
    # one step back if the previous anniversary also qualifies
    while years > 1 and add_years(start, years - 1) >= on:
        years -= 1
        candidate = add_years(start, years)
    return candidate


def local_date(instant: datetime, time_zone: str) -> date:
    """The calendar date of an instant in a time zone (naive instants are taken as UTC)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


def days_between(start: date, end: date) -> int:
    return (end - start).days
