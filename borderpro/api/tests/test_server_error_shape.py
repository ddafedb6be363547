"""An unexpected API error answers 500 in the error shape (JSON), not Django's HTML page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("boom")


def test_a_server_error_is_json_in_the_error_shape(
    alice: Any, carrier_a: Any, monkeypatch: Any, settings: Any
) -> None:
    settings.DEBUG = False  # production
    raw = api_token_create(user=alice, organization=carrier_a, name="a", read_only=False)[1]
    monkeypatch.setattr("borderpro.api.views.members_of", _boom)

    response = Client(raise_request_exception=False).get(
        f"/api/v1/o/{carrier_a.code}/members/", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )

    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    [error] = response.json()["errors"]
    assert error["code"] == "server_error" and error["field"] is None
    assert "boom" not in error["message"]  # nothing of the exception leaks
