"""Employees' details, screenings, badges and keys; termination lists what must come back;
screening re-checks and unreturned items are deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from borderpro.people import services
from borderpro.people.deadlines import RECHECK, UNRETURNED, people_deadlines
from borderpro.people.models import Employee, IssuedItem, Screening
from borderpro.people.tests.factories import employee_for

pytestmark = pytest.mark.django_db


def test_details_screening_and_badges_on_the_employee_page(
    as_alice: Client, carrier_a: Any
) -> None:
    employee = employee_for(carrier_a, "Sam Screen", role="yard")
    url = f"/o/{carrier_a.code}/people/{employee.pk}/"
    bad = as_alice.post(
        url,
        {
            "e-full_name": "Sam Screen",
            "e-role": "security",
            "e-hired_on": "2025-05-01",
            "e-terminated_on": "2025-01-01",
            "save_employee": "1",
        },
    )
    assert "cannot be before the hire date" in bad.content.decode()
    ok = as_alice.post(
        url,
        {
            "e-full_name": "Sam Screen",
            "e-role": "security",
            "e-site": "Windsor",
            "e-language": "fr",
            "e-hired_on": "2024-05-01",
            "e-conduct_acknowledged_on": "2024-05-02",
            "e-active": "on",
            "save_employee": "1",
        },
    )
    assert ok.status_code == 302
    employee.refresh_from_db()
    assert (employee.role, employee.site, employee.language) == ("security", "Windsor", "fr")
    assert employee.history.count() == 2
    as_alice.post(
        url,
        {
            "s-kind": "background",
            "s-checked_on": "2024-04-20",
            "s-outcome": "cleared",
            "s-recheck_months": "36",
            "add_screening": "1",
        },
    )
    screening = Screening.objects.get(employee=employee)
    assert screening.recheck_on == date(2027, 4, 20)
    as_alice.post(
        url, {"i-kind": "badge", "i-label": "B-77", "i-issued_on": "2024-05-01", "issue_item": "1"}
    )
    item = IssuedItem.objects.get(employee=employee)
    page = as_alice.get(url).content.decode()
    assert "Background check" in page and "B-77" in page and "acknowledged" in page
    refused = as_alice.post(
        f"/o/{carrier_a.code}/people/items/{item.pk}/return/", {"returned_on": "2024-01-01"}
    )
    assert refused.status_code == 302
    item.refresh_from_db()
    assert item.returned_on is None  # before the issue date: refused
    as_alice.post(
        f"/o/{carrier_a.code}/people/items/{item.pk}/return/", {"returned_on": "2025-06-01"}
    )
    item.refresh_from_db()
    assert item.returned_on == date(2025, 6, 1)


def test_termination_lists_what_must_come_back_and_makes_deadlines(
    carrier_a: Any, as_alice: Client
) -> None:
    today = date.today()
    leaver = employee_for(carrier_a, "Lee Leaver", hired_on=today - timedelta(days=400))
    services.item_issue(
        actor=None,
        organization=carrier_a,
        employee=leaver,
        kind="key",
        label="Gate 4",
        issued_on=today - timedelta(days=300),
    )
    services.employee_update(
        actor=None, organization=carrier_a, employee=leaver, terminated_on=today - timedelta(days=2)
    )
    leaver.refresh_from_db()
    assert leaver.active is False
    page = as_alice.get(f"/o/{carrier_a.code}/people/{leaver.pk}/").content.decode()
    assert "these must come back" in page and "Gate 4" in page
    stayer = employee_for(carrier_a, "Rita Recheck")
    services.screening_add(
        actor=None,
        organization=carrier_a,
        employee=stayer,
        kind="background",
        checked_on=today - timedelta(days=700),
        recheck_months=24,
    )
    found = list(
        people_deadlines([carrier_a], today - timedelta(days=30), today + timedelta(days=60))
    )
    kinds = {(d.kind, d.subject.split(" · ")[0]) for d in found}
    assert (UNRETURNED, "Lee Leaver") in kinds and (RECHECK, "Rita Recheck") in kinds


def test_employee_api_has_the_new_fields(as_alice: Client, carrier_a: Any) -> None:
    created = as_alice.post(
        f"/api/v1/o/{carrier_a.code}/people/",
        {
            "full_name": "Api Hr",
            "role": "hr",
            "site": "Laval",
            "hired_on": "2025-01-02",
            "language": "fr",
        },
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["site"] == "Laval"
    assert Employee.objects.get(full_name="Api Hr").role == "hr"


def test_screenings_and_training_records_are_review_sources(carrier_a: Any) -> None:
    from borderpro.common.records import binder_parts, record_sources

    employee = employee_for(carrier_a, "Rev Iew")
    services.screening_add(
        actor=None,
        organization=carrier_a,
        employee=employee,
        kind="identity",
        checked_on=date(2026, 3, 1),
    )
    sources = {s.name: s for s in record_sources()}
    rows = sources["people.screenings"].records(carrier_a, date(2026, 1, 1), date(2026, 12, 31))
    assert [r.summary for r in rows] == ["Rev Iew · Identity verification: Cleared"]
    assert "training.records" in sources
    assert "training.matrix" in {p.name for p in binder_parts()}
