"""Property tests over the whole calendar Python can hold (years 1 to 9999): the date
helpers never raise on a stored date, and saturate at the calendar's ends instead."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from borderpro.programs import dates
from borderpro.programs.engine import deadlines, membership_deadline
from borderpro.programs.rules import load_rules

ANY_DAY = st.dates()  # date.min … date.max
BIG = st.integers(min_value=-20_000, max_value=20_000)
ZONES = st.sampled_from(
    ["America/Toronto", "America/St_Johns", "UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago"]
)


@given(ANY_DAY, st.integers(min_value=-4_000_000, max_value=4_000_000))
def test_add_days_never_raises(day: date, days: int) -> None:
    result = dates.add_days(day, days)
    if days >= 0:
        assert result >= day
    else:
        assert result <= day
    if date.min < result < date.max:
        assert (result - day).days == days


@given(ANY_DAY, BIG)
def test_add_months_and_years_never_raise(day: date, n: int) -> None:
    months, years = dates.add_months(day, n), dates.add_years(day, n)
    for result in (months, years):
        assert (result >= day) if n >= 0 else (result <= day)
    if date.min < months < date.max:
        assert (months.year * 12 + months.month) - (day.year * 12 + day.month) == n


@settings(max_examples=300)
@given(ANY_DAY, ANY_DAY)
def test_next_anniversary_never_raises(start: date, on: date) -> None:
    result = dates.next_anniversary(start, on)
    assert result >= on or result == date.max
    assert result > start or result == date.max


@given(st.datetimes(timezones=st.just(UTC)), ZONES)
def test_local_date_never_raises(instant: datetime, zone: str) -> None:
    result = dates.local_date(instant, zone)
    assert abs((result - instant.date()).days) <= 1


@settings(max_examples=300)
@given(ANY_DAY, ANY_DAY, ANY_DAY)
def test_membership_deadlines_never_raise(approved: date, report: date, as_of: date) -> None:
    rules = load_rules()
    membership = {
        "status": "approved",
        "approved_on": approved,
        "validation_report_on": report,
        "revalidated_on": report,
    }
    for rule in rules.deadlines:
        membership_deadline(rule, membership, as_of)
    rows = deadlines({"memberships": {"PIP": membership, "CTPAT": membership}}, as_of, "en", rules)
    assert all(isinstance(r["days_left"], int) for r in rows)
