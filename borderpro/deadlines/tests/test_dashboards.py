"""The carrier overview's card, a consultancy's client columns and cross-client page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client

from borderpro.evidence.tests.factories import evidence_for

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 4)


@pytest.fixture(autouse=True)
def _today() -> Iterator[None]:
    with time_machine.travel("2026-12-04 15:00 -05:00", tick=False):
        yield


@pytest.fixture
def due(carrier_a: Any, carrier_b: Any, alice: Any, charlie: Any) -> None:
    evidence_for(carrier_a, title="Late letter", actor=alice, expires_on=TODAY - timedelta(days=3))
    evidence_for(carrier_a, title="Soon policy", actor=alice, expires_on=TODAY + timedelta(days=12))
    evidence_for(carrier_a, title="Far plan", actor=alice, expires_on=TODAY + timedelta(days=200))
    evidence_for(carrier_b, title="B only", actor=charlie, expires_on=TODAY + timedelta(days=5))


def test_the_overview_card_shows_overdue_and_the_next_30_days(
    due: None, as_alice: Client, carrier_a: Any
) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    page = page.split('aria-labelledby="deadlines-h"')[1].split("</section>")[0]
    assert "Overdue and next 30 days" in page
    assert "Late letter" in page and "Soon policy" in page
    assert "Far plan" not in page
    assert "1 overdue · 1 coming" in page


def test_the_consultant_sees_client_columns_and_what_is_due(
    due: None, as_carol: Client, consultancy: Any, carrier_a: Any
) -> None:
    overview = as_carol.get(f"/o/{consultancy.code}/").content.decode()
    assert "Overdue deadlines" in overview and "Next deadline" in overview
    assert "16 Dec 2026" in overview  # Carrier A's next due date
    page = as_carol.get(f"/o/{consultancy.code}/deadlines/portfolio/").content.decode()
    assert "Late letter" in page and "Soon policy" in page and "Carrier A" in page
    assert "B only" not in page  # not this consultancy's client
    assert "Far plan" not in page
    assert (
        "Far plan"
        in as_carol.get(f"/o/{consultancy.code}/deadlines/portfolio/?days=365").content.decode()
    )
    late = as_carol.get(f"/o/{consultancy.code}/deadlines/portfolio/?state=late").content.decode()
    assert "Late letter" in late and "Soon policy" not in late


def test_the_portfolio_page_is_for_consultancies_only(
    as_alice: Client, as_charlie: Client, carrier_a: Any, consultancy: Any
) -> None:
    assert as_alice.get(f"/o/{carrier_a.code}/deadlines/portfolio/").status_code == 404
    assert as_charlie.get(f"/o/{consultancy.code}/deadlines/portfolio/").status_code == 404


def test_an_empty_portfolio_says_so(as_carol: Client, consultancy: Any) -> None:
    page = as_carol.get(f"/o/{consultancy.code}/deadlines/portfolio/").content.decode()
    assert "No client has a deadline overdue or due in this period." in page
