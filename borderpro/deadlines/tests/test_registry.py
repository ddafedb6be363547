"""The deadline interface: kinds, stable ids, and the state a date gives a deadline."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from borderpro.deadlines.registry import (
    STATE_RANK,
    Deadline,
    DeadlineKind,
    deadline_state,
    kind,
    kinds,
    provider_kinds,
    register_provider,
)

ORG = SimpleNamespace(pk="org-1", code="acme")


def _deadline(**fields: object) -> Deadline:
    values: dict[str, object] = {
        "kind": "evidence.expiry",
        "organization": ORG,
        "subject": "Seal certificate",
        "due": date(2027, 3, 1),
        "owner": None,
        "action_url": "/o/acme/evidence/1/",
        "ref": "file-1",
    }
    values.update(fields)
    return Deadline(**values)


@settings(deadline=None)
@given(
    due=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    first=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)),
    later_by=st.integers(min_value=0, max_value=4000),
    soon=st.integers(min_value=0, max_value=365),
    window=st.booleans(),
)
def test_the_state_only_moves_forward_as_days_pass(
    due: date, first: date, later_by: int, soon: int, window: bool
) -> None:
    """Upcoming → due soon → overdue (or open): a later day never gives an earlier state."""
    second = first + timedelta(days=later_by)
    before = deadline_state(due, first, due_soon_days=soon, window=window)
    after = deadline_state(due, second, due_soon_days=soon, window=window)
    assert STATE_RANK[before] <= STATE_RANK[after]


@settings(deadline=None)
@given(due=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
def test_the_state_on_the_edges(due: date) -> None:
    assert deadline_state(due, due, due_soon_days=0) == "due_soon"
    assert deadline_state(due, due + timedelta(days=1), due_soon_days=30) == "overdue"
    assert deadline_state(due, due + timedelta(days=1), due_soon_days=30, window=True) == "open"
    assert deadline_state(due, due - timedelta(days=30), due_soon_days=30) == "due_soon"
    assert deadline_state(due, due - timedelta(days=31), due_soon_days=30) == "upcoming"


def test_the_uid_is_stable_and_changes_with_the_record_or_the_date() -> None:
    first = _deadline()
    assert first.uid == _deadline(subject="renamed", detail="other words").uid
    assert first.uid != _deadline(ref="file-2").uid
    assert first.uid != _deadline(due=date(2027, 3, 2)).uid
    assert first.uid != _deadline(organization=SimpleNamespace(pk="org-2")).uid
    assert len(first.uid) == 36


def test_the_deadline_state_uses_its_kind() -> None:
    evidence = _deadline(due=date(2027, 3, 1))
    assert evidence.state(date(2027, 1, 1)) == "due_soon"  # 59 days: evidence warns at 60
    assert evidence.days_left(date(2027, 3, 3)) == -2
    window = _deadline(kind="ctpat.annual_review_window", due=date(2027, 3, 1))
    assert window.state(date(2027, 3, 2)) == "open"


def test_every_module_declares_its_kinds() -> None:
    keys = {k.key for k in kinds()}
    assert {
        "pip.portal_sign_in",
        "pip.revalidation",
        "pip.appeal",
        "ctpat.annual_review_window",
        "driver.fast_card_expiry",
        "driver.cdrp_card_expiry",
        "evidence.expiry",
        "operations.incident_notification",
    } <= keys
    assert "driver.fast_card_expiry" in provider_kinds("programs")
    fast = kind("driver.fast_card_expiry")
    assert fast.confidence == "confirmed" and fast.source.startswith("https://")
    assert fast.reminder_days[0] == 183  # six months ahead (rules.yaml remind_months)
    assert str(kind("evidence.expiry").label) == "Evidence expires"


def test_a_kind_is_named_after_its_app_and_a_known_confidence() -> None:
    with pytest.raises(ValueError, match=r"<app>\.<what>"):
        DeadlineKind("expiry", "Expiry", permission="evidence.view")
    with pytest.raises(ValueError, match="unknown confidence"):
        DeadlineKind("x.y", "Y", permission="evidence.view", confidence="probably")


def test_a_provider_must_register_its_kinds_first() -> None:
    with pytest.raises(ValueError, match="register the kinds"):
        register_provider("nothing", lambda orgs, start, end: [], kinds=["nothing.yet"])
    with pytest.raises(KeyError, match="register it"):
        kind("nothing.yet")
