"""A membership date outside 1900-2100, or an approval in the future, is refused with a
message naming the field — through the API and the web form alike (``9999-12-31`` used to
be stored and then took the carrier's dashboard, programs page and API down)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create
from borderpro.programs.models import Membership
from borderpro.programs.tests.factories import membership_for

pytestmark = pytest.mark.django_db


def _patch(user: Any, org: Any, membership: Membership, body: dict[str, Any]) -> Any:
    raw = api_token_create(user=user, organization=org, name="t", read_only=False)[1]
    return Client().patch(
        f"/api/v1/o/{org.code}/programs/memberships/{membership.pk}/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )


@pytest.mark.parametrize("field", ["approved_on", "validation_report_on", "action_plan_due"])
def test_the_api_refuses_a_date_after_2100(alice: Any, carrier_a: Any, field: str) -> None:
    membership = membership_for(carrier_a)
    response = _patch(alice, carrier_a, membership, {field: "9999-12-31"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == field
    assert "between 1900-01-01 and 2100-12-31" in error["message"]
    membership.refresh_from_db()
    assert membership.approved_on == date(2022, 3, 15)


def test_the_api_refuses_an_approval_in_the_future(alice: Any, carrier_a: Any) -> None:
    membership = membership_for(carrier_a)
    later = (date.today() + timedelta(days=30)).isoformat()
    response = _patch(alice, carrier_a, membership, {"approved_on": later})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["field"] == "approved_on" and "future" in error["message"]


def test_an_action_plan_deadline_may_be_in_the_future(alice: Any, carrier_a: Any) -> None:
    membership = membership_for(carrier_a)
    later = (date.today() + timedelta(days=30)).isoformat()
    response = _patch(alice, carrier_a, membership, {"action_plan_due": later})
    assert response.status_code == 200


def test_the_web_form_refuses_a_far_date(as_carol: Client, carrier_a: Any) -> None:
    membership_for(carrier_a)
    response = as_carol.post(
        f"/o/{carrier_a.code}/programs/memberships/PIP/",
        {"status": "approved", "approved_on": "9999-12-31"},
    )
    assert response.status_code in (200, 400)
    assert "between 1900-01-01 and 2100-12-31" in response.content.decode()
    assert Membership.objects.get(organization=carrier_a).approved_on == date(2022, 3, 15)
