"""#21.14: one fault, one message, on the field the user has to change."""

from __future__ import annotations

import re
from typing import Any

import pytest

from borderpro.profiles.tests.test_profile import form_data, url

pytestmark = pytest.mark.django_db
FIELD_ERROR = re.compile(r'<p class="field-error" id="id_(\w+)_errors">(.*?)</p>', re.S)


def field_errors(html: str) -> dict[str, str]:
    return dict(FIELD_ERROR.findall(html))


def test_a_six_character_carrier_code_gets_one_message(as_alice: Any, carrier_a: Any) -> None:
    response = as_alice.post(url(carrier_a, "edit/"), form_data(cbsa_carrier_code="ABC123"))
    assert response.status_code == 400
    errors = field_errors(response.content.decode())
    assert list(errors) == ["cbsa_carrier_code"]
    assert "exactly 4 characters" in errors["cbsa_carrier_code"]
    assert "at most 4 characters" not in errors["cbsa_carrier_code"]


def test_changing_only_the_bn_puts_the_rm_mismatch_on_the_rm_field(
    as_alice: Any, carrier_a: Any
) -> None:
    assert as_alice.post(url(carrier_a, "edit/"), form_data()).status_code == 302
    response = as_alice.post(
        url(carrier_a, "edit/"), form_data(version=1, business_number="987 654 324")
    )
    assert response.status_code == 400
    errors = field_errors(response.content.decode())
    assert list(errors) == ["rm_account"]
    assert "must start with the Business Number 987654324" in errors["rm_account"]
