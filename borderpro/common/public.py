"""Public pages of a consultancy: sections other modules add to its home page.

A consultancy's public home (``/p/<code>/``, the consulting module) shows what it sells and
the two forms; other modules add a section without the page knowing them (e.g. training's
upcoming seminars). A module registers in its ``AppConfig.ready()``::

    register_public_section("training.seminars", template="training/public/_seminars.html",
                            context=upcoming_seminars, order=30)

``context(request, consultancy)`` returns the template context, or ``None`` to leave the
section out (nothing to show). Sections run a fixed number of queries each. Every public
page extends ``public/base.html`` (no sign-in, the consultancy's name, EN/FR).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class PublicSection:
    name: str
    template: str
    context: Callable[[Any, Any], dict[str, Any] | None]
    order: int


_SECTIONS: dict[str, PublicSection] = {}


def register_public_section(
    name: str,
    *,
    template: str,
    context: Callable[[Any, Any], dict[str, Any] | None],
    order: int = 50,
) -> None:
    _SECTIONS[name] = PublicSection(name, template, context, order)


def public_sections(request: Any, consultancy: Any) -> list[SafeString]:
    """The rendered sections of ``consultancy``'s public home, in order."""
    out: list[SafeString] = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.name)):
        context = section.context(request, consultancy)
        if context is None:
            continue
        html = render_to_string(
            section.template, {**context, "consultancy": consultancy}, request=request
        )
        out.append(mark_safe(html))  # noqa: S308 - rendered by our own template
    return out
