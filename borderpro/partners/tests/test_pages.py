"""Partner pages: the register at a glance, filters, the partner page, forms and errors."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.partners import services
from borderpro.partners.models import Certification, Partner
from borderpro.partners.tests.factories import certification_for, partner_for

pytestmark = pytest.mark.django_db


def _url(org: Any, rest: str = "") -> str:
    return f"/o/{org.code}/partners/{rest}"


@pytest.fixture
def register(carrier_a: Any) -> dict[str, Partner]:
    today = carrier_a.local_today()
    certified = partner_for(carrier_a, "Certified Co", kind="shipper")
    certification_for(certified, verified_on=today - timedelta(days=3), number="SVI-1")
    overdue = partner_for(carrier_a, "Late Warehouse", kind="warehouse")
    services.screening_record(
        actor=None,
        organization=carrier_a,
        partner=overdue,
        screened_on=today - timedelta(days=800),
        outcome="approved",
    )
    gap = partner_for(carrier_a, "Loose Sub", kind="sub_carrier")
    contract = partner_for(carrier_a, "Contract Sub", kind="sub_carrier", written_contract_on=today)
    return {"certified": certified, "overdue": overdue, "gap": gap, "contract": contract}


def test_the_register_shows_at_a_glance_who_needs_attention(
    as_alice: Client, carrier_a: Any, register: dict[str, Partner]
) -> None:
    page = as_alice.get(_url(carrier_a)).content.decode()
    for name in ("Certified Co", "Late Warehouse", "Loose Sub", "Contract Sub"):
        assert name in page
    assert "Re-screening overdue" in page and "Unscreened" in page and "Certified" in page
    assert "no C-TPAT, no written contract" in page and "meets the C-TPAT rule" in page
    counts = as_alice.get(_url(carrier_a)).context["register"].counts
    assert counts["unscreened"] == 2 and counts["overdue"] == 1
    assert counts["uncertified"] == 3 and counts["subcontract_gap"] == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "overdue"}, ["Late Warehouse"]),
        ({"status": "uncertified"}, ["Contract Sub", "Late Warehouse", "Loose Sub"]),
        ({"status": "subcontract_gap"}, ["Loose Sub"]),
        ({"status": "screened"}, ["Certified Co"]),
        ({"kind": "warehouse"}, ["Late Warehouse"]),
        ({"risk": "low"}, ["Certified Co"]),
        ({"q": "loose"}, ["Loose Sub"]),
        ({"status": "nonsense"}, ["Certified Co", "Contract Sub", "Late Warehouse", "Loose Sub"]),
    ],
)
def test_the_register_filters(
    as_alice: Client,
    carrier_a: Any,
    register: dict[str, Partner],
    query: dict[str, str],
    expected: list[str],
) -> None:
    rows = as_alice.get(_url(carrier_a), query).context["page"].object_list
    assert [r.partner.name for r in rows] == expected


def test_the_register_keeps_a_constant_query_count(as_alice: Client, carrier_a: Any) -> None:
    today = carrier_a.local_today()
    certification_for(partner_for(carrier_a, "First"), verified_on=today)
    as_alice.get(_url(carrier_a))
    with CaptureQueriesContext(connection) as few:
        as_alice.get(_url(carrier_a))
    for n in range(8):
        partner = partner_for(carrier_a, f"Partner {n}", kind="warehouse")
        certification_for(partner, verified_on=today)
        services.screening_record(
            actor=None,
            organization=carrier_a,
            partner=partner,
            screened_on=today,
            outcome="approved",
        )
    with CaptureQueriesContext(connection) as many:
        as_alice.get(_url(carrier_a))
    assert len(many) == len(few)


def test_an_empty_register_says_what_to_do(as_alice: Client, carrier_a: Any) -> None:
    page = as_alice.get(_url(carrier_a)).content.decode()
    assert "No partner yet" in page and "Add a partner" in page


def test_adding_a_partner_names_the_bad_field_and_saves_nothing(
    as_alice: Client, carrier_a: Any
) -> None:
    response = as_alice.post(
        _url(carrier_a, "new/"), {"name": "Acme", "kind": "warehouse", "country": "Canada"}
    )
    assert response.status_code == 200
    assert "Enter the two-letter country code" in response.content.decode()
    assert not Partner.objects.filter(organization=carrier_a).exists()
    response = as_alice.post(
        _url(carrier_a, "new/"),
        {"name": "Acme", "kind": "warehouse", "country": "ca", "active": "on"},
    )
    partner = Partner.objects.get(organization=carrier_a)
    assert partner.country == "CA" and response.status_code == 302


def test_a_duplicate_name_is_refused_clearly(as_alice: Client, carrier_a: Any) -> None:
    partner_for(carrier_a, "Acme")
    response = as_alice.post(
        _url(carrier_a, "new/"), {"name": "Acme", "kind": "warehouse", "country": "CA"}
    )
    assert "already in the register" in response.content.decode()
    assert Partner.objects.filter(organization=carrier_a).count() == 1


def test_the_partner_page_records_certification_and_screening(
    as_alice: Client, carrier_a: Any, alice: Any
) -> None:
    partner = partner_for(carrier_a, "Ridgeway", kind="sub_carrier")
    url = _url(carrier_a, f"{partner.pk}/")
    missing = as_alice.post(
        url, {"add_certification": "1", "c-program": "ctpat", "c-verified_on": "2026-01-05"}
    )
    assert "Enter the partner&#x27;s C-TPAT SVI number." in missing.content.decode()
    assert not Certification.objects.filter(organization=carrier_a).exists()
    today = carrier_a.local_today()
    assert (
        as_alice.post(
            url,
            {
                "add_certification": "1",
                "c-program": "ctpat",
                "c-number": "SVI-77",
                "c-verified_on": today.isoformat(),
            },
        ).status_code
        == 302
    )
    future = (today + timedelta(days=3)).isoformat()
    refused = as_alice.post(
        url, {"add_screening": "1", "s-screened_on": future, "s-outcome": "approved"}
    )
    assert "cannot be dated in the future" in refused.content.decode()
    as_alice.post(
        url,
        {
            "add_screening": "1",
            "s-screened_on": today.isoformat(),
            "s-outcome": "corrective_action",
            "s-notes": "No seal log",
        },
    )
    page = as_alice.get(url).content.decode()
    assert "SVI-77" in page and "no proof filed" in page and "not current" in page
    assert "Corrective action requested" in page and "No seal log" in page
    assert "no C-TPAT, no written contract" in page  # certified, but without proof
    partner.refresh_from_db()
    assert partner.screening_outcome == "corrective_action" and partner.last_screened_on == today


def test_a_status_check_moves_the_verification_date(as_alice: Client, carrier_a: Any) -> None:
    cert = certification_for(partner_for(carrier_a, "Checked"), verified_on=date(2026, 1, 5))
    url = _url(carrier_a, f"certifications/{cert.pk}/check/")
    bad = as_alice.post(
        url, {f"{cert.pk}-verified_on": "2026-03-01", f"{cert.pk}-valid_until": "2026-02-01"}
    )
    assert "cannot be before the verification date" in bad.content.decode()
    as_alice.post(url, {f"{cert.pk}-verified_on": "2026-03-01"})
    cert.refresh_from_db()
    assert cert.verified_on == date(2026, 3, 1)


def test_field_staff_have_no_partner_register(as_bob: Client, carrier_a: Any) -> None:
    partner = partner_for(carrier_a, "Viewable")
    assert as_bob.get(_url(carrier_a)).status_code == 403
    response = as_bob.post(_url(carrier_a, f"{partner.pk}/"), {"add_screening": "1"})
    assert response.status_code == 403
    assert not partner.screenings.exists()


def test_outsiders_get_404(as_charlie: Client, carrier_a: Any) -> None:
    partner = partner_for(carrier_a, "Hidden")
    assert as_charlie.get(_url(carrier_a)).status_code == 404
    assert as_charlie.get(_url(carrier_a, f"{partner.pk}/")).status_code == 404


def test_the_register_speaks_french(as_alice: Client, alice: Any, carrier_a: Any) -> None:
    alice.language = "fr"
    alice.save()
    partner_for(carrier_a, "Loose Sub")
    page = as_alice.get(_url(carrier_a)).content.decode()
    assert "Partenaires commerciaux" in page and "Sous-traitant transporteur" in page
    assert "Jamais évalué" in page


def test_the_overview_shows_the_register_card(
    as_alice: Client, carrier_a: Any, register: dict[str, Partner]
) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Business partners" in page and "sub-carriers outside the C-TPAT rule" in page
    assert _url(carrier_a) + "?status=overdue" in page
