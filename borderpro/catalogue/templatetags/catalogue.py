"""Fast template helpers for catalogue lists: badges and select options rendered in Python
(a 50-row list with a hundred category options stays well under the page budget)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.forms import BoundField
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from borderpro.catalogue.models import Confidence, Level

register = template.Library()

ALERT_ICON = mark_safe(  # the "alert" icon of ui/icon.html
    '<svg class="icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" '
    'stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">'
    '<path d="M12 3l10 18H2z"/><path d="M12 10v4M12 17.5v.5"/></svg>'
)


@lru_cache(maxsize=8)
def _labels(language: str) -> dict[str, str]:
    """Badge texts of one language, translated once (a list shows hundreds of badges)."""
    labels = {f"level:{k}": str(v) for k, v in Level.choices}
    labels.update({f"confidence:{k}": str(v) for k, v in Confidence.choices})
    labels.update(
        {
            "level": _("Level"),
            "confidence": _("Confidence"),
            "gap_title": _("Part of it is not confirmed"),
            "gap": _("Gap noted"),
            "procedure_title": _("A written procedure is expected"),
            "procedure": _("Procedure"),
            "retired": _("Retired"),
        }
    )
    return labels


@register.simple_tag
def requirement_badges(requirement: Any) -> SafeString:
    """Level, confidence (when not confirmed, or a gap is noted), procedure and retired badges."""
    labels = _labels(get_language() or "en")
    level, confidence = requirement.level, requirement.confidence
    parts = [
        format_html(
            '<span class="badge level-{}" title="{}">{}</span>',
            level,
            labels["level"],
            labels.get(f"level:{level}", level),
        )
    ]
    if confidence != "confirmed":
        tone = "bad" if confidence == "unconfirmed" else "warn"
        parts.append(
            format_html(
                '<span class="badge {}" title="{}">{}{}</span>',
                tone,
                labels["confidence"],
                ALERT_ICON,
                labels.get(f"confidence:{confidence}", confidence),
            )
        )
    elif requirement.unconfirmed_en:
        parts.append(
            format_html(
                '<span class="badge warn" title="{}">{}{}</span>',
                labels["gap_title"],
                ALERT_ICON,
                labels["gap"],
            )
        )
    if requirement.procedure_required:
        parts.append(
            format_html(
                '<span class="badge outline" title="{}">{}</span>',
                labels["procedure_title"],
                labels["procedure"],
            )
        )
    if requirement.retired_at:
        parts.append(format_html('<span class="badge">{}</span>', labels["retired"]))
    return format_html('<span class="badges">{}</span>', mark_safe("".join(parts)))  # noqa: S308 - parts are escaped


@register.simple_tag
def select_options(bound: BoundField) -> SafeString:
    """The <option>s (and <optgroup>s) of a choice field, with the bound value selected."""
    value = bound.value()
    selected = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value or "")}

    def options(choices: Any) -> SafeString:
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (v, mark_safe(" selected") if str(v) in selected else "", label)
                for v, label in choices
            ),
        )

    out = []
    for value_or_group, label in bound.field.choices:  # type: ignore[attr-defined]
        if isinstance(label, list | tuple):
            out.append(
                format_html('<optgroup label="{}">{}</optgroup>', value_or_group, options(label))
            )
        else:
            out.append(options([(value_or_group, label)]))
    return mark_safe("".join(out))  # noqa: S308 - every piece went through format_html
