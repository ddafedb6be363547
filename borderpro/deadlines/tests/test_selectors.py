"""Every module's deadlines through one selector, in a fixed number of queries."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borderpro.deadlines.selectors import deadlines_for, needing_attention, open_deadlines
from borderpro.evidence.tests.factories import evidence_for
from borderpro.operations import services as operations
from borderpro.operations.tests.factories import incident_for
from borderpro.organizations.models import Organization
from borderpro.organizations.tests.factories import OrganizationFactory
from borderpro.people.tests.factories import card_for, employee_for
from borderpro.programs.tests.factories import membership_for

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 4)
YEAR = (TODAY - timedelta(days=400), TODAY + timedelta(days=400))


def _fill(org: Any, n: int = 1, first: int = 0) -> None:
    """A carrier with every kind of record that makes deadlines, ``n`` of each."""
    membership_for(org, "PIP", approved_on=date(2022, 3, 15), last_portal_sign_in=date(2026, 2, 2))
    membership_for(org, "CTPAT", approved_on=date(2023, 1, 10))
    for i in range(first, first + n):
        driver = employee_for(org, f"Driver {i}")
        card_for(driver, kind="fast", expires_on=TODAY + timedelta(days=45 + i))
        evidence_for(org, title=f"Certificate {i}", expires_on=TODAY + timedelta(days=20 + i))
        incident_for(org, summary=f"Seal {i}")


@time_machine.travel("2026-12-04 15:00 -05:00", tick=False)
def test_one_carrier_gets_the_deadlines_of_every_module(carrier_a: Any) -> None:
    _fill(carrier_a)
    found = deadlines_for(carrier_a, *YEAR)
    kinds = {d.kind for d in found}
    assert {
        "pip.portal_sign_in",
        "pip.revalidation",
        "ctpat.annual_review",
        "ctpat.annual_review_window",
        "driver.fast_card_expiry",
        "evidence.expiry",
        "operations.incident_notification",
    } <= kinds
    assert [d.due for d in found] == sorted(d.due for d in found)
    sign_in = next(d for d in found if d.kind == "pip.portal_sign_in")
    assert sign_in.due == date(2027, 2, 2) and sign_in.confidence == "confirmed"
    assert sign_in.action_url == f"/o/{carrier_a.code}/programs/memberships/PIP/"
    card = next(d for d in found if d.kind == "driver.fast_card_expiry")
    assert card.subject == "Driver 0" and "Driver 0" in card.detail
    notices = [d for d in found if d.kind == "operations.incident_notification"]
    assert len(notices) == 5  # a seal incident is reported to five recipients
    assert all(d.due == TODAY and d.confidence == "inferred" for d in notices)


@time_machine.travel("2026-12-04 15:00 -05:00", tick=False)
def test_a_recorded_notification_or_a_closed_incident_is_no_longer_due(
    carrier_a: Any, alice: Any
) -> None:
    incident = incident_for(carrier_a)
    operations.incident_add_event(
        actor=alice,
        incident=incident,
        client_id=uuid4(),
        kind="notified",
        actor_name="Alice",
        recipient="cbsa_pip",
    )
    operations.incident_add_event(
        actor=alice,
        incident=incident,
        client_id=uuid4(),
        kind="action",
        actor_name="Alice",
        text="Re-key the yard gate",
        due_on=TODAY + timedelta(days=10),
    )
    found = deadlines_for(carrier_a, *YEAR, kinds=["operations.incident_notification"])
    assert "CBSA PIP office" not in " ".join(d.subject for d in found) and len(found) == 4
    action = deadlines_for(carrier_a, *YEAR, kinds=["operations.corrective_action"])
    assert [d.due for d in action] == [TODAY + timedelta(days=10)]
    assert "Re-key the yard gate" in action[0].subject


def test_the_range_and_the_kinds_limit_the_answer(carrier_a: Any) -> None:
    evidence_for(carrier_a, title="Old", expires_on=date(2020, 1, 1))
    evidence_for(carrier_a, title="Soon", expires_on=date(2027, 1, 1))
    evidence_for(carrier_a, title="No expiry")
    card_for(employee_for(carrier_a), expires_on=date(2027, 1, 2))
    found = deadlines_for(carrier_a, date(2026, 1, 1), date(2027, 1, 1))
    assert [(d.kind, d.subject) for d in found] == [("evidence.expiry", "Soon")]
    assert deadlines_for(carrier_a, date(2027, 1, 2), date(2027, 1, 1)) == []
    only_cards = deadlines_for(
        carrier_a, date(2019, 1, 1), date(2030, 1, 1), ["driver.fast_card_expiry"]
    )
    assert [d.kind for d in only_cards] == ["driver.fast_card_expiry"]


def test_a_yearly_deadline_recurs_across_a_long_range(carrier_a: Any) -> None:
    membership_for(carrier_a, "CTPAT", approved_on=date(2023, 1, 10))
    with time_machine.travel("2026-12-04 12:00 -05:00", tick=False):
        found = deadlines_for(
            carrier_a, date(2026, 12, 1), date(2029, 12, 31), ["ctpat.annual_review"]
        )
    assert [d.due for d in found] == [date(2027, 1, 10), date(2028, 1, 10), date(2029, 1, 10)]
    assert len({d.uid for d in found}) == 3


@time_machine.travel("2026-12-04 15:00 -05:00", tick=False)
def test_the_programs_page_list_matches_what_the_rules_engine_says(carrier_a: Any) -> None:
    from borderpro.deadlines.registry import provider_kinds
    from borderpro.programs.selectors import carrier_evaluation

    _fill(carrier_a)
    card_for(employee_for(carrier_a, "Gary"), expires_on=TODAY - timedelta(days=20))
    engine = carrier_evaluation(carrier_a, as_of=TODAY)["deadlines"]
    expected = sorted(
        (d["kind"], d["due"], d["status"])
        for d in engine
        if d["status"] in ("overdue", "due_soon", "open")
    )
    rows = needing_attention(open_deadlines(carrier_a, TODAY, kinds=provider_kinds("programs")))
    assert sorted((r.kind.key, r.deadline.due.isoformat(), r.state) for r in rows) == expected


def _queries(orgs: list[Any]) -> int:
    with CaptureQueriesContext(connection) as ctx:
        deadlines_for(orgs, *YEAR)
    return len(ctx.captured_queries)


@time_machine.travel("2026-12-04 15:00 -05:00", tick=False)
def test_queries_do_not_grow_with_rows_or_organizations(carrier_a: Any) -> None:
    _fill(carrier_a, n=1)
    one = _queries([carrier_a])
    _fill(carrier_a, n=4, first=1)
    assert _queries([carrier_a]) == one
    portfolio = [carrier_a]
    for _ in range(5):
        org = OrganizationFactory()
        _fill(org, n=2)
        portfolio.append(org)
    assert _queries(portfolio) == one
    # one read per source table: programs, people and operations 7; evidence 1; risk 2;
    # partners 3; policies 1; consulting 2 (renewals, consultations); training 3; reviews 2
    assert one <= 21
    found = deadlines_for(Organization.objects.filter(pk__in=[o.pk for o in portfolio]), *YEAR)
    assert {d.organization.pk for d in found} == {o.pk for o in portfolio}
