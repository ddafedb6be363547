"""The partners' deadlines: re-screenings and certification status checks, for any number of
organizations in a fixed number of queries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borderpro.deadlines.registry import kind
from borderpro.organizations.models import Organization
from borderpro.partners import services
from borderpro.partners.deadlines import RESCREENING, STATUS_CHECK, partner_deadlines
from borderpro.partners.tests.factories import certification_for, partner_for

pytestmark = pytest.mark.django_db

START, END = date(2025, 1, 1), date(2028, 12, 31)


def _screen(partner: Any, on: date, outcome: str = "approved") -> None:
    services.screening_record(
        actor=None,
        organization=partner.organization,
        partner=partner,
        screened_on=on,
        outcome=outcome,
        today=on,
    )


def test_rescreening_and_status_checks_are_deadlines(carrier_a: Any) -> None:
    warehouse = partner_for(carrier_a, "Milton Cross-Dock", kind="warehouse", country="US")
    _screen(warehouse, date(2026, 1, 10), "corrective_action")  # high risk: a year
    certification_for(partner_for(carrier_a, "Certified"), verified_on=date(2026, 2, 1))
    found = {(d.kind, d.subject, d.due) for d in partner_deadlines([carrier_a], START, END)}
    assert (RESCREENING, "Milton Cross-Dock", date(2027, 1, 10)) in found
    assert (STATUS_CHECK, "Certified · C-TPAT", date(2026, 3, 3)) in found
    assert kind(STATUS_CHECK).confidence == "third-party" and kind(STATUS_CHECK).source


def test_an_inactive_partner_has_no_deadline(carrier_a: Any) -> None:
    partner = partner_for(carrier_a, "Gone", active=False)
    _screen(partner, date(2026, 1, 10))
    assert list(partner_deadlines([carrier_a], START, END)) == []


def test_queries_do_not_grow_with_organizations(carrier_a: Any, carrier_b: Any) -> None:
    def fill(org: Any, n: int) -> None:
        for i in range(n):
            p = partner_for(org, f"P{i}")
            _screen(p, date(2026, 1, 10))
            certification_for(p, verified_on=date(2026, 2, 1))

    fill(carrier_a, 2)
    with CaptureQueriesContext(connection) as few:
        one = list(partner_deadlines([carrier_a], START, END))
    fill(carrier_b, 4)
    orgs = list(Organization.objects.filter(pk__in=[carrier_a.pk, carrier_b.pk]))
    with CaptureQueriesContext(connection) as many:
        both = list(partner_deadlines(orgs, START, END))
    assert len(many) == len(few) == 3 and len(both) == len(one) * 3
