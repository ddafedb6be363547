"""Template filters of the consulting pages: the shared confidence labels and colours, and a
service's name in the reader's language."""

from typing import Any

from django import template
from django.utils.translation import get_language

from borderpro.common.confidence import confidence_class, confidence_label

register = template.Library()
register.filter("confidence_label", confidence_label)
register.filter("confidence_class", confidence_class)


@register.filter
def in_reader_language(service: Any) -> str:
    """A service's name in the language of the page (its English name where it has no French)."""
    return str(service.label((get_language() or "en")[:2]))
