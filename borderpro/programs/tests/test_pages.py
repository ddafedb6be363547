"""Programs pages: cards, explanations, what-if, memberships, declarations, the portfolio."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.organizations.tests.factories import OrganizationFactory, link_client
from borderpro.people.tests.factories import card_for, employee_for
from borderpro.programs.models import Declarations, Membership
from borderpro.programs.tests.factories import membership_for

pytestmark = pytest.mark.django_db


def test_the_programs_page_shows_a_card_per_program(as_alice: Client, carrier_a: Any) -> None:
    membership_for(carrier_a, "PIP", number="CA-PIP-77")
    page = as_alice.get(f"/o/{carrier_a.code}/programs/").content.decode()
    for name in (
        "Partners in Protection (PIP)",
        "FAST into Canada",
        "FAST into the United States",
        "Courier Low Value Shipment (LVS)",
        "C-TPAT (highway carrier)",
        "Mutual recognition",
    ):
        assert name in page
    assert "CA-PIP-77" in page
    assert "PIP revalidation" in page  # overdue since 2026-03-15


def test_the_explanation_traces_each_criterion(as_alice: Client, carrier_a: Any) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/programs/PIP/").content.decode()
    assert "Registered in the CARM Client Portal" in page
    assert "https://www.cbsa-asfc.gc.ca/publications/dm-md/d23/d23-1-1-eng.html" in page
    assert "Confirmed" in page
    assert as_alice.get(f"/o/{carrier_a.code}/programs/NOPE/").status_code == 404


def test_the_explanation_in_french(alice: Any, carrier_a: Any) -> None:
    client = Client()
    client.force_login(alice)
    client.cookies["django_language"] = "fr"
    alice.language = "fr"
    alice.save()
    page = client.get(
        f"/o/{carrier_a.code}/programs/FAST_INTO_CANADA/", HTTP_ACCEPT_LANGUAGE="fr"
    ).content.decode()
    assert "EXPRES vers le Canada" in page
    assert "Source" in page


def test_what_blocks_fast_for_this_driver_on_this_date(as_alice: Client, carrier_a: Any) -> None:
    membership_for(carrier_a, "PIP")
    dan = employee_for(carrier_a, "Dan Expired")
    card_for(dan, expires_on=date(2026, 1, 1))
    url = f"/o/{carrier_a.code}/programs/what-if/"
    page = as_alice.get(
        url,
        {
            "driver": str(dan.pk),
            "direction": "into_canada",
            "crossing_date": "2026-12-01",
            "port_code": "0440",
            "importer_pip": "true",
        },
    ).content.decode()
    assert (
        "The driver&#x27;s FAST and CDRP cards are expired or missing on the crossing date." in page
    )
    assert not Membership.objects.filter(organization=carrier_a, program="CTPAT").exists()


def test_what_if_shows_which_programs_open(as_alice: Client, carrier_a: Any) -> None:
    page = as_alice.get(
        f"/o/{carrier_a.code}/programs/what-if/", {"pip_status": "approved"}
    ).content.decode()
    assert "What changes" in page
    bad = as_alice.get(
        f"/o/{carrier_a.code}/programs/what-if/", {"port_code": "Sarnia"}
    ).content.decode()
    assert "Use the four-digit CBSA office code" in bad


def test_a_membership_edit_names_the_missing_date_and_saves_nothing(
    as_alice: Client, carrier_a: Any
) -> None:
    url = f"/o/{carrier_a.code}/programs/memberships/PIP/"
    response = as_alice.post(url, {"status": "approved", "number": "CA-9"})
    assert response.status_code == 200
    assert "Give the approval date" in response.content.decode()
    assert 'value="CA-9"' in response.content.decode()
    assert not Membership.objects.filter(organization=carrier_a).exists()
    response = as_alice.post(
        url, {"status": "approved", "number": "CA-9", "approved_on": "2022-03-15"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(organization=carrier_a, program="PIP").number == "CA-9"
    page = as_alice.get(url).content.decode()
    assert "History" in page and "Approved" in page


def test_field_staff_cannot_edit_memberships(as_bob: Client, carrier_a: Any) -> None:
    assert as_bob.get(f"/o/{carrier_a.code}/programs/memberships/PIP/").status_code == 403
    assert as_bob.get(f"/o/{carrier_a.code}/programs/").status_code == 403


def test_declarations_feed_the_pip_criteria(as_alice: Client, carrier_a: Any) -> None:
    url = f"/o/{carrier_a.code}/programs/declarations/"
    response = as_alice.post(
        url, {"last_cross_border_movement": "2026-13-01", "crown_debt": "false"}
    )
    assert "Enter a valid date" in response.content.decode()
    assert not Declarations.objects.filter(organization=carrier_a).exists()
    response = as_alice.post(
        url,
        {
            "last_cross_border_movement": "2026-11-20",
            "crown_debt": "true",
            "undischarged_bankruptcy": "false",
        },
    )
    assert response.status_code == 302
    page = as_alice.get(f"/o/{carrier_a.code}/programs/PIP/").content.decode()
    assert "PIP applicants must be solvent" in page


def test_outsiders_get_404(as_charlie: Client, carrier_a: Any) -> None:
    for path in ("", "PIP/", "what-if/", "memberships/", "memberships/PIP/", "declarations/"):
        assert as_charlie.get(f"/o/{carrier_a.code}/programs/{path}").status_code == 404


def test_the_consultant_sees_only_assigned_clients(
    as_carol: Client, consultancy: Any, carrier_a: Any, carrier_b: Any
) -> None:
    link_client(consultancy, carrier_b)  # linked, but Carol is not assigned
    membership_for(carrier_a, "PIP")
    page = as_carol.get(f"/o/{consultancy.code}/programs/").content.decode()
    assert carrier_a.name in page
    # the client's own data is read (not the consultancy's): its PIP membership opens MRA
    assert f'href="/o/{carrier_a.code}/programs/MRA/" class="badge ok"' in page
    assert carrier_b.name not in page


def test_the_portfolio_keeps_a_constant_query_count(
    as_carol: Client, carol: Any, consultancy: Any, carrier_a: Any
) -> None:
    url = f"/o/{consultancy.code}/programs/"

    def add_client(n: int) -> None:
        client = OrganizationFactory(name=f"Client {n}")
        link_client(consultancy, client, assign=[carol])
        membership_for(client, "PIP")
        membership_for(client, "CTPAT", approved_on=date(2023, 1, 10))
        card_for(employee_for(client, f"Driver {n}"), expires_on=date.today() + timedelta(days=30))

    add_client(1)
    as_carol.get(url)
    with CaptureQueriesContext(connection) as few:
        assert as_carol.get(url).status_code == 200
    for n in range(2, 7):
        add_client(n)
    with CaptureQueriesContext(connection) as many:
        page = as_carol.get(url)
    assert "Client 6" in page.content.decode()
    assert len(many) == len(few)


def test_a_member_sees_its_membership_and_what_keeps_it_in_good_standing(
    as_alice: Client, carrier_a: Any
) -> None:
    """#21.8: the programs page and the dashboard show "Member · Approved", never a bare
    "Not eligible" next to an eligible FAST."""
    membership_for(carrier_a, "PIP", number="CA-PIP-77")
    page = as_alice.get(f"/o/{carrier_a.code}/programs/").content.decode()
    assert "Member · Approved" in page
    assert "In good standing while you keep:" in page
    assert "PIP yearly portal sign-in" in page
    assert "If you applied again today:" in page
    dashboard = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Member · Approved" in dashboard


def test_why_shows_labels_not_identifiers_in_both_languages(alice: Any, carrier_a: Any) -> None:
    """#21.9: no rule ids or fact paths on the "Why?" page; French labels in French."""
    membership_for(carrier_a, "PIP", status="applied", approved_on=None)
    client = Client()
    client.force_login(alice)
    page = client.get(f"/o/{carrier_a.code}/programs/FAST_INTO_CANADA/").content.decode()
    for identifier in ("fast_ca.carrier_pip", "memberships.PIP.status", "= applied"):
        assert identifier not in page
    assert "Carrier is a PIP member" in page and "PIP membership: <strong>Applied" in page
    assert "Rule without an end date" not in page
    alice.language = "fr"
    alice.save()
    page = client.get(f"/o/{carrier_a.code}/programs/PIP/").content.decode()
    assert "pip.trade_history" not in page and "organization.business_types" not in page
    assert "12 mois de commerce transfrontalier" in page
    assert "elig-fra.html" in page and "elig-eng.html" not in page


def test_what_if_says_not_applicable_for_the_other_direction(
    as_alice: Client, carrier_a: Any
) -> None:
    membership_for(carrier_a, "PIP")
    page = as_alice.get(
        f"/o/{carrier_a.code}/programs/what-if/", {"direction": "into_canada"}
    ).content.decode()
    assert "Not applicable" in page
    assert "crossing.direction" not in page
