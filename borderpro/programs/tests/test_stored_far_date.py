"""A far date already stored (before the range check existed) does not take the carrier's
dashboard, programs page or programs API down: the arithmetic saturates instead of failing."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create
from borderpro.programs.models import Membership
from borderpro.programs.tests.factories import membership_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["approved_on", "validation_report_on", "revalidated_on"])
def test_pages_and_api_still_answer(
    as_alice: Client, alice: Any, carrier_a: Any, field: str
) -> None:
    membership_for(carrier_a)
    Membership.objects.filter(organization=carrier_a).update(**{field: date(9999, 12, 31)})
    raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=True)[1]

    assert as_alice.get(f"/o/{carrier_a.code}/").status_code == 200
    assert as_alice.get(f"/o/{carrier_a.code}/programs/").status_code == 200
    assert as_alice.get(f"/o/{carrier_a.code}/programs/PIP/").status_code == 200
    assert as_alice.get(f"/o/{carrier_a.code}/programs/memberships/").status_code == 200
    api = Client().get(f"/api/v1/o/{carrier_a.code}/programs/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.status_code == 200
