"""The consultant's portfolio: columns the consulting module adds to the consultancy's client
table (``common/dashboard.register_client_column``), each one query for the whole page.

- readiness per framework of each client's main security profile, with its open gaps
  (``profiles``' readiness points, through ``profiles.selectors.divisions``);
- program memberships and their status (``programs``);
- the engagement's next renewal and the deliverables still open (this module).

Deadlines and incidents come from their own modules' columns; the values run across the
clients the consultant may see, so they read with the tenant scope lifted.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.db.models import Count, Min, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_scopes import scopes_disabled

from borderpro.common.dashboard import register_client_column
from borderpro.common.dates import format_day
from borderpro.consulting.models import Engagement
from borderpro.profiles.selectors.divisions import division_readiness
from borderpro.programs.models import ACTIVE, Membership


def readiness(client_ids: list[Any]) -> dict[Any, str]:
    """Per client, its main security profile's latest score per framework and the open
    gaps: "PIP 72 % · CTPAT 55 % (6 gaps)"."""
    with scopes_disabled():
        by_org = division_readiness([SimpleNamespace(pk=pk) for pk in client_ids])
    out = {}
    for org_id, divisions in by_org.items():
        points = divisions[0].points if divisions else {}
        if not points:
            out[org_id] = "—"
            continue
        scores = " · ".join(f"{code} {point.score} %" for code, point in sorted(points.items()))
        gaps = max(p.gaps for p in points.values())
        out[org_id] = f"{scores} ({ngettext('%(n)s gap', '%(n)s gaps', gaps) % {'n': gaps}})"
    return out


def programs(client_ids: list[Any]) -> dict[Any, str]:
    with scopes_disabled():
        rows = Membership.objects.filter(organization_id__in=client_ids).exclude(status="none")
        out: dict[Any, list[str]] = {}
        for m in rows.order_by("program"):
            mark = "✓" if m.status in ACTIVE else ""
            out.setdefault(m.organization_id, []).append(
                f"{m.program}{mark} {m.get_status_display()}"
            )
    return {pk: " · ".join(out[pk]) if pk in out else "—" for pk in client_ids}


def engagement_state(client_ids: list[Any]) -> dict[Any, str]:
    with scopes_disabled():
        rows = (
            Engagement.objects.filter(client_id__in=client_ids, status="active")
            .values("client_id")
            .annotate(
                renews=Min("renews_on"),
                open=Count("milestones", filter=Q(milestones__done_on__isnull=True)),
            )
        )
        out = dict.fromkeys(client_ids, "—")
        for row in rows:
            parts = [_("%(n)s open deliverables") % {"n": row["open"]}]
            if row["renews"]:
                parts.append(_("renews %(date)s") % {"date": format_day(row["renews"])})
            out[row["client_id"]] = " · ".join(parts)
    return out


def register() -> None:
    register_client_column(
        "consulting.readiness",
        label=gettext_lazy("Readiness and gaps"),
        values=readiness,
        order=10,
        numeric=False,
    )
    register_client_column(
        "consulting.programs",
        label=gettext_lazy("Programs"),
        values=programs,
        order=12,
        numeric=False,
    )
    register_client_column(
        "consulting.engagement",
        label=gettext_lazy("Engagement"),
        values=engagement_state,
        order=60,
        numeric=False,
    )
