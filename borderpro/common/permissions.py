"""The permission registry. Each app declares one table in its own ``permissions.py``:

    PERMISSIONS = {"evidence.view": READ_ROLES, "evidence.upload": WRITE_ROLES, ...}

A permission is named ``<app>.<action>``; views and API ask :func:`has_perm` with the
role the user holds in the current organization. Views and API use the same tables.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module


@cache
def _table(app: str) -> dict[str, frozenset[str]]:
    module = import_module(f"borderpro.{app}.permissions")
    return dict(module.PERMISSIONS)


def roles_for(permission: str) -> frozenset[str]:
    app = permission.split(".", 1)[0]
    table = _table(app)
    if permission not in table:
        raise KeyError(
            f"unknown permission {permission!r}: add it to borderpro/{app}/permissions.py"
        )
    return table[permission]


def has_perm(role: str | None, permission: str) -> bool:
    return role is not None and role in roles_for(permission)
