"""Dashboards: the carrier overview's "Overdue and next 30 days" card, and a consultancy's
client-table columns (overdue count, next due date) and cross-client "what is due" page."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils.formats import date_format

from borderpro.common.permissions import has_perm
from borderpro.deadlines.registry import DUE_SOON, OPEN, OVERDUE, kinds
from borderpro.deadlines.selectors import (
    DeadlineRow,
    deadlines_for,
    open_deadlines,
    rows_on,
    visible_kinds,
)
from borderpro.organizations.models import Organization
from borderpro.organizations.roles import Role

PANEL_ROWS = 6
PANEL_DAYS = 30
PORTFOLIO_LOOKBACK_DAYS = 366
_CACHE_SECONDS = 5.0
_summary_cache: dict[tuple[Any, ...], tuple[float, dict[Any, dict[str, Any]]]] = {}


def deadlines_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("deadlines.view"):
        return None
    keys = [k.key for k in visible_kinds(request.access)]
    if not keys:
        return None
    today = request.org.local_today()
    rows = open_deadlines(request.org, today, kinds=keys, horizon_days=PANEL_DAYS)
    late = [r for r in rows if r.state in (OVERDUE, OPEN)]
    coming = [r for r in rows if r.state not in (OVERDUE, OPEN)]
    shown = (late + coming)[:PANEL_ROWS]
    return {
        "rows": shown,
        "more": max(len(rows) - len(shown), 0),
        "overdue": sum(1 for r in rows if r.state == OVERDUE),
        "due_soon": sum(1 for r in rows if r.state == DUE_SOON),
        "coming": len(coming),
        "days": PANEL_DAYS,
        "today": today,
    }


def consultant_kinds() -> list[str]:
    """The kinds a consultant may see in a client (what the client columns count)."""
    return [k.key for k in kinds() if has_perm(Role.CONSULTANT, k.permission)]


def client_summaries(client_ids: Sequence[Any]) -> dict[Any, dict[str, Any]]:
    """Per client: overdue count and next due date, in one pass over every module's deadlines
    (kept a few seconds, so the two columns of one page compute it once)."""
    key = tuple(sorted(str(i) for i in client_ids))
    cached = _summary_cache.get(key)
    if cached is not None and time.monotonic() - cached[0] < _CACHE_SECONDS:
        return cached[1]
    clients = list(Organization.objects.filter(pk__in=list(client_ids)))
    summary: dict[Any, dict[str, Any]] = {c.pk: {"overdue": 0, "next": None} for c in clients}
    if clients:
        today = clients[0].local_today()
        found = deadlines_for(
            clients,
            today - timedelta(days=PORTFOLIO_LOOKBACK_DAYS),
            today + timedelta(days=400),
            consultant_kinds(),
        )
        for row in rows_on(found, today):
            entry = summary[row.deadline.organization.pk]
            if row.state == OVERDUE:
                entry["overdue"] += 1
            elif row.days_left >= 0 and entry["next"] is None:
                entry["next"] = row.deadline.due
    if len(_summary_cache) > 64:
        _summary_cache.clear()
    _summary_cache[key] = (time.monotonic(), summary)
    return summary


def overdue_column(client_ids: list[Any]) -> dict[Any, int]:
    return {k: v["overdue"] for k, v in client_summaries(client_ids).items()}


def next_due_column(client_ids: list[Any]) -> dict[Any, str]:
    """The next due date in the reader's date format, "—" when nothing is coming."""
    return {
        k: date_format(v["next"], "DATE_FORMAT") if v["next"] else "—"
        for k, v in client_summaries(client_ids).items()
    }


@dataclass(frozen=True)
class PortfolioRow:
    client: Organization
    row: DeadlineRow


def portfolio_rows(clients: Sequence[Organization], today: date, days: int) -> list[PortfolioRow]:
    """Every client's overdue deadlines (last year) and those due in ``days``, soonest first."""
    if not clients:
        return []
    found = deadlines_for(
        list(clients),
        today - timedelta(days=PORTFOLIO_LOOKBACK_DAYS),
        today + timedelta(days=days),
        consultant_kinds(),
    )
    return [PortfolioRow(r.deadline.organization, r) for r in rows_on(found, today)]
