"""Every list of the API comes in one envelope (count, next, previous, results) and one JSON
style: snake_case keys, times in UTC ISO 8601 ending in ``Z``."""

from __future__ import annotations

import re
from typing import Any

import pytest

from borderpro.operations.tests.factories import ensure_checklists, incident_for, inspection_for
from borderpro.people.tests.factories import employee_for

pytestmark = pytest.mark.django_db
ENVELOPE = {"count", "next", "previous", "results"}
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(.*)$")


def assert_one_style(value: Any, where: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            assert SNAKE.match(key) or where.endswith("params"), (where, key)
            assert_one_style(item, f"{where}.{key}")
    elif isinstance(value, list):
        for item in value:
            assert_one_style(item, where)
    elif isinstance(value, str) and (time := TIME.match(value)):
        assert time.group(2) == "Z", (where, value)


def test_every_list_has_the_same_envelope_with_a_count(as_alice: Any, carrier_a: Any) -> None:
    ensure_checklists()
    inspection_for(carrier_a)
    incident = incident_for(carrier_a)
    employee = employee_for(carrier_a)
    base = f"/api/v1/o/{carrier_a.code}/"
    lists = [
        "members/",
        "activity/",
        "evidence/",
        "catalogue/frameworks/",
        "catalogue/requirements/",
        "units/",
        "inspections/",
        "seal-events/",
        "incidents/",
        f"incidents/{incident.pk}/events/",
        "people/",
        f"people/{employee.pk}/cards/",
        "programs/memberships/",
        "profile/packages/",
        "profile/responses/",
    ]
    for path in lists:
        response = as_alice.get(base + path)
        assert response.status_code == 200, path
        body = response.json()
        assert isinstance(body, dict) and set(body) >= ENVELOPE, (path, body)
        assert isinstance(body["count"], int), path
        assert body["count"] >= len(body["results"]), path
        assert_one_style(body["results"], path)
    assert as_alice.get(base + "inspections/").json()["count"] == 1
