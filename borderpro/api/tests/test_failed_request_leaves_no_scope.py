"""One failing request leaves no state for the next one served by the same thread.

The tenant scope an API view opens used to be closed in ``finalize_response``, which DRF
skips when an exception escapes: the scope stayed open on the thread and later, unrelated
requests ran inside it (or failed with ``ScopeError`` when it was collected).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django_scopes import get_scope

from borderpro.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("boom")


def test_an_unhandled_api_error_closes_the_tenant_scope(
    alice: Any, carrier_a: Any, charlie: Any, carrier_b: Any, monkeypatch: Any
) -> None:
    raw_a = api_token_create(user=alice, organization=carrier_a, name="a", read_only=False)[1]
    raw_b = api_token_create(user=charlie, organization=carrier_b, name="b", read_only=False)[1]
    monkeypatch.setattr("borderpro.api.views.members_of", _boom)
    before = dict(get_scope())
    client = Client(raise_request_exception=False)

    failed = client.get(
        f"/api/v1/o/{carrier_a.code}/members/", HTTP_AUTHORIZATION=f"Bearer {raw_a}"
    )

    assert failed.status_code == 500
    assert get_scope() == before  # no scope of carrier A left open on this thread
    monkeypatch.undo()
    after = client.get(f"/api/v1/o/{carrier_b.code}/members/", HTTP_AUTHORIZATION=f"Bearer {raw_b}")
    assert after.status_code == 200
    assert [m["email"] for m in after.json()["results"]] == [charlie.email]
    assert get_scope() == before


def test_an_unhandled_page_error_closes_the_tenant_scope(
    as_alice: Client, carrier_a: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr("borderpro.organizations.selectors.members_of", _boom)
    before = dict(get_scope())
    as_alice.raise_request_exception = False

    failed = as_alice.get(f"/o/{carrier_a.code}/team/")

    assert failed.status_code == 500
    assert get_scope() == before
    monkeypatch.undo()
    assert as_alice.get(f"/o/{carrier_a.code}/").status_code == 200
