"""The deadlines page: everything an organization has overdue or coming, from every module."""

from __future__ import annotations

from datetime import timedelta

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from borderpro.common.http import OrgRequest
from borderpro.deadlines.registry import DUE_SOON, OPEN, OVERDUE, UPCOMING
from borderpro.deadlines.selectors import HORIZON_DAYS, open_deadlines, visible_kinds
from borderpro.organizations.tenancy import org_view

PAGE_SIZE = 50
STATE_FILTERS = {
    "late": (OVERDUE, OPEN),
    "soon": (DUE_SOON,),
    "later": (UPCOMING,),
}


@org_view("deadlines.view", kinds=("client",))
def deadline_list(request: OrgRequest) -> HttpResponse:
    org = request.org
    today = org.local_today()
    kinds = sorted(visible_kinds(request.access), key=lambda k: str(k.label))
    kind = request.GET.get("kind", "")
    keys = [k.key for k in kinds]
    if kind in keys:
        keys = [kind]
    else:
        kind = ""
    state = request.GET.get("state", "")
    rows = open_deadlines(org, today, kinds=keys) if keys else []
    if state in STATE_FILTERS:
        rows = [r for r in rows if r.state in STATE_FILTERS[state]]
    else:
        state = ""
    late = sum(1 for r in rows if r.state in (OVERDUE, OPEN))
    return render(
        request,
        "deadlines/list.html",
        {
            "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
            "kinds": kinds,
            "kind": kind,
            "state": state,
            "late": late,
            "today": today,
            "until": today + timedelta(days=HORIZON_DAYS),
        },
    )
