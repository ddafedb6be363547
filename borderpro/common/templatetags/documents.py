"""Template filters for documents: money in the reader's language, ISO dates as local dates."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template
from django.utils import formats

from borderpro.common.documents.money import format_money

register = template.Library()


@register.filter
def money(value: Any, currency: str = "CAD") -> str:
    """``{{ amount|money }}`` → "$25,000.00" / "25 000,00 $" (the active language)."""
    return format_money(value, currency)


@register.filter
def iso_date(value: Any, fmt: str = "DATE_FORMAT") -> str:
    """An ISO date string (as kept in JSON snapshots) in the active language's date format."""
    if not value:
        return ""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return formats.date_format(day, fmt)
