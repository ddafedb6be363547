"""Shared fixtures: the personas of DESIGN.md §5 and their organizations.

- consultancy **C** (Northbound-like) with consultant **Carol**, assigned to carrier **A**;
- carrier **A** with admin **Alice** and field staff **Bob**;
- carrier **B** with admin **Charlie** (an outsider to everything of A);
- anonymous: the test client without a login.

Test bodies run with tenant scopes disabled so they can set up and inspect any data; views
and API enter the tenant scope themselves, so the guard is still exercised.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

pytest_plugins = ["tests.browser"]

# Property tests judge the code, not the host: a busy CI machine that draws examples slowly
# (database-backed strategies) is no failure. Every example still runs; tests may ask more.
hypothesis_settings.register_profile(
    "borderpro", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("borderpro")

from borderpro.organizations.tests.factories import (  # noqa: E402
    MembershipFactory,
    OrganizationFactory,
    UserFactory,
    link_client,
)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _test_settings(settings: Any, tmp_path: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private")},
        },
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.ACCOUNT_EMAIL_VERIFICATION = "none"
    settings.CHAIN_CHECKPOINT_DIR = tmp_path / "checkpoints"


@pytest.fixture(autouse=True)
def _no_scopes() -> Iterator[None]:
    with scopes_disabled():
        yield


@pytest.fixture
def consultancy(db: Any) -> Any:
    return OrganizationFactory(kind="consultancy", name="Consultancy C", business_type="")


@pytest.fixture
def carrier_a(db: Any) -> Any:
    return OrganizationFactory(name="Carrier A")


@pytest.fixture
def carrier_b(db: Any) -> Any:
    return OrganizationFactory(name="Carrier B")


@pytest.fixture
def alice(carrier_a: Any) -> Any:
    return MembershipFactory(organization=carrier_a, role="admin", user__full_name="Alice").user


@pytest.fixture
def bob(carrier_a: Any) -> Any:
    return MembershipFactory(organization=carrier_a, role="field_staff", user__full_name="Bob").user


@pytest.fixture
def carol(consultancy: Any, carrier_a: Any) -> Any:
    user: Any = MembershipFactory(
        organization=consultancy, role="consultant", user__full_name="Carol"
    ).user
    link_client(consultancy, carrier_a, assign=[user])
    return user


@pytest.fixture
def charlie(carrier_b: Any) -> Any:
    return MembershipFactory(organization=carrier_b, role="admin", user__full_name="Charlie").user


@pytest.fixture
def personas(alice: Any, bob: Any, carol: Any, charlie: Any) -> dict[str, Any]:
    return {"alice": alice, "bob": bob, "carol": carol, "charlie": charlie}


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def as_alice(alice: Any) -> Client:
    return login(alice)


@pytest.fixture
def as_bob(bob: Any) -> Client:
    return login(bob)


@pytest.fixture
def as_carol(carol: Any) -> Client:
    return login(carol)


@pytest.fixture
def as_charlie(charlie: Any) -> Client:
    return login(charlie)


@pytest.fixture
def user_factory() -> type[UserFactory]:
    return UserFactory


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """A request or test that switches the language (signing in as a French user) does not
    leave it switched for the next test in this process."""
    from django.utils import translation

    yield
    translation.deactivate()
