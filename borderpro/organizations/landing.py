"""Where a role lands after signing in. The base knows no module: a module registers, in its
``AppConfig.ready()``, the page that is home for a role (the field app for field staff);
every other role lands on the organization's dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class Landing:
    url_name: str
    kinds: tuple[str, ...]


_LANDINGS: dict[str, Landing] = {}


def register_landing(role: str, *, url_name: str, kinds: tuple[str, ...] = ("client",)) -> None:
    """``url_name`` takes the organization code as its only argument."""
    _LANDINGS[role] = Landing(url_name=url_name, kinds=kinds)


def landing_url(organization: Any, role: str) -> str:
    landing = _LANDINGS.get(role)
    if landing is not None and organization.kind in landing.kinds:
        return reverse(landing.url_name, args=[organization.code])
    return reverse("organizations:dashboard", args=[organization.code])
