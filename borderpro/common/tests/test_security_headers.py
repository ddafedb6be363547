"""Every response carries the Content-Security-Policy and the Permissions-Policy; what a
signed-in person sees, and every API answer about an organization, is ``no-store``."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def test_signed_in_pages_are_not_stored(as_alice: Client, carrier_a: Any) -> None:
    response = as_alice.get(f"/o/{carrier_a.code}/")
    assert "no-store" in response["Cache-Control"]
    policy = response["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src-attr")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert "geolocation=(self)" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_api_answers_with_a_token_are_not_stored(alice: Any, carrier_a: Any) -> None:
    raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=True)[1]
    response = Client().get(
        f"/api/v1/o/{carrier_a.code}/members/", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_anonymous_pages_have_the_policies_too() -> None:
    response = Client().get("/accounts/login/")
    assert "Content-Security-Policy" in response and "Permissions-Policy" in response
