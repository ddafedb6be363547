"""The sane range of an entered date, decided once: 1900-01-01 … 2100-12-31 everywhere."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django import forms
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from borderpro.common.daterange import (
    EARLIEST,
    LATEST,
    SaneDateFormField,
    clamp,
    validate_not_in_future,
    validate_sane_date,
)


@given(st.dates())
def test_exactly_the_sane_range_is_accepted(day: date) -> None:
    if EARLIEST <= day <= LATEST:
        validate_sane_date(day)
        assert clamp(day) == day
    else:
        with pytest.raises(ValidationError) as caught:
            validate_sane_date(day)
        assert caught.value.code == "date_out_of_range"
        assert clamp(day) in (EARLIEST, LATEST)


def test_not_in_the_future_allows_today_and_refuses_later() -> None:
    validate_not_in_future(date.today())
    with pytest.raises(ValidationError):
        validate_not_in_future(date.today() + timedelta(days=3))


def test_the_form_field_says_the_range() -> None:
    field = SaneDateFormField(widget=forms.DateInput(attrs={"type": "date"}))
    with pytest.raises(ValidationError) as caught:
        field.clean("9999-12-31")
    assert "between 1900-01-01 and 2100-12-31" in caught.value.messages[0]
    assert field.clean("2026-05-01") == date(2026, 5, 1)
