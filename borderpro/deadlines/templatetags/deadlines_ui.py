"""Labels and badge colours of deadline states and confidence."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

STATES: dict[str, tuple[Any, str]] = {
    "overdue": (_("Overdue"), "bad"),
    "due_soon": (_("Due soon"), "warn"),
    "upcoming": (_("Upcoming"), "info"),
    "open": (_("Open now"), "info"),
}

CONFIDENCE: dict[str, tuple[Any, str]] = {
    "confirmed": (_("Confirmed"), "ok"),
    "third-party": (_("Third-party source"), "info"),
    "inferred": (_("Inferred"), "warn"),
    "dated": (_("Dated source"), "warn"),
    "unconfirmed": (_("Unconfirmed"), "bad"),
    "recorded": (_("Your own record"), "info"),
}


@register.filter
def state_label(value: str) -> str:
    return str(STATES.get(value, (value, ""))[0])


@register.filter
def state_class(value: str) -> str:
    return STATES.get(value, ("", "info"))[1]


@register.filter
def confidence_label(value: str) -> str:
    return str(CONFIDENCE.get(value, (value, ""))[0])


@register.filter
def confidence_class(value: str) -> str:
    return CONFIDENCE.get(value, ("", "info"))[1]
