"""Dashboard panels: each module adds its own card to the organization overview.

A module registers a panel in its ``AppConfig.ready()``::

    register_panel("profiles.readiness", template="profiles/_panel.html",
                   context=readiness_panel, kinds=("client",), order=10)

``context(request)`` returns the template context, or ``None`` to hide the panel (e.g. when
the role may not see it). Panels run a fixed number of queries each.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclass(frozen=True)
class Panel:
    name: str
    template: str
    context: Callable[[Any], dict[str, Any] | None]
    kinds: tuple[str, ...]
    order: int


_PANELS: dict[str, Panel] = {}


def register_panel(
    name: str,
    *,
    template: str,
    context: Callable[[Any], dict[str, Any] | None],
    kinds: tuple[str, ...] = ("client",),
    order: int = 50,
) -> None:
    _PANELS[name] = Panel(name, template, context, kinds, order)


def render_panels(request: Any) -> list[SafeString]:
    """The panels for the current organization, rendered in order."""
    rendered = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        if request.org.kind not in panel.kinds:
            continue
        context = panel.context(request)
        if context is None:
            continue
        html = render_to_string(
            panel.template,
            {**context, "org": request.org, "access": request.access},
            request=request,
        )
        rendered.append(SafeString(html))
    return rendered
