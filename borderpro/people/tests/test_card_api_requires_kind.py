"""Recording a driver card through the API without saying which card it is: 400 naming
``kind``, nothing stored (it was a 500 ``TypeError``: the serializer let it through and the
service requires it)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create
from borderpro.people.models import DriverCard
from borderpro.people.tests.factories import employee_for

pytestmark = pytest.mark.django_db


def test_a_card_without_kind_is_refused_naming_the_field(alice: Any, carrier_a: Any) -> None:
    raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=False)[1]
    employee = employee_for(carrier_a)
    response = Client().post(
        f"/api/v1/o/{carrier_a.code}/people/{employee.pk}/cards/",
        {"number": "12345678", "expires_on": "2030-01-01"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "kind"
    assert not DriverCard.objects.exists()
