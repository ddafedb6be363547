"""The "Next deadlines" card on the organization overview: every module's deadlines."""

from __future__ import annotations

from typing import Any

from borderpro.deadlines.registry import DUE_SOON, OPEN, OVERDUE
from borderpro.deadlines.selectors import open_deadlines, visible_kinds

PANEL_ROWS = 5


def deadlines_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("deadlines.view"):
        return None
    keys = [k.key for k in visible_kinds(request.access)]
    if not keys:
        return None
    today = request.org.local_today()
    rows = open_deadlines(request.org, today, kinds=keys)
    return {
        "rows": rows[:PANEL_ROWS],
        "more": max(len(rows) - PANEL_ROWS, 0),
        "overdue": sum(1 for r in rows if r.state in (OVERDUE, OPEN)),
        "due_soon": sum(1 for r in rows if r.state == DUE_SOON),
        "today": today,
    }
