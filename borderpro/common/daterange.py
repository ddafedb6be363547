"""The sane range of every date a person enters, decided once.

A date outside 1900-01-01 … 2100-12-31 is a typing slip (``9999-12-31``, ``0202-05-01``),
and date arithmetic on it fails (``year 10000 is out of range``). Every way in uses the
same validator:

- models: :class:`~borderpro.common.models.TenantModel` checks every date and date-time
  field in ``clean_fields`` (so ``full_clean`` in services and model forms refuse it);
  a model lists in ``PAST_DATES`` the dates that record something that already happened
  (an approval, a revalidation), which may not be in the future either;
- forms: :class:`SaneDateFormField` for dates that are not model fields;
- API: :func:`sane_date_serializer_field` for serializer dates that are not model fields,
  :func:`date_param` for query parameters (``?as_of=``, ``?to=``): 400, never 500.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def validate_sane_date(value: date | datetime | None) -> None:
    """Refuse a date (or date-time) outside 1900-01-01 … 2100-12-31."""
    if value is None:
        return
    if not EARLIEST <= _day(value) <= LATEST:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
        )


def validate_not_in_future(value: date | datetime | None) -> None:
    """Refuse a date after today (a day of slack for the time zones ahead of UTC)."""
    if value is None:
        return
    if _day(value) > timezone.now().date() + timedelta(days=1):
        raise ValidationError(
            _("This date cannot be in the future: it records something that happened."),
            code="date_in_future",
        )


def clean_dates(instance: Any, exclude: Any = None) -> None:
    """Check every date field of a model instance; raise one ValidationError naming each."""
    from django.db import models

    past = set(getattr(instance, "PAST_DATES", ()))
    errors: dict[str, list[ValidationError]] = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.DateField) or (exclude and field.name in exclude):
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        value = getattr(instance, field.attname)
        if not isinstance(value, date):
            continue  # not parsed yet: the field's own clean reports it
        checks = [validate_sane_date] + ([validate_not_in_future] if field.name in past else [])
        for check in checks:
            try:
                check(value)
            except ValidationError as exc:
                errors.setdefault(field.name, []).append(exc)
                break
    if errors:
        raise ValidationError(errors)


class SaneDateFormField(forms.DateField):
    """A form date in the sane range; the browser's date picker is bounded the same way."""

    default_validators = [validate_sane_date]

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        attrs = super().widget_attrs(widget)
        if getattr(widget, "input_type", "") == "date":
            attrs.update({"min": EARLIEST.isoformat(), "max": LATEST.isoformat()})
        return attrs


def sane_date_serializer_field(**kwargs: Any) -> Any:
    """A DRF date field in the sane range (for serializers not built from a model)."""
    from rest_framework import serializers

    validators = [*kwargs.pop("validators", ()), validate_sane_date]
    return serializers.DateField(validators=validators, **kwargs)


def date_param(params: Any, name: str) -> date | None:
    """The date in query parameter ``name`` (YYYY-MM-DD, in the sane range), or None when
    absent. Anything else raises a DRF ValidationError naming the parameter (400)."""
    from rest_framework import serializers

    raw = params.get(name)
    if not raw:
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError as exc:
        raise serializers.ValidationError({name: [_("Use a date as YYYY-MM-DD.")]}) from exc
    try:
        validate_sane_date(value)
    except ValidationError as exc:
        raise serializers.ValidationError({name: exc.messages}) from exc
    return value


def clamp(day: date) -> date:
    """``day`` moved into the sane range (for reads that must not fail on any input)."""
    return min(max(day, EARLIEST), LATEST)
