"""Dashboard panels: each module adds its own card to the organization overview.

A module registers a panel in its ``AppConfig.ready()``::

    register_panel("profiles.readiness", template="profiles/_panel.html",
                   context=readiness_panel, kinds=("client",), order=10)

``context(request)`` returns the template context, or ``None`` to hide the panel (e.g. when
the role may not see it). Panels run a fixed number of queries each. A panel in the
``"summary"`` slot is a row of figures above the cards.

A consultancy's client table takes columns the same way::

    register_client_column("evidence.files", label=_("Evidence files"), values=counts)

``values(client_ids)`` returns a value per client id, in one query for the whole page.
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
    slot: str = "main"


@dataclass(frozen=True)
class ClientColumn:
    name: str
    label: Any
    values: Callable[[list[Any]], dict[Any, Any]]
    order: int
    numeric: bool


_PANELS: dict[str, Panel] = {}
_COLUMNS: dict[str, ClientColumn] = {}


def register_panel(
    name: str,
    *,
    template: str,
    context: Callable[[Any], dict[str, Any] | None],
    kinds: tuple[str, ...] = ("client",),
    order: int = 50,
    slot: str = "main",
) -> None:
    _PANELS[name] = Panel(name, template, context, kinds, order, slot)


def register_client_column(
    name: str,
    *,
    label: Any,
    values: Callable[[list[Any]], dict[Any, Any]],
    order: int = 50,
    numeric: bool = True,
) -> None:
    _COLUMNS[name] = ClientColumn(name, label, values, order, numeric)


def client_columns(client_ids: list[Any]) -> list[tuple[ClientColumn, dict[Any, Any]]]:
    """Each registered column of the client table with its values for these clients."""
    columns = sorted(_COLUMNS.values(), key=lambda c: (c.order, c.name))
    return [(column, column.values(client_ids)) for column in columns]


def render_panels(request: Any, slot: str = "main") -> list[SafeString]:
    """The panels of ``slot`` for the current organization, rendered in order."""
    rendered = []
    for panel in sorted(_PANELS.values(), key=lambda p: (p.order, p.name)):
        if panel.slot != slot or request.org.kind not in panel.kinds:
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
