"""Date arithmetic for eligibility rules and deadlines, in one place.

Every function works on local calendar dates (``datetime.date``): deadlines are local dates
in the organization's time zone, so an instant is turned into a date with
:func:`local_date` before any arithmetic. Counting is in calendar days (D23-1-1 counts
calendar days, not business days).

Nothing here raises on a date Python can hold: arithmetic saturates at ``date.min`` /
``date.max`` instead of failing with "year 10000 is out of range", so one odd stored date
cannot take a page down (forms and the API refuse such dates in the first place:
``borderpro.common.daterange``). A saturated result shows as 9999-12-31 — visibly wrong,
pointing at the stored date to fix — rather than as an error page for everyone.
"""

from __future__ import annotations

import calendar
import zoneinfo
from datetime import UTC, date, datetime, timedelta


def add_days(day: date, days: int) -> date:
    """``days`` calendar days later (earlier when negative), saturating at the calendar's ends."""
    if days >= 0:
        return day + timedelta(days=days) if (date.max - day).days >= days else date.max
    return day + timedelta(days=days) if (day - date.min).days >= -days else date.min


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; a day past the month's end becomes its last day.
    Saturates at ``date.min`` / ``date.max``."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    if year > date.max.year:
        return date.max
    if year < date.min.year:
        return date.min
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
    """The first anniversary of ``start`` (one year or more later) falling on or after ``on``
    (``date.max`` when there is none before the calendar ends)."""
    years = max(1, on.year - start.year)
    candidate = add_years(start, years)
    while candidate < on:  # ends: a saturated candidate is date.max, never before ``on``
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
    try:
        return instant.astimezone(zoneinfo.ZoneInfo(time_zone)).date()
    except OverflowError:  # within a day of the calendar's ends: its own date is as good
        return instant.date()


def days_between(start: date, end: date) -> int:
    return (end - start).days
