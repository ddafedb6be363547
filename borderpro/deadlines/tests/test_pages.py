"""The deadlines page, its API, the overview card and the programs page's due list."""

from __future__ import annotations

import html
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.evidence.tests.factories import evidence_for
from borderpro.operations.tests.factories import incident_for
from borderpro.people.tests.factories import card_for, employee_for
from borderpro.programs.tests.factories import membership_for

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel("2026-12-04 15:00 -05:00", tick=False):
        yield


@pytest.fixture
def records(carrier_a: Any, alice: Any) -> None:
    membership_for(carrier_a, "PIP", approved_on=date(2022, 3, 15))  # revalidation overdue
    card_for(employee_for(carrier_a, "Gary Olsen"), expires_on=TODAY + timedelta(days=45))
    evidence_for(
        carrier_a, title="Seal certificate", actor=alice, expires_on=TODAY + timedelta(days=30)
    )
    incident_for(carrier_a, kind="cyber")


def _url(org: Any, api: bool = False) -> str:
    return f"/api/v1/o/{org.code}/deadlines/" if api else f"/o/{org.code}/deadlines/"


def test_the_page_lists_every_module_s_deadlines(
    as_alice: Client, carrier_a: Any, records: None
) -> None:
    page = as_alice.get(_url(carrier_a)).content.decode()
    for text in (
        "PIP revalidation",
        "FAST card expiry",
        "Gary Olsen",
        "Evidence expires",
        "Seal certificate",
        "Incident notification",
        "CBP supply chain security specialist",
        "Overdue",
        "in 45 days",
        "today",  # the incident's notifications are due the day it was discovered
        'data-label="Due"',  # the table stacks into cards on a phone
    ):
        assert text in page, text
    assert page.index("PIP revalidation") < page.index("Gary Olsen")  # oldest due first


def test_the_kind_and_state_filters(as_alice: Client, carrier_a: Any, records: None) -> None:
    page = as_alice.get(_url(carrier_a), {"kind": "evidence.expiry"}).content.decode()
    assert "Seal certificate" in page and "Gary Olsen" not in page
    page = as_alice.get(_url(carrier_a), {"state": "late"}).content.decode()
    assert "PIP revalidation" in page and "Seal certificate" not in page
    page = as_alice.get(_url(carrier_a), {"kind": "no.such", "state": "nonsense"}).content
    assert "Gary Olsen" in page.decode()  # unknown filters are ignored, not an error


def test_field_staff_see_only_the_kinds_their_role_may_see(
    as_bob: Client, carrier_a: Any, records: None
) -> None:
    page = as_bob.get(_url(carrier_a)).content.decode()
    assert "Seal certificate" in page and "Incident notification" in page
    assert "PIP revalidation" not in page and "Gary Olsen" not in page
    data = as_bob.get(_url(carrier_a, api=True)).json()
    assert {row["kind"] for row in data["results"]} <= {
        "evidence.expiry",
        "operations.incident_notification",
        "operations.corrective_action",
    }
    response = as_bob.get(_url(carrier_a, api=True), {"kind": "pip.revalidation"})
    assert response.status_code == 400


def test_the_empty_page_says_what_fills_it(as_alice: Client, carrier_a: Any) -> None:
    page = as_alice.get(_url(carrier_a)).content.decode()
    assert "Nothing due" in page and "driver cards" in page
    page = as_alice.get(_url(carrier_a), {"kind": "evidence.expiry"}).content.decode()
    assert "Nothing matches" in page


def test_the_page_in_french(as_alice: Client, alice: Any, carrier_a: Any, records: None) -> None:
    alice.language = "fr"
    alice.save()
    page = html.unescape(as_alice.get(_url(carrier_a)).content.decode())
    assert "Échéances" in page and "En retard" in page and "Expiration d'une preuve" in page
    assert "Avis d'incident" in page


def test_a_consultancy_has_no_deadlines_page(as_carol: Client, consultancy: Any) -> None:
    assert as_carol.get(_url(consultancy)).status_code == 404
    assert as_carol.get(_url(consultancy, api=True)).status_code == 404


def test_the_api_lists_with_the_standard_envelope(
    as_alice: Client, alice: Any, carrier_a: Any, records: None
) -> None:
    data = as_alice.get(_url(carrier_a, api=True), {"page_size": 2}).json()
    assert set(data) >= {"count", "next", "previous", "results"} and data["count"] == 6
    assert len(data["results"]) == 2 and data["next"]
    first = data["results"][0]
    assert first["kind"] == "pip.portal_sign_in" and first["state"] == "overdue"
    assert first["due"] == "2023-03-15" and first["days_left"] == -1360
    assert first["confidence"] == "confirmed" and first["source"].startswith("https://")
    assert first["reminder_days"] == [90, 60, 30, 7] and len(first["uid"]) == 36
    again = as_alice.get(_url(carrier_a, api=True), {"page_size": 2}).json()
    assert again["results"][0]["uid"] == first["uid"]
    evidence = as_alice.get(
        _url(carrier_a, api=True), {"kind": "evidence.expiry", "state": "due_soon"}
    ).json()["results"]
    assert [(r["subject"], r["owner"]) for r in evidence] == [("Seal certificate", alice.email)]


def test_the_api_names_a_bad_parameter(as_alice: Client, carrier_a: Any) -> None:
    response = as_alice.get(_url(carrier_a, api=True), {"start": "2027-01-01", "end": "2026-01-01"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "end"
    response = as_alice.get(_url(carrier_a, api=True), {"start": "yesterday"})
    assert response.json()["errors"][0]["field"] == "start"


def test_the_overview_shows_the_next_deadlines(
    as_alice: Client, carrier_a: Any, records: None
) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Overdue and next 30 days" in page and "All deadlines" in page
    assert "PIP revalidation" in page


def test_the_programs_page_lists_what_is_due_from_the_registry(
    as_alice: Client, carrier_a: Any, records: None
) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/programs/").content.decode()
    assert "Due now or soon" in page
    assert "PIP revalidation" in page and "Gary Olsen" in page
    assert "Seal certificate" not in page  # other modules' deadlines stay on their pages


def test_the_page_runs_the_same_queries_for_more_rows(
    as_alice: Client, carrier_a: Any, alice: Any, records: None
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert as_alice.get(_url(carrier_a)).status_code == 200
        return len(ctx.captured_queries)

    as_alice.get(_url(carrier_a))  # the first view also remembers the organization
    before = count()
    for i in range(6):
        card_for(employee_for(carrier_a, f"Driver {i}"), expires_on=TODAY + timedelta(days=i))
        evidence_for(carrier_a, title=f"Doc {i}", expires_on=TODAY + timedelta(days=i))
        incident_for(carrier_a, summary=f"Incident {i}")
    assert count() == before


def test_the_api_runs_the_same_queries_for_more_rows(
    as_alice: Client, carrier_a: Any, records: None
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert as_alice.get(_url(carrier_a, api=True)).status_code == 200
        return len(ctx.captured_queries)

    before = count()
    for i in range(6):
        card_for(employee_for(carrier_a, f"Driver {i}"), expires_on=TODAY + timedelta(days=i))
        evidence_for(carrier_a, title=f"Doc {i}", expires_on=TODAY + timedelta(days=i))
    assert count() == before
