"""Free text has a sane maximum (20,000 characters, about ten pages): a 4-million-character
narrative was accepted. The refusal names the field and the limit; nothing is saved."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.accounts.services import api_token_create
from borderpro.common.models import TEXT_MAX_LENGTH
from borderpro.profiles.models import Response
from borderpro.profiles.tests.factories import response_for

pytestmark = pytest.mark.django_db


def test_an_oversized_narrative_is_refused(alice: Any, carrier_a: Any, frameworks: Any) -> None:
    response = response_for(carrier_a, frameworks["pip1"], status="implemented", narrative="ok")
    raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=False)[1]
    answer = Client().patch(
        f"/api/v1/o/{carrier_a.code}/profile/responses/{response.pk}/",
        {"narrative": "x" * (TEXT_MAX_LENGTH + 1), "version": response.version},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert answer.status_code == 400
    [error] = answer.json()["errors"]
    assert error["field"] == "narrative"
    assert f"at most {TEXT_MAX_LENGTH:,}".replace(",", "") in error["message"].replace(",", "")
    assert Response.objects.get(pk=response.pk).narrative == "ok"


def test_a_narrative_at_the_limit_is_kept(alice: Any, carrier_a: Any, frameworks: Any) -> None:
    response = response_for(carrier_a, frameworks["pip1"], status="implemented", narrative="ok")
    raw = api_token_create(user=alice, organization=carrier_a, name="t", read_only=False)[1]
    answer = Client().patch(
        f"/api/v1/o/{carrier_a.code}/profile/responses/{response.pk}/",
        {"narrative": "x" * TEXT_MAX_LENGTH, "version": response.version},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert answer.status_code == 200
