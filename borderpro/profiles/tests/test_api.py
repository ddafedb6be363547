"""The security profile API."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from borderpro.evidence.tests.factories import evidence_for
from borderpro.profiles.models import CarrierProfile, Response
from borderpro.profiles.tests.factories import response_for

pytestmark = pytest.mark.django_db


def api(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_profile_read_and_update_with_version(alice: Any, carrier_a: Any) -> None:
    client = api(alice)
    base = f"/api/v1/o/{carrier_a.code}/profile/"
    assert client.get(base).json()["version"] == 0
    ok = client.patch(base, {"version": 0, "legal_name": "A Ltd.", "scac": "abcd"}, format="json")
    assert ok.status_code == 200 and ok.json()["scac"] == "ABCD"
    stale = client.patch(base, {"version": 0, "legal_name": "Late"}, format="json")
    assert stale.status_code == 409
    bad = client.patch(base, {"version": 1, "scac": "ABCZ"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "scac"
    assert "reserved for intermodal chassis" in bad.json()["errors"][0]["message"]
    assert CarrierProfile.objects.get(organization=carrier_a).legal_name == "A Ltd."


def test_responses_list_update_transition_and_evidence(
    carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    client = api(carol)
    base = f"/api/v1/o/{carrier_a.code}/profile/"
    response = response_for(carrier_a, frameworks["pip1"])
    listed = client.get(base + "responses/?framework=PIP").json()
    assert listed["framework"] == "PIP" and any(r["ref"] == "PIP-001" for r in listed["results"])
    url = base + f"responses/{response.pk}/"
    updated = client.patch(
        url, {"version": 1, "status": "implemented", "narrative": "Done."}, format="json"
    )
    assert updated.status_code == 200 and updated.json()["status"] == "implemented"
    assert client.patch(url, {"version": 1, "narrative": "Stale"}, format="json").status_code == 409
    assert (
        client.post(url + "transition/", {"state": "submitted"}, format="json").json()[
            "review_state"
        ]
        == "submitted"
    )
    bad = client.post(url + "transition/", {"state": "submitted"}, format="json")
    assert bad.status_code == 400 and "cannot move" in bad.json()["errors"][0]["message"]
    evidence = evidence_for(carrier_a, title="Seal log")
    assert (
        client.post(url + "evidence/", {"evidence_id": str(evidence.pk)}, format="json").status_code
        == 201
    )
    assert client.get(url + "evidence/").json()["results"][0]["title"] == "Seal log"
    assert client.delete(url + f"evidence/?evidence_id={evidence.pk}").status_code == 204
    readiness = client.get(base + "readiness/?framework=PIP").json()
    assert readiness["framework"] == "PIP" and 0 <= readiness["score"] <= 100


def test_outsiders_get_404_from_the_api(charlie: Any, carrier_a: Any, frameworks: Any) -> None:
    response = response_for(carrier_a, frameworks["pip1"])
    client = api(charlie)
    assert client.get(f"/api/v1/o/{carrier_a.code}/profile/").status_code == 404
    assert (
        client.patch(
            f"/api/v1/o/{carrier_a.code}/profile/responses/{response.pk}/",
            {"version": 1, "narrative": "x"},
            format="json",
        ).status_code
        == 404
    )
    assert Response.objects.get(pk=response.pk).narrative == ""


def test_package_generation_starts_a_job(
    carol: Any, carrier_a: Any, frameworks: Any, monkeypatch: Any
) -> None:
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
    client = api(carol)
    started = client.post(
        f"/api/v1/o/{carrier_a.code}/profile/packages/", {"framework": "PIP"}, format="json"
    )
    assert started.status_code == 202
    packages = client.get(f"/api/v1/o/{carrier_a.code}/profile/packages/").json()["results"]
    assert len(packages) == 1 and len(packages[0]["bundle_sha256"]) == 64
    download = client.get(packages[0]["download_url"] + "?kind=pdf")
    assert download.status_code == 200
    unknown = client.post(
        f"/api/v1/o/{carrier_a.code}/profile/packages/", {"framework": "NOPE"}, format="json"
    )
    assert unknown.status_code == 400
