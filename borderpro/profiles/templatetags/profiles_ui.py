"""Template helpers of the security profile workspace."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from borderpro.catalogue.models import pick

register = template.Library()

STATUS_CLASS = {
    "implemented": "ok",
    "partial": "warn",
    "in_progress": "info",
    "not_implemented": "bad",
}
REVIEW_CLASS = {"accepted": "ok", "submitted": "info", "changes_requested": "warn"}


@register.filter
def status_class(status: str) -> str:
    return STATUS_CLASS.get(status, "")


@register.filter
def review_class(state: str) -> str:
    return REVIEW_CLASS.get(state, "")


@register.filter
def tr(obj: Any, name: str) -> str:
    """A catalogue text in the reader's language: ``{{ requirement|tr:"title" }}``."""
    return pick(obj, name)


@register.filter
def bar_class(score: int) -> str:
    return "ok" if score >= 80 else ("warn" if score >= 40 else "bad")


@register.filter
def stored(obj: Any) -> bool:
    """True for a row already in the database (ids are set before saving, so ``pk`` can't tell)."""
    return not obj._state.adding


@register.simple_tag
def pf_row(row: Any, strings: dict[str, Any]) -> SafeString:
    """One workspace row (see borderpro.profiles.rendering)."""
    from borderpro.profiles.rendering import render_row

    return render_row(row, strings)


@register.simple_tag
def pf_rows(rows: list[Any], strings: dict[str, Any]) -> SafeString:
    """A category's rows, one tag call for all of them (a tag call per row cost as much as
    building the row)."""
    from borderpro.profiles.rendering import render_row

    return SafeString("".join([render_row(row, strings) for row in rows]))


@register.inclusion_tag("profiles/_division_switch.html", takes_context=True)
def division_switch(context: template.Context) -> dict[str, Any]:
    """The division switcher: one security profile per division (shown when there are several)."""
    from borderpro.profiles.models import SecurityProfile

    current = context.get("security_profile")
    org = context.get("org")
    if current is None or org is None:
        return {"profiles": []}
    profiles = list(
        SecurityProfile.objects.filter(organization=org)
        .select_related("division")
        .order_by("-is_primary", "created_at")
    )
    return {
        "profiles": profiles if len(profiles) > 1 else [],
        "current": current,
        "framework": context.get("framework"),
    }
