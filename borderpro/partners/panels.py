"""The partner register's card on the organization overview (two queries)."""

from __future__ import annotations

from typing import Any

from borderpro.partners.selectors import partner_register


def partners_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("partners.view"):
        return None
    register = partner_register(request.org, request.org.local_today())
    if not register.total:
        return None
    return {"register": register}
