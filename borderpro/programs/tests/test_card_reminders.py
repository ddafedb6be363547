"""A FAST card renewal must be approved before the card expires: its deadline is "due soon"
and reminded from six months ahead (rules.yaml ``remind_months``), not from 90 days."""

from __future__ import annotations

from datetime import date, timedelta

from borderpro.deadlines.registry import DUE_SOON, UPCOMING, deadline_state, kind


def test_fast_card_reminders_start_six_months_ahead() -> None:
    fast = kind("driver.fast_card_expiry")
    assert fast.reminder_days[0] == 183 and fast.reminder_days[1:] == (90, 60, 30, 7)
    assert fast.due_soon_days == 183
    today = date(2026, 12, 4)
    assert (
        deadline_state(today + timedelta(days=150), today, due_soon_days=fast.due_soon_days)
        == DUE_SOON
    )
    assert (
        deadline_state(today + timedelta(days=200), today, due_soon_days=fast.due_soon_days)
        == UPCOMING
    )


def test_cdrp_card_reminders_follow_their_own_months() -> None:
    assert kind("driver.cdrp_card_expiry").reminder_days[0] == 91
