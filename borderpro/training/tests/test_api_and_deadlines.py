"""The training API and training deadlines."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from borderpro.people.tests.factories import employee_for
from borderpro.training.deadlines import TRAINING_DUE, training_deadlines
from borderpro.training.tests.factories import record_for, seminar_for

pytestmark = pytest.mark.django_db


def test_the_api(as_alice: Client, carrier_a: Any) -> None:
    base = f"/api/v1/o/{carrier_a.code}/training/"
    courses = as_alice.get(base + "courses/").json()
    assert courses["count"] >= 7
    assert {c["code"] for c in courses["results"]} >= {"seal-control", "money-laundering"}
    session = as_alice.post(
        base + "sessions/",
        {"course": "seal-control", "held_on": "2026-10-01", "trainer": "T", "topics": "VVTT"},
        content_type="application/json",
    )
    assert session.status_code == 201
    employee = employee_for(carrier_a, "Api Person")
    bad = as_alice.post(
        base + "records/",
        {"employee": str(employee.pk), "course": "nope", "completed_on": "2026-10-01"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "course"
    ok = as_alice.post(
        base + "records/",
        {"employee": str(employee.pk), "course": "seal-control", "completed_on": "2026-10-01"},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["expires_on"] == "2027-10-01"
    assert as_alice.get(base + "records/").json()["count"] == 1
    matrix = as_alice.get(base + "matrix/").json()
    row = next(r for r in matrix["results"] if r["name"] == "Api Person")
    assert any(c["course"] == "seal-control" and c["state"] == "done" for c in row["cells"])


def test_seminar_api(as_carol: Client, consultancy: Any) -> None:
    seminar_for(consultancy)
    answer = as_carol.get(f"/api/v1/o/{consultancy.code}/seminars/").json()
    assert answer["count"] == 1


def test_training_due_deadlines(carrier_a: Any) -> None:
    today = date.today()
    new = employee_for(carrier_a, "Nina New", role="driver", hired_on=today - timedelta(days=3))
    old = employee_for(carrier_a, "Oscar Old", role="driver", hired_on=today - timedelta(days=800))
    record_for(old, code="seal-control", completed_on=today - timedelta(days=340))
    found = list(
        training_deadlines([carrier_a], today - timedelta(days=400), today + timedelta(days=60))
    )
    subjects = {d.subject for d in found}
    assert all(d.kind == TRAINING_DUE for d in found)
    assert "Nina New · Security and threat awareness" in subjects
    assert "Oscar Old · Seal control and VVTT" in subjects
    assert new.pk
