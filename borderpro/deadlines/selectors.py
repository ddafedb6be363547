"""Reads across every module's deadlines: one organization or a consultant's portfolio."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django_scopes import scope

from borderpro.deadlines.registry import (
    DUE_SOON,
    OPEN,
    OVERDUE,
    Deadline,
    DeadlineKind,
    providers,
)
from borderpro.deadlines.registry import (
    kinds as registered_kinds,
)

# How far back an unmet deadline is still shown as overdue, and how far ahead pages look.
OVERDUE_LOOKBACK_DAYS = 3653
HORIZON_DAYS = 400


def deadlines_for(
    organizations: Any, start: date, end: date, kinds: Iterable[str] | None = None
) -> list[Deadline]:
    """The deadlines of ``organizations`` (one or a list) due from ``start`` to ``end``.

    ``kinds`` limits the answer to those kinds (and asks only the providers that yield them).
    A fixed number of queries per provider, whatever the number of organizations or rows.
    """
    orgs = [organizations] if hasattr(organizations, "pk") else list(organizations)
    if not orgs or end < start:
        return []
    wanted = None if kinds is None else set(kinds)
    found: list[Deadline] = []
    with scope(organization=orgs):
        for entry in providers():
            if wanted is not None and not wanted.intersection(entry.kinds):
                continue
            for deadline in entry.provider(orgs, start, end):
                if start <= deadline.due <= end and (wanted is None or deadline.kind in wanted):
                    found.append(deadline)
    return sorted(found, key=lambda d: (d.due, d.kind, d.subject, d.ref))


def visible_kinds(access: Any) -> list[DeadlineKind]:
    """The kinds this member may see: each kind follows its own app's permission table."""
    return [k for k in registered_kinds() if access.can(k.permission)]


@dataclass(frozen=True)
class DeadlineRow:
    """A deadline as a page shows it on a given day."""

    deadline: Deadline
    kind: DeadlineKind
    state: str
    days_left: int

    @property
    def late_days(self) -> int:
        return -self.days_left


def rows_on(deadlines: Iterable[Deadline], today: date) -> list[DeadlineRow]:
    return [DeadlineRow(d, d.kind_info, d.state(today), d.days_left(today)) for d in deadlines]


def open_deadlines(
    organizations: Any,
    today: date,
    *,
    kinds: Iterable[str] | None = None,
    horizon_days: int = HORIZON_DAYS,
) -> list[DeadlineRow]:
    """What is overdue, open or coming within ``horizon_days``, as seen on ``today``."""
    start = today - timedelta(days=OVERDUE_LOOKBACK_DAYS)
    found = deadlines_for(organizations, start, today + timedelta(days=horizon_days), kinds)
    return rows_on(found, today)


def needing_attention(rows: Iterable[DeadlineRow]) -> list[DeadlineRow]:
    """Overdue, open windows and due soon: what the programs page calls "due now or soon"."""
    return [r for r in rows if r.state in (OVERDUE, OPEN, DUE_SOON)]
