"""Labels and badge colours for eligibility results, deadlines and confidence."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from borderpro.common.confidence import confidence_class, confidence_label
from borderpro.programs import labels

register = template.Library()

RESULTS: dict[str, tuple[Any, str]] = {
    "eligible": (_("Eligible"), "ok"),
    "not_eligible": (_("Not eligible"), "bad"),
    "incomplete": (_("Incomplete"), "warn"),
    "met": (_("Met"), "ok"),
    "not_met": (_("Not met"), "bad"),
    "unknown": (_("Unknown"), "warn"),
    "not_applicable": (_("Not applicable"), "info"),
    "member": (_("Member"), "ok"),
    "overdue": (_("Overdue"), "bad"),
    "due_soon": (_("Due soon"), "warn"),
    "upcoming": (_("Upcoming"), "info"),
    "open": (_("Open now"), "info"),
}

DEADLINES: dict[str, Any] = {
    "pip.portal_sign_in": _("PIP yearly portal sign-in"),
    "pip.revalidation": _("PIP revalidation"),
    "pip.appeal": _("Appeal of the PIP cancellation"),
    "pip.action_plan": _("CBSA action plan"),
    "ctpat.annual_review_window": _("C-TPAT annual review window opens"),
    "ctpat.annual_review": _("C-TPAT annual profile review"),
    "ctpat.validation_response": _("Answer to the C-TPAT validation report"),
    "ctpat.validation": _("C-TPAT validation (within a year of certification)"),
    "ctpat.revalidation": _("C-TPAT revalidation"),
    "driver.fast_card_expiry": _("FAST card expiry"),
    "driver.cdrp_card_expiry": _("CDRP card expiry"),
}

SCOPES: dict[str, Any] = {"carrier": _("Carrier"), "trip": _("Trip")}


@register.filter
def result_label(value: str) -> str:
    return str(RESULTS.get(value, (value, ""))[0])


@register.filter
def result_class(value: str) -> str:
    return RESULTS.get(value, ("", "info"))[1]


register.filter("confidence_label", confidence_label)
register.filter("confidence_class", confidence_class)


@register.filter
def deadline_label(kind: str) -> str:
    return str(DEADLINES.get(kind, kind))


@register.filter
def scope_label(value: str) -> str:
    return str(SCOPES.get(value, value))


@register.filter
def iso_date(value: str | None) -> Any:
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


@register.filter
def absolute(value: int) -> int:
    return abs(int(value))


@register.filter
def fact_value(value: Any) -> str:
    """A fact as a reader sees it: yes / no, labels for codes, lists joined, dates written
    the language's one way."""
    return labels.fact_value(value, get_language())


@register.filter
def fact_label(path: str) -> str:
    """``organization.business_types`` → "Lines of business" (data/labels.yaml)."""
    return labels.fact_label(path, get_language())


@register.filter
def criterion_label(criterion_id: str) -> str:
    return labels.criterion_label(criterion_id, get_language())


@register.filter
def program_name(code: str) -> str:
    """The one way a program is written: "C-TPAT", "FAST" (EN) / "EXPRES" (FR)."""
    return labels.program_name(code, get_language())


@register.filter
def membership_status(status: str) -> str:
    from borderpro.programs.models import Status

    return str(Status(status).label) if status in Status.values else status
