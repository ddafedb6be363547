"""Labels and badge colours of deadline states and confidence."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from borderpro.common.confidence import confidence_class, confidence_label

register = template.Library()

STATES: dict[str, tuple[Any, str]] = {
    "overdue": (_("Overdue"), "bad"),
    "due_soon": (_("Due soon"), "warn"),
    "upcoming": (_("Upcoming"), "info"),
    "open": (_("Open now"), "info"),
}


@register.filter
def state_label(value: str) -> str:
    return str(STATES.get(value, (value, ""))[0])


@register.filter
def state_class(value: str) -> str:
    return STATES.get(value, ("", "info"))[1]


register.filter("confidence_label", confidence_label)
register.filter("confidence_class", confidence_class)
