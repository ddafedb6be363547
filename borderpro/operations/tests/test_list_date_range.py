"""``?to=9999-12-31`` on the inspection and seal-event lists: 400 naming the parameter in
the API (it was a 500 from the day-bounds arithmetic); the pages take it as "to the end"."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["inspections", "seal-events"])
@pytest.mark.parametrize("param", ["to", "from"])
def test_the_api_refuses_a_far_day(alice: Any, carrier_a: Any, path: str, param: str) -> None:
    raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=True)[1]
    response = Client().get(
        f"/api/v1/o/{carrier_a.code}/{path}/?{param}=9999-12-31",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == param and "2100-12-31" in error["message"]


def test_the_inspection_page_takes_a_far_day_as_the_end(as_alice: Client, carrier_a: Any) -> None:
    response = as_alice.get(f"/o/{carrier_a.code}/operations/inspections/?to=9999-12-31")
    assert response.status_code == 200
