"""A removed member's API tokens stop working (``/me/`` answered 200 to a removed member's
token): removal, and a consultant's unassignment, revoke the tokens of every organization
the person can no longer open."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.models import ApiToken
from borderpro.accounts.services import api_token_create
from borderpro.organizations.models import ClientLink, Membership
from borderpro.organizations.services import consultant_unassign, membership_remove

pytestmark = pytest.mark.django_db


def _me(raw: str) -> int:
    return Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def test_a_removed_member_token_answers_401(alice: Any, bob: Any, carrier_a: Any) -> None:
    raw = api_token_create(user=bob, organization=carrier_a, name="phone", read_only=False)[1]
    assert _me(raw) == 200
    membership_remove(actor=alice, membership=Membership.objects.get(user=bob))
    assert _me(raw) == 401
    assert ApiToken.objects.get(user=bob).revoked_at is not None


def test_the_removal_page_revokes_too(as_alice: Client, bob: Any, carrier_a: Any) -> None:
    raw = api_token_create(user=bob, organization=carrier_a, name="phone", read_only=False)[1]
    membership = Membership.objects.get(user=bob)
    as_alice.post(f"/o/{carrier_a.code}/team/{membership.pk}/remove/")
    assert not Membership.objects.filter(user=bob).exists()
    assert _me(raw) == 401


def test_tokens_for_organizations_still_open_keep_working(
    alice: Any, carol: Any, consultancy: Any, carrier_a: Any, carrier_b: Any
) -> None:
    """Carol unassigned from carrier A: her carrier A token stops, her consultancy one works."""
    for_a = api_token_create(user=carol, organization=carrier_a, name="a", read_only=True)[1]
    for_c = api_token_create(user=carol, organization=consultancy, name="c", read_only=True)[1]
    link = ClientLink.objects.get(consultancy=consultancy, client=carrier_a)
    consultant_unassign(actor=alice, link=link, user=carol)
    assert _me(for_a) == 401
    assert _me(for_c) == 200
