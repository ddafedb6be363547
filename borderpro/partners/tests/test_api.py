"""Partners API: the register with filters in the standard envelope, create and update,
certifications, errors in the house shape, and tenancy."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.partners.models import Certification
from borderpro.partners.tests.factories import certification_for, partner_for, proof_for

pytestmark = pytest.mark.django_db


def _api(org: Any, rest: str = "") -> str:
    return f"/api/v1/o/{org.code}/partners/{rest}"


def test_the_register_lists_with_the_envelope_and_filters(as_alice: Client, carrier_a: Any) -> None:
    today = carrier_a.local_today()
    certification_for(partner_for(carrier_a, "Certified", kind="shipper"), verified_on=today)
    partner_for(carrier_a, "Loose Sub", kind="sub_carrier", country="MX")
    data = as_alice.get(_api(carrier_a)).json()
    assert set(data) >= {"count", "next", "previous", "results"} and data["count"] == 2
    loose = next(r for r in data["results"] if r["name"] == "Loose Sub")
    assert loose["risk_level"] == "high" and loose["screening_state"] == "unscreened"
    assert loose["certified"] is False and loose["meets_subcontract_rule"] is False
    assert "based outside Canada and the United States" in loose["risk_reasons"]
    only = as_alice.get(_api(carrier_a), {"status": "uncertified"}).json()["results"]
    assert [r["name"] for r in only] == ["Loose Sub"]
    bad = as_alice.get(_api(carrier_a), {"risk": "extreme"})
    assert bad.status_code == 400 and "risk" in str(bad.json())


def test_the_list_keeps_a_constant_query_count(as_alice: Client, carrier_a: Any) -> None:
    today = carrier_a.local_today()
    certification_for(partner_for(carrier_a, "First"), verified_on=today)
    as_alice.get(_api(carrier_a))
    with CaptureQueriesContext(connection) as few:
        as_alice.get(_api(carrier_a))
    for n in range(6):
        certification_for(partner_for(carrier_a, f"P{n}"), verified_on=today)
    with CaptureQueriesContext(connection) as many:
        as_alice.get(_api(carrier_a))
    assert len(many) == len(few)


def test_create_and_update_a_partner(as_alice: Client, carrier_a: Any) -> None:
    bad = as_alice.post(_api(carrier_a), {"name": "Acme", "kind": "warehouse", "country": "Canada"})
    assert bad.status_code == 400 and "country" in str(bad.json())
    made = as_alice.post(_api(carrier_a), {"name": "Acme", "kind": "warehouse", "country": "ca"})
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["country"] == "CA" and body["screening_state"] == "unscreened"
    again = as_alice.post(_api(carrier_a), {"name": "Acme", "kind": "warehouse", "country": "CA"})
    assert again.status_code == 400 and "already in the register" in str(again.json())
    changed = as_alice.patch(
        _api(carrier_a, f"{body['id']}/"),
        {"services": "Cross-dock"},
        content_type="application/json",
    )
    assert changed.status_code == 200 and changed.json()["services"] == "Cross-dock"


def test_certifications_are_recorded_and_checked(as_alice: Client, carrier_a: Any) -> None:
    partner = partner_for(carrier_a, "Ridgeway")
    today = carrier_a.local_today()
    proof = proof_for(carrier_a)
    url = _api(carrier_a, f"{partner.pk}/certifications/")
    missing = as_alice.post(url, {"program": "ctpat", "verified_on": today.isoformat()})
    assert missing.status_code == 400 and "SVI" in str(missing.json())
    made = as_alice.post(
        url,
        {
            "program": "ctpat",
            "number": "SVI-9",
            "verified_on": today.isoformat(),
            "evidence": str(proof.pk),
        },
    )
    assert made.status_code == 201, made.content
    twice = as_alice.post(
        url, {"program": "ctpat", "number": "SVI-9", "verified_on": today.isoformat()}
    )
    assert twice.status_code == 400 and Certification.objects.filter(partner=partner).count() == 1
    row = as_alice.get(_api(carrier_a, f"{partner.pk}/")).json()
    assert row["certified"] is True and row["meets_subcontract_rule"] is True
    later = (today + timedelta(days=1)).isoformat()
    checked = as_alice.patch(
        _api(carrier_a, f"certifications/{made.json()['id']}/"),
        {"verified_on": later},
        content_type="application/json",
    )
    assert checked.status_code == 200 and checked.json()["verified_on"] == later


def test_another_organizations_proof_is_refused(
    as_alice: Client, carrier_a: Any, carrier_b: Any
) -> None:
    partner = partner_for(carrier_a, "Ridgeway")
    foreign = proof_for(carrier_b)
    response = as_alice.post(
        _api(carrier_a, f"{partner.pk}/certifications/"),
        {"program": "pip", "verified_on": "2026-01-05", "evidence": str(foreign.pk)},
    )
    assert response.status_code == 400 and "evidence" in str(response.json())


def test_outsiders_get_404(as_charlie: Client, carrier_a: Any) -> None:
    partner = partner_for(carrier_a, "Hidden")
    assert as_charlie.get(_api(carrier_a)).status_code == 404
    assert as_charlie.get(_api(carrier_a, f"{partner.pk}/")).status_code == 404
