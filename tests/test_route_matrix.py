"""Every route, every persona: outsiders and anonymous visitors get nothing of carrier A or
consultancy C, and each role gets exactly what the app's permission table says.

New routes are covered without touching this file: tenant routes are found by walking the
URL resolver, and each ``<thing>_id`` in a URL is built by ``sample_<thing>_id()`` in the
owning app's tests/factories.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.common.permissions import has_perm
from borderpro.organizations.tenancy import resolve_access
from tests.routes import all_routes, build_url

TENANT_ROUTES = [r for r in all_routes() if r.is_tenant]
METHODS = ["get", "post", "patch", "delete"]


def test_there_are_tenant_routes_to_check() -> None:
    assert len(TENANT_ROUTES) > 15
    assert any(r.is_api for r in TENANT_ROUTES)


@pytest.fixture
def world(personas: dict[str, Any], carrier_a: Any, consultancy: Any) -> dict[str, Any]:
    return {"personas": personas, "targets": [carrier_a, consultancy], "cache": {}}


def _call(client: Client, method: str, url: str) -> int:
    return getattr(client, method)(url).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("route", TENANT_ROUTES, ids=lambda r: r.pattern)
def test_outsiders_and_anonymous_get_nothing(route: Any, world: dict[str, Any]) -> None:
    charlie, alice = world["personas"]["charlie"], world["personas"]["alice"]
    for target in world["targets"]:
        url = build_url(route, target, world["cache"])
        outsiders = [charlie] + ([alice] if target.kind == "consultancy" else [])
        for outsider in outsiders:
            client = Client()
            client.force_login(outsider)
            for method in METHODS:
                status = _call(client, method, url)
                assert status == 404, f"{outsider.full_name} {method.upper()} {url} → {status}"
        anonymous = Client()
        for method in METHODS:
            response = getattr(anonymous, method)(url)
            if route.is_api:
                assert response.status_code in (401, 403), (
                    f"anonymous {method.upper()} {url} → {response.status_code}"
                )
            else:
                assert response.status_code in (302, 404), f"anonymous {method.upper()} {url}"
                if response.status_code == 302:
                    assert "/accounts/login/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("route", TENANT_ROUTES, ids=lambda r: r.pattern)
def test_roles_get_what_the_permission_table_says(
    route: Any, world: dict[str, Any], carrier_a: Any
) -> None:
    """GET as Alice (admin), Bob (field staff) and Carol (consultant) on carrier A."""
    url = build_url(route, carrier_a, world["cache"])
    permission = route.permission_for("GET")
    object_permission = getattr(route.callback, "object_permission", None)
    if object_permission is not None:  # the permission depends on the object (a job's kind)
        samples = [world["cache"][(k, carrier_a.pk)] for k in route.kwargs if k != "org_code"]
        permission = object_permission(*samples)
    for name in ("alice", "bob", "carol"):
        user = world["personas"][name]
        client = Client()
        client.force_login(user)
        status = client.get(url).status_code
        if "client" not in route.org_kinds:
            assert status == 404, f"{name} GET {url} → {status} (page is not for carriers)"
            continue
        if permission is None:
            assert status == 405, f"{name} GET {url} → {status} (no GET on this route)"
            continue
        role = resolve_access(user, carrier_a.code).role
        if has_perm(role, permission):
            assert status not in (403, 404), (
                f"{name} ({role}) GET {url} → {status}, expected access"
            )
        else:
            assert status == 403, (
                f"{name} ({role}) GET {url} → {status}, expected 403 ({permission})"
            )
