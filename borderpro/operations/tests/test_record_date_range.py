"""A device record dated outside 1900-2100 is refused naming the field (a stored year 9999
breaks every local-time conversion of the record afterwards)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.operations.models import Inspection
from borderpro.operations.tests.test_inspections import _payload

pytestmark = pytest.mark.django_db


def test_an_inspection_dated_9999_is_refused(as_bob: Client, carrier_a: Any) -> None:
    response = as_bob.post(
        f"/api/v1/o/{carrier_a.code}/inspections/",
        _payload(carrier_a, inspected_at="9999-12-31T20:00:00Z"),
        content_type="application/json",
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "inspected_at" and "2100-12-31" in error["message"]
    assert not Inspection.objects.exists()
