"""The sidebar: each module adds its own entry, so ``nav.html`` never names a module.

A module registers in its ``AppConfig.ready()``::

    register_nav_item("partners", url="partners:list", label=_("Partners"), icon="clients",
                      permission="partners.view", kinds=("client",), order=90)

``url`` is reversed with the organization's code; the entry is active on every page under
that address, or under ``/o/<code>/<section>`` when ``section`` is given (e.g. ``"profile/"``
for an entry whose address is one page of a larger section). ``kinds`` says which organizations show it ("client" for carriers,
"consultancy" for consultancies); ``permission`` hides it from roles that may not use it.
Only the overview stays in the template; an entry never leads to a page the role may not open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    name: str
    url: str
    label: Any
    icon: str
    permission: str
    kinds: tuple[str, ...]
    order: int
    section: str


@dataclass(frozen=True)
class NavLink:
    label: Any
    icon: str
    href: str
    active: bool


_ITEMS: dict[str, NavItem] = {}


def register_nav_item(
    name: str,
    *,
    url: str,
    label: Any,
    icon: str,
    permission: str = "",
    kinds: tuple[str, ...] = ("client", "consultancy"),
    order: int = 50,
    section: str = "",
) -> None:
    _ITEMS[name] = NavItem(name, url, label, icon, permission, kinds, order, section)


def nav_links(request: Any, organization: Any, access: Any) -> list[NavLink]:
    """The module entries this user sees in this organization, in order."""
    kind = "consultancy" if organization.is_consultancy else "client"
    path = getattr(request, "path", "")
    links = []
    for item in sorted(_ITEMS.values(), key=lambda i: (i.order, i.name)):
        if kind not in item.kinds:
            continue
        if item.permission and not (access is not None and access.can(item.permission)):
            continue
        href = reverse(item.url, args=[organization.code])
        prefix = f"/o/{organization.code}/{item.section}" if item.section else href
        links.append(NavLink(item.label, item.icon, href, path.startswith(prefix)))
    return links
