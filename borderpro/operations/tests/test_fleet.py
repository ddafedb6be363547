from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borderpro.operations.models import Unit
from borderpro.operations.tests.factories import unit_for

pytestmark = pytest.mark.django_db


def test_admin_adds_a_trailer_and_sees_it_in_the_fleet(as_alice: Any, carrier_a: Any) -> None:
    response = as_alice.post(
        f"/o/{carrier_a.code}/operations/fleet/new/",
        {
            "unit_number": "TR-5301",
            "kind": "trailer",
            "body_type": "reefer",
            "vin": "1JJV532D5KL123456",
            "plate": "P1234X",
            "plate_jurisdiction": "on",
            "status": "active",
            "site": "Mississauga",
        },
    )
    assert response.status_code == 302
    unit = Unit.objects.get(organization=carrier_a, unit_number="TR-5301")
    assert unit.plate_jurisdiction == "ON"
    assert unit.history.count() == 1
    page = as_alice.get(f"/o/{carrier_a.code}/operations/fleet/")
    assert "TR-5301" in page.content.decode()


def test_a_bad_vin_is_refused_with_the_reason_and_nothing_is_saved(
    as_alice: Any, carrier_a: Any
) -> None:
    response = as_alice.post(
        f"/o/{carrier_a.code}/operations/fleet/new/",
        {"unit_number": "TR-9", "kind": "trailer", "vin": "SHORTVIN", "status": "active"},
    )
    assert response.status_code == 400
    assert "17 letters and digits" in response.content.decode()
    assert 'value="TR-9"' in response.content.decode()
    assert not Unit.objects.filter(organization=carrier_a).exists()


def test_the_same_unit_number_twice_is_refused(as_alice: Any, carrier_a: Any) -> None:
    unit_for(carrier_a, number="TR-1")
    response = as_alice.post(
        f"/o/{carrier_a.code}/operations/fleet/new/",
        {"unit_number": "TR-1", "kind": "trailer", "status": "active"},
    )
    assert response.status_code == 400
    assert Unit.objects.filter(organization=carrier_a, unit_number="TR-1").count() == 1


def test_field_staff_can_see_the_fleet_but_not_add_to_it(as_bob: Any, carrier_a: Any) -> None:
    assert as_bob.get(f"/o/{carrier_a.code}/operations/fleet/").status_code == 200
    assert as_bob.get(f"/o/{carrier_a.code}/operations/fleet/new/").status_code == 403


def test_another_carrier_cannot_open_a_unit(as_charlie: Any, carrier_a: Any) -> None:
    unit = unit_for(carrier_a)
    assert as_charlie.get(f"/o/{carrier_a.code}/operations/fleet/{unit.pk}/").status_code == 404


def test_the_fleet_list_keeps_a_constant_number_of_queries(as_alice: Any, carrier_a: Any) -> None:
    url = f"/o/{carrier_a.code}/operations/fleet/"
    unit_for(carrier_a)
    as_alice.get(url)
    with CaptureQueriesContext(connection) as few:
        as_alice.get(url)
    for _ in range(15):
        unit_for(carrier_a)
    with CaptureQueriesContext(connection) as many:
        as_alice.get(url)
    assert len(many) == len(few)
