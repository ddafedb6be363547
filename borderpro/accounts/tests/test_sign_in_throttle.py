"""Failed sign-ins slow the guesser, not the owner: five wrong passwords from one address
make that address wait, while the owner signing in from elsewhere gets in (the lock-out
used to refuse the right password to everyone for five minutes)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def _sign_in(address: str, email: str, password: str) -> Any:
    return Client(REMOTE_ADDR=address).post(
        "/accounts/login/", {"login": email, "password": password}
    )


def test_a_guesser_cannot_lock_the_owner_out(alice: Any) -> None:
    cache.clear()
    for _ in range(5):
        assert _sign_in("203.0.113.9", alice.email, "wrong").status_code == 200
    slowed = _sign_in("203.0.113.9", alice.email, PASSWORD)
    assert slowed.status_code == 429 or "Too many" in slowed.content.decode()

    owner = _sign_in("198.51.100.7", alice.email, PASSWORD)

    assert owner.status_code == 302  # signed in


def test_the_wait_is_per_account(alice: Any, bob: Any) -> None:
    cache.clear()
    for _ in range(5):
        _sign_in("203.0.113.9", bob.email, "wrong")
    again = _sign_in("203.0.113.9", bob.email, "wrong")
    assert again.status_code == 429 or "Too many" in again.content.decode()
    assert _sign_in("203.0.113.9", alice.email, PASSWORD).status_code == 302
