"""The programs API and the evaluate_eligibility command."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from borderpro.programs.models import Membership
from borderpro.programs.tests.factories import membership_for

FACTS: dict[str, Any] = {
    "as_of": "2026-11-27",
    "organization": {
        "country": "CA",
        "business_types": ["highway_carrier"],
        "business_number": "123456782",
        "rm_account": "123456782RM0001",
        "carm_statement_of_account": True,
        "carrier_code_changes_notified": True,
        "cbsa_carrier_code": "1234",
        "cbsa_bonded": True,
        "carm_registered": True,
        "scac": "ABCD",
        "usdot_number": "1234567",
        "staffed_office_countries": ["CA"],
        "border_crossings": ["CA-US"],
        "company_officer_designated": True,
        "first_cross_border_movement": "2024-01-10",
        "last_cross_border_movement": "2026-11-01",
        "crown_debt": False,
        "undischarged_bankruptcy": False,
        "unpardoned_convictions": False,
        "foreign_convictions": False,
        "significant_contraventions": False,
        "msr_compliant": True,
        "shipment_tracking": True,
        "pre_arrival_data": True,
    },
    "memberships": {
        "PIP": {"status": "approved", "approved_on": "2022-03-15"},
        "CTPAT": {"status": "none"},
    },
    "driver": {"fast_card_expires": "2028-05-01", "cdrp_card_expires": None},
    "importer": {"pip": True, "ctpat": False},
    "crossing": {
        "direction": "into_canada",
        "port_code": "0440",
        "date": "2026-12-01",
        "fast_eligible_goods": True,
    },
}
EVALUATE = "/api/v1/programs/evaluate"


def _command(tmp_path: Path, document: Any, *args: str) -> str:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = StringIO()
    call_command("evaluate_eligibility", "--facts", str(path), *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_api_and_command_return_identical_json(as_alice: Client, tmp_path: Path, lang: str) -> None:
    response = as_alice.post(
        EVALUATE, FACTS, content_type="application/json", HTTP_ACCEPT_LANGUAGE=lang
    )
    assert response.status_code == 200
    assert response.content.decode() == _command(tmp_path, FACTS, "--lang", lang)
    answer = json.loads(response.content)
    assert answer["language"] == lang
    fast = next(p for p in answer["programs"] if p["program"] == "FAST_INTO_CANADA")
    assert fast["result"] == "eligible"
    assert {d["kind"] for d in answer["deadlines"]} >= {
        "pip.revalidation",
        "driver.fast_card_expiry",
    }


@pytest.mark.django_db
def test_an_invalid_document_names_every_bad_field(as_alice: Client) -> None:
    bad = {
        "as_of": "27/11/2026",
        "organization": {"business_types": ["trucking"], "cbsa_bonded": "maybe"},
        "memberships": {"PIP": {"status": "certified"}, "FAST": {"status": "approved"}},
        "crossing": {"date": "2026-02-30", "port_code": "Sarnia"},
        "colour": "blue",
    }
    response = as_alice.post(EVALUATE, bad, content_type="application/json")
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields >= {
        "as_of",
        "organization.business_types.0",
        "organization.cbsa_bonded",
        "memberships.PIP.status",
        "memberships.FAST",
        "crossing.date",
        "crossing.port_code",
        "colour",
    }


def test_the_command_names_bad_fields_too(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=r"crossing\.date"):
        _command(tmp_path, {"crossing": {"date": "2026-13-01"}})


@pytest.mark.django_db
def test_evaluate_needs_a_signed_in_user() -> None:
    assert Client().post(EVALUATE, FACTS, content_type="application/json").status_code in (401, 403)


@pytest.mark.django_db
def test_a_carrier_evaluation_has_the_same_shape(as_alice: Client, carrier_a: Any) -> None:
    membership_for(carrier_a, "PIP")
    response = as_alice.get(f"/api/v1/o/{carrier_a.code}/programs/?as_of=2026-11-27&lang=fr")
    assert response.status_code == 200
    answer = response.json()
    assert answer["as_of"] == "2026-11-27"
    assert answer["programs"][0]["program"] == "PIP"
    assert any(
        d["kind"] == "pip.revalidation" and d["due"] == "2026-03-15" for d in answer["deadlines"]
    )
    assert as_alice.get(f"/api/v1/o/{carrier_a.code}/programs/?as_of=soon").status_code == 400


@pytest.mark.django_db
def test_outsiders_get_404(
    as_charlie: Client, carrier_a: Any, consultancy: Any, as_carol: Client
) -> None:
    assert as_charlie.get(f"/api/v1/o/{carrier_a.code}/programs/").status_code == 404
    assert as_charlie.get(f"/api/v1/o/{carrier_a.code}/programs/memberships/").status_code == 404
    assert as_carol.get(f"/api/v1/o/{consultancy.code}/programs/").status_code == 404


@pytest.mark.django_db
def test_membership_crud(as_alice: Client, as_bob: Client, carrier_a: Any) -> None:
    url = f"/api/v1/o/{carrier_a.code}/programs/memberships/"
    bad = as_alice.post(
        url, {"program": "PIP", "status": "approved"}, content_type="application/json"
    )
    assert bad.status_code == 400
    assert [e["field"] for e in bad.json()["errors"]] == ["approved_on"]
    assert not Membership.objects.filter(organization=carrier_a).exists()
    created = as_alice.post(
        url,
        {"program": "PIP", "status": "approved", "approved_on": "2022-03-15", "number": "CA-1"},
        content_type="application/json",
    )
    assert created.status_code == 201
    detail = f"{url}{created.json()['id']}/"
    patched = as_alice.patch(
        detail,
        {"status": "cancelled", "cancelled_on": "2026-11-20"},
        content_type="application/json",
    )
    assert patched.status_code == 200
    assert patched.json()["status"] == "cancelled"
    assert (
        as_bob.post(
            url, {"program": "CTPAT", "status": "applied"}, content_type="application/json"
        ).status_code
        == 403
    )
    assert as_alice.get(url).json()["results"][0]["number"] == "CA-1"
    membership = Membership.objects.get(organization=carrier_a, program="PIP")
    assert membership.history.count() == 2
