"""``?as_of=`` and the evaluate API answer 400 in the error shape for a date outside
1900-2100 (it was a 500: ``year 10000 is out of range``)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("as_of", ["9999-12-31", "1066-10-14", "not-a-date"])
def test_carrier_evaluation_refuses_a_far_as_of(alice: Any, carrier_a: Any, as_of: str) -> None:
    raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=True)[1]
    response = Client().get(
        f"/api/v1/o/{carrier_a.code}/programs/?as_of={as_of}",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "as_of"


@pytest.mark.parametrize(
    "facts",
    [
        {"as_of": "9999-12-31"},
        {"memberships": {"PIP": {"status": "approved", "approved_on": "9999-12-31"}}},
    ],
)
def test_evaluate_refuses_a_far_date(as_alice: Client, facts: dict[str, Any]) -> None:
    response = as_alice.post("/api/v1/programs/evaluate", facts, content_type="application/json")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] in ("as_of", "memberships.PIP.approved_on")
    assert "2100-12-31" in error["message"]
