"""Field operations' card on the organization overview."""

from __future__ import annotations

from typing import Any

from borderpro.operations.selectors import operations_summary


def operations_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("operations.view"):
        return None
    return {"summary": operations_summary(request.org)}
