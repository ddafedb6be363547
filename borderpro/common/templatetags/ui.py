"""Small template helpers shared by every page."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.forms import BoundField
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def field(bound: BoundField, **attrs: Any) -> SafeString:
    """A form field with its label, help text and errors, accessible by default."""
    widget = bound.field.widget
    css = "input"
    input_type = getattr(widget, "input_type", "")
    if input_type in ("checkbox", "radio"):
        css = "check"
    elif widget.__class__.__name__ in ("Select", "SelectMultiple"):
        css = "select"
    elif widget.__class__.__name__ == "Textarea":
        css = "textarea"
    widget_attrs: dict[str, str | bool] = {"class": css}
    # the help stays beside an error (a consent's wording is what the box agrees to)
    described = [f"{bound.auto_id}_errors"] if bound.errors else []
    if bound.help_text:
        described.append(f"{bound.auto_id}_help")
    if bound.errors:
        widget_attrs["aria-invalid"] = "true"
    if described:
        widget_attrs["aria-describedby"] = " ".join(described)
    widget_attrs.update({k.replace("_", "-"): v for k, v in attrs.items()})
    return SafeString(
        render_to_string(
            "ui/field.html",
            {
                "field": bound,
                "widget": bound.as_widget(attrs=widget_attrs),
                "is_check": css == "check",
            },
        )
    )


@register.simple_tag
def icon(name: str) -> SafeString:
    """``{% icon "name" %}``: what ``{% include "ui/icon.html" with name="name" %}`` wrote,
    rendered once per name and process (every page shows a score of them)."""
    return icon_markup(name)


@cache
def icon_markup(name: str) -> SafeString:
    return SafeString(render_to_string("ui/icon.html", {"name": name}))


@register.filter
def get_item(mapping: dict, key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def active(context: dict, prefix: str) -> str:
    request = context.get("request")
    return "active" if request is not None and request.path.startswith(prefix) else ""


@register.simple_tag(takes_context=True)
def nav_links(context: dict) -> list:
    """The sidebar entries the modules registered, for this organization and role."""
    from borderpro.common.nav import nav_links as links

    org = context.get("org")
    if org is None:
        return []
    return links(context.get("request"), org, context.get("access"))


@register.simple_tag
def demo_logins() -> dict | None:
    """On a development server with demo data, the sign-in page lists the demo logins."""
    from django.conf import settings

    if settings.PRODUCTION:
        return None
    from django.contrib.auth import get_user_model

    from borderpro.common.demo import demo_logins as registered

    logins = registered()
    emails = [email for email, _what in logins.users]
    users = {
        u.email: u
        for u in get_user_model()
        .objects.filter(email__in=emails)
        .prefetch_related("memberships__organization")
    }
    if not users:
        return None

    def what(email: str) -> str:
        # The same role label the header shows (one place: Role), with the organization.
        user = users.get(email)
        membership = next(iter(user.memberships.all()), None) if user else None
        if membership is None:
            return ""
        return f"{role_label(membership.role)} ({membership.organization.name})"

    return {"password": logins.password, "users": [(e, what(e)) for e in emails if e in users]}


@register.filter
def can(access: Any, permission: str) -> bool:
    """``{% if access|can:"evidence.upload" %}``: the same permission tables as the views."""
    return bool(access is not None and access.can(permission))


@register.filter
def expiry(evidence: Any, today: Any) -> str:
    return str(evidence.expiry_state(today))


@register.filter
def role_label(value: str) -> str:
    from borderpro.organizations.roles import Role

    return str(Role(value).label) if value in Role.values else value


@register.filter(name="source_url")
def source_url_filter(url: Any) -> str:
    """``{{ url|source_url }}``: a source link in the reader's language (``common/sources``)."""
    from borderpro.common.sources import source_url

    return source_url(str(url or ""))
