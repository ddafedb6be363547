"""The risk API: the same rules as the pages, the shared error shape, the list envelope."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.risk.models import Flow
from borderpro.risk.tests.factories import action_for, assessment_for, flow_for, rating_for

pytestmark = pytest.mark.django_db


def base(org: Any) -> str:
    return f"/api/v1/o/{org.code}/risk/"


def test_start_map_rate_and_read_the_register(as_alice: Client, carrier_a: Any, ctpat: Any) -> None:
    created = as_alice.post(
        base(carrier_a) + "assessments/", {"year": 2026, "size": 5}, content_type="application/json"
    )
    assert created.status_code == 201 and len(created.json()["matrix"]) == 5
    aid = created.json()["id"]
    flow = as_alice.post(
        base(carrier_a) + f"assessments/{aid}/flows/",
        {
            "name": "Lane",
            "origin": "Milton ON",
            "destination": "Detroit MI",
            "partners": "Lakeshore Cartage — drayage",
            "data_flow": "us → Lakeshore Cartage: seal numbers",
        },
        content_type="application/json",
    )
    assert flow.status_code == 201
    rated = as_alice.post(
        base(carrier_a) + f"assessments/{aid}/threats/",
        {
            "threat": "cargo-theft",
            "level": 4,
            "justification": "Thefts at truck stops",
            "flow": flow.json()["id"],
        },
        content_type="application/json",
    )
    assert rated.status_code == 201
    risks = as_alice.get(base(carrier_a) + f"assessments/{aid}/risks/").json()
    assert risks["count"] >= 1 and risks["results"][0]["threat"] == "cargo-theft"
    assert {"results", "count"} <= set(
        as_alice.get(base(carrier_a) + f"assessments/{aid}/flows/").json()
    )
    library = as_alice.get(base(carrier_a) + "threats/").json()
    assert {t["code"] for t in library} >= {"terrorism", "insider"}
    assert next(t for t in library if t["code"] == "insider")["confidence"] == "unconfirmed"


def test_bad_input_names_the_field(as_alice: Client, carrier_a: Any, ctpat: Any) -> None:
    a = assessment_for(carrier_a)
    bad = as_alice.post(
        base(carrier_a) + f"assessments/{a.pk}/flows/",
        {
            "name": "Lane",
            "origin": "A",
            "destination": "B",
            "data_flow": "us → Ghost Freight: manifest",
        },
        content_type="application/json",
    )
    assert bad.status_code == 400
    error = bad.json()["errors"][0]
    assert error["field"] == "data_flow" and "Ghost Freight" in error["message"]
    dates = as_alice.patch(
        base(carrier_a) + f"assessments/{a.pk}/",
        {"period_start": "2026-12-01", "period_end": "2026-01-01"},
        content_type="application/json",
    )
    assert dates.status_code == 400 and dates.json()["errors"][0]["field"] == "period_end"
    unknown = as_alice.post(
        base(carrier_a) + f"assessments/{a.pk}/threats/",
        {"threat": "aliens", "level": 1, "justification": "x"},
        content_type="application/json",
    )
    assert unknown.status_code == 400 and unknown.json()["errors"][0]["field"] == "threat"
    assert not Flow.objects.filter(assessment=a).exists()


def test_outsiders_and_field_staff_get_nothing(
    as_charlie: Client, as_bob: Client, carrier_a: Any, ctpat: Any
) -> None:
    a = assessment_for(carrier_a)
    assert as_charlie.get(base(carrier_a) + f"assessments/{a.pk}/").status_code == 404
    assert as_bob.get(base(carrier_a) + "assessments/").status_code == 403


def test_action_list_keeps_a_constant_query_count(
    as_alice: Client, carrier_a: Any, ctpat: Any, django_assert_max_num_queries: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    a = assessment_for(carrier_a)
    action_for(a)
    flow = flow_for(a)
    rating_for(a, flow=flow)
    path = base(carrier_a) + f"assessments/{a.pk}/actions/"
    with CaptureQueriesContext(connection) as first:
        as_alice.get(path)
    for i in range(5):
        action_for(a, title=f"A{i}")
    with CaptureQueriesContext(connection) as second:
        assert len(as_alice.get(path).json()["results"]) == 6
    assert len(second) == len(first)
