"""People: the employee list with FAST / CDRP cards, the employee page and the API."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.people.models import DriverCard, Employee
from borderpro.people.tests.factories import card_for, employee_for

pytestmark = pytest.mark.django_db


def test_the_list_shows_drivers_and_card_states(as_alice: Client, carrier_a: Any) -> None:
    today = date.today()
    card_for(employee_for(carrier_a, "Ann Soon"), expires_on=today + timedelta(days=30))
    card_for(employee_for(carrier_a, "Ben Gone"), expires_on=today - timedelta(days=3))
    page = as_alice.get(f"/o/{carrier_a.code}/people/").content.decode()
    assert "Ann Soon" in page and "Ben Gone" in page
    assert "badge warn" in page and "badge bad" in page


def test_the_list_keeps_a_constant_query_count(as_alice: Client, carrier_a: Any) -> None:
    url = f"/o/{carrier_a.code}/people/"
    card_for(employee_for(carrier_a, "First"))
    as_alice.get(url)
    with CaptureQueriesContext(connection) as few:
        as_alice.get(url)
    for n in range(8):
        card_for(employee_for(carrier_a, f"Driver {n}"))
    with CaptureQueriesContext(connection) as many:
        as_alice.get(url)
    assert len(many) == len(few)


def test_adding_a_person_then_a_card(as_alice: Client, carrier_a: Any) -> None:
    response = as_alice.post(
        f"/o/{carrier_a.code}/people/new/", {"full_name": "", "role": "driver"}
    )
    assert "This field is required" in response.content.decode()
    response = as_alice.post(
        f"/o/{carrier_a.code}/people/new/", {"full_name": "Dan", "role": "driver", "active": "on"}
    )
    employee = Employee.objects.get(organization=carrier_a, full_name="Dan")
    url = f"/o/{carrier_a.code}/people/{employee.pk}/"
    assert response["Location"] == url
    bad = as_alice.post(
        url,
        {
            "c-kind": "fast",
            "c-number": "123",
            "c-issued_on": "2026-05-01",
            "c-expires_on": "2026-01-01",
            "add_card": "1",
        },
    )
    assert "The expiry date must be after the issue date." in bad.content.decode()
    assert not DriverCard.objects.filter(organization=carrier_a).exists()
    ok = as_alice.post(
        url,
        {
            "c-kind": "fast",
            "c-number": "123",
            "c-issued_on": "2026-01-01",
            "c-expires_on": "2031-01-01",
            "add_card": "1",
        },
    )
    assert ok.status_code == 302
    dup = as_alice.post(
        url, {"c-kind": "fast", "c-number": "123", "c-expires_on": "2031-01-01", "add_card": "1"}
    )
    assert "already recorded" in dup.content.decode()
    assert DriverCard.objects.filter(organization=carrier_a).count() == 1


def test_field_staff_see_but_cannot_edit(as_bob: Client, carrier_a: Any) -> None:
    employee_for(carrier_a)
    assert as_bob.get(f"/o/{carrier_a.code}/people/").status_code == 403


def test_removing_a_card(as_alice: Client, carrier_a: Any) -> None:
    card = card_for(employee_for(carrier_a))
    response = as_alice.post(f"/o/{carrier_a.code}/people/cards/{card.pk}/remove/")
    assert response.status_code == 302
    assert not DriverCard.objects.filter(pk=card.pk).exists()


def test_outsiders_get_404(as_charlie: Client, carrier_a: Any) -> None:
    employee = employee_for(carrier_a)
    card = card_for(employee)
    assert as_charlie.get(f"/o/{carrier_a.code}/people/{employee.pk}/").status_code == 404
    assert as_charlie.post(f"/o/{carrier_a.code}/people/cards/{card.pk}/remove/").status_code == 404
    assert as_charlie.get(f"/api/v1/o/{carrier_a.code}/people/").status_code == 404


def test_the_api(as_alice: Client, carrier_a: Any) -> None:
    base = f"/api/v1/o/{carrier_a.code}/people/"
    created = as_alice.post(
        base, {"full_name": "Eve", "role": "driver"}, content_type="application/json"
    )
    assert created.status_code == 201
    eid = created.json()["id"]
    bad = as_alice.post(
        f"{base}{eid}/cards/",
        {"kind": "fast", "number": "9", "issued_on": "2026-05-01", "expires_on": "2026-01-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "expires_on"
    ok = as_alice.post(
        f"{base}{eid}/cards/",
        {"kind": "cdrp", "number": "9", "expires_on": "2030-01-01"},
        content_type="application/json",
    )
    assert ok.status_code == 201
    assert (
        as_alice.patch(f"{base}{eid}/", {"active": False}, content_type="application/json").json()[
            "active"
        ]
        is False
    )
    assert as_alice.get(f"{base}{eid}/").json()["cards"][0]["kind"] == "cdrp"


def test_cards_feed_fast_eligibility_and_deadlines(as_alice: Client, carrier_a: Any) -> None:
    card_for(employee_for(carrier_a, "Fay"), expires_on=date.today() + timedelta(days=20))
    answer = as_alice.get(f"/api/v1/o/{carrier_a.code}/programs/").json()
    row = next(d for d in answer["deadlines"] if d["kind"] == "driver.fast_card_expiry")
    assert "Fay" in row["explanation"] and row["status"] == "due_soon"


def test_fast_card_renewal_reminders_start_six_months_ahead() -> None:
    from datetime import date

    from borderpro.people.models import RENEWAL_REMINDER_MONTHS, DriverCard
    from borderpro.programs.rules import load_rules

    card = DriverCard(kind="fast", number="1", expires_on=date(2027, 8, 31))
    assert card.remind_from == date(2027, 2, 28)
    assert card.state(date(2027, 2, 27)) == "valid"
    assert card.state(date(2027, 2, 28)) == "expiring"  # 184 days ahead
    assert card.state(date(2027, 9, 1)) == "expired"
    rules = load_rules().driver_cards
    assert {k: rules[k]["remind_months"] for k in rules} == RENEWAL_REMINDER_MONTHS
