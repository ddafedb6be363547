"""Template helpers for people pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import template

register = template.Library()


@register.filter
def card_state(card: Any, today: date) -> str:
    return str(card.state(today))
