"""The yearly review date and the open action items on the deadline interface."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from borderpro.deadlines.registry import provider_kinds
from borderpro.deadlines.selectors import deadlines_for
from borderpro.risk import services, threats
from borderpro.risk.tests.factories import action_for, assessment_for, flow_for, rating_for

pytestmark = pytest.mark.django_db


def test_review_date_and_open_actions_are_deadlines_counted_once(
    alice: Any, carrier_a: Any, ctpat: Any
) -> None:
    assert set(provider_kinds("risk")) == {"risk.review", "risk.action"}
    a = assessment_for(carrier_a, year=2025, assessed_on=date(2025, 2, 20))
    flow_for(a)
    for threat in threats.library():
        rating_for(a, threat.code, 2)
    for vuln in a.vulnerabilities.all():
        action_for(
            a, vulnerability=vuln, title=f"Fix {vuln.category.code}", due_on=date(2025, 11, 30)
        )
    services._sign(
        actor=alice, organization=carrier_a, assessment=a, step="approved", signer_name="Alice"
    )
    services.assessment_start_next(actor=None, organization=carrier_a, previous=a, year=2026)
    found = [
        d
        for d in deadlines_for([carrier_a], date(2025, 1, 1), date(2026, 12, 31))
        if d.kind.startswith("risk.")
    ]
    reviews = [d for d in found if d.kind == "risk.review"]
    actions = [d for d in found if d.kind == "risk.action"]
    assert [d.due for d in reviews] == [date(2026, 2, 20)]
    assert reviews[0].confidence == "confirmed" and "cbsa-asfc" in reviews[0].source
    assert len(actions) == a.vulnerabilities.count()  # the carried-over copies, not both
    assert all("/risk/actions/" in d.action_url for d in actions)
