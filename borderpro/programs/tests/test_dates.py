"""Property tests for the date rules: leap years, month ends, time zones, anniversaries."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from borderpro.programs import dates
from borderpro.programs.engine import membership_deadline
from borderpro.programs.rules import load_rules

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
ZONES = st.sampled_from(
    [
        "America/Toronto",
        "America/Vancouver",
        "America/Winnipeg",
        "America/St_Johns",
        "America/Halifax",
        "UTC",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
    ]
)


@given(DAYS, st.integers(min_value=-10, max_value=10))
def test_add_years_keeps_month_and_day_or_clamps_feb_29(day: date, years: int) -> None:
    result = dates.add_years(day, years)
    assert result.year == day.year + years
    assert result.month == day.month
    if (day.month, day.day) == (2, 29) and not calendar.isleap(result.year):
        assert result.day == 28
    else:
        assert result.day == day.day


def test_feb_29_anniversaries() -> None:
    assert dates.add_years(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert dates.add_years(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert dates.add_years(date(2023, 2, 28), 1) == date(2024, 2, 28)


@given(DAYS, st.integers(min_value=-60, max_value=60))
def test_add_months_clamps_to_the_month_end(day: date, months: int) -> None:
    result = dates.add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(result.year, result.month)[1]
    assert result.day == min(day.day, last)


def test_month_ends() -> None:
    assert dates.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert dates.add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert dates.add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert dates.add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


@given(DAYS, DAYS, st.integers(min_value=0, max_value=48))
def test_months_since_at_least_is_monotonic(start: date, on: date, months: int) -> None:
    if dates.months_since_at_least(start, on, months):
        assert dates.months_since_at_least(start, on + timedelta(days=1), months)
        assert on >= start


@given(DAYS, st.integers(min_value=0, max_value=400))
def test_within_days_boundary(on: date, days: int) -> None:
    assert dates.within_days(on - timedelta(days=days), on, days)
    assert not dates.within_days(on - timedelta(days=days + 1), on, days)
    assert not dates.within_days(on + timedelta(days=1), on, days)


@given(DAYS, DAYS)
def test_next_anniversary_is_the_first_on_or_after(start: date, on: date) -> None:
    result = dates.next_anniversary(start, on)
    assert result >= on
    assert result > start
    assert result.month == start.month
    years = result.year - start.year
    assert years >= 1
    if years > 1:
        assert dates.add_years(start, years - 1) < on


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2080, 1, 1)), ZONES)
def test_local_date_is_the_date_in_that_zone(instant: datetime, zone: str) -> None:
    import zoneinfo

    aware = instant.replace(tzinfo=UTC)
    assert dates.local_date(aware, zone) == aware.astimezone(zoneinfo.ZoneInfo(zone)).date()
    assert abs((dates.local_date(aware, zone) - aware.date()).days) <= 1


def test_appeal_deadline_counts_from_the_local_date_of_the_notice() -> None:
    """A notice at 22:30 in Toronto on 28 Feb is 1 March in UTC: the deadline follows Toronto."""
    notice = datetime(2026, 3, 1, 3, 30, tzinfo=UTC)
    rule = next(r for r in load_rules().deadlines if r.kind == "pip.appeal")
    local = dates.local_date(notice, "America/Toronto")
    assert local == date(2026, 2, 28)
    due = membership_deadline(
        rule, {"status": "cancelled", "cancelled_on": local}, date(2026, 3, 2)
    )
    assert due == date(2026, 3, 30)
    utc_due = membership_deadline(
        rule, {"status": "cancelled", "cancelled_on": notice.date()}, date(2026, 3, 2)
    )
    assert utc_due == date(2026, 3, 31)


@given(DAYS)
def test_exactly_one_version_of_a_versioned_rule_applies(day: date) -> None:
    program = load_rules().program("FAST_INTO_CANADA")
    versions = [c for c in program.criteria if c.id == "fast_ca.carrier_pip"]
    assert len(versions) == 2
    assert sum(1 for c in versions if c.applies_on(day)) == 1


@given(DAYS)
def test_revalidation_is_four_years_after_approval(approved: date) -> None:
    rule = next(r for r in load_rules().deadlines if r.kind == "pip.revalidation")
    due = membership_deadline(rule, {"status": "approved", "approved_on": approved}, approved)
    assert due == dates.add_years(approved, 4)
    assert due.month == approved.month
