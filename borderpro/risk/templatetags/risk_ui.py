"""Template helpers of the risk assessment: level labels and colours, confidence badges."""

from __future__ import annotations

from typing import Any

from django import template

from borderpro.common.confidence import confidence_class, confidence_label
from borderpro.risk import charts, scoring

register = template.Library()


@register.filter
def level_label(level: Any, size: Any) -> str:
    return scoring.level_label(int(size), int(level))


@register.filter
def level_colour(level: Any, size: Any) -> str:
    return charts.level_colour(int(level), int(size))


# confidence badges: the one label and colour per level of ``common/confidence.py``
register.filter("confidence_label", confidence_label)
register.filter("confidence_class", confidence_class)


@register.filter
def trend(delta: int) -> str:
    return "▲" if delta > 0 else "▼" if delta < 0 else ""


@register.filter
def index(items: Any, i: int) -> Any:
    try:
        return items[i]
    except (IndexError, TypeError):
        return ""


@register.filter
def reason(value: Any) -> str:
    from borderpro.risk.proposal import reason_text

    return reason_text(value)
