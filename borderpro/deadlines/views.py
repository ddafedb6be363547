"""Organization pages: the deadlines list, the reminder stages, a consultancy's portfolio."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from borderpro.common.http import OrgRequest
from borderpro.deadlines.forms import StagesForm
from borderpro.deadlines.models import ReminderSetting
from borderpro.deadlines.panels import portfolio_rows
from borderpro.deadlines.registry import DUE_SOON, OPEN, OVERDUE, UPCOMING, kinds
from borderpro.deadlines.selectors import HORIZON_DAYS, open_deadlines, visible_kinds
from borderpro.deadlines.services import reminder_setting_reset, reminder_setting_save
from borderpro.organizations.models import Organization
from borderpro.organizations.roles import Role
from borderpro.organizations.selectors import client_links
from borderpro.organizations.tenancy import org_view

PAGE_SIZE = 50
STATE_FILTERS = {
    "late": (OVERDUE, OPEN),
    "soon": (DUE_SOON,),
    "later": (UPCOMING,),
}
PORTFOLIO_DAYS = (30, 90, 365)


@org_view("deadlines.view", kinds=("client",))
def deadline_list(request: OrgRequest) -> HttpResponse:
    org = request.org
    today = org.local_today()
    kinds_ = sorted(visible_kinds(request.access), key=lambda k: str(k.label))
    kind = request.GET.get("kind", "")
    keys = [k.key for k in kinds_]
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
            "kinds": kinds_,
            "kind": kind,
            "state": state,
            "late": late,
            "today": today,
            "until": today + timedelta(days=HORIZON_DAYS),
            "can_manage": request.access.can("deadlines.manage"),
        },
    )


@org_view("deadlines.manage", kinds=("client",))
def reminder_settings(request: OrgRequest) -> HttpResponse:
    """Per kind: the days before the due date the organization is reminded, and overdue."""
    org = request.org
    all_kinds = sorted(kinds(), key=lambda k: str(k.label))
    keys = [k.key for k in all_kinds]
    failed: StagesForm | None = None
    if request.method == "POST":
        form = StagesForm(request.POST, kinds=keys, auto_id=_auto_id(request.POST.get("kind")))
        if form.is_valid():
            kind = form.cleaned_data["kind"]
            label = next(str(k.label) for k in all_kinds if k.key == kind)
            if "reset" in request.POST:
                reminder_setting_reset(organization=org, kind=kind)
                messages.success(
                    request, _("“%(kind)s” uses the default stages again.") % {"kind": label}
                )
            else:
                reminder_setting_save(
                    actor=request.user,
                    organization=org,
                    kind=kind,
                    stages=form.cleaned_data["stages"],
                    overdue=form.cleaned_data["overdue"],
                )
                messages.success(request, _("Reminders of “%(kind)s” saved.") % {"kind": label})
            return redirect("deadlines:reminder_settings", org.code)
        failed = form
    own = {s.kind: s for s in ReminderSetting.objects.filter(organization=org)}
    rows = []
    for k in all_kinds:
        setting = own.get(k.key)
        stages = setting.stages if setting else list(k.reminder_days)
        form = StagesForm(
            initial={
                "kind": k.key,
                "stages": ", ".join(str(d) for d in stages),
                "overdue": setting.overdue if setting else True,
            },
            kinds=keys,
            auto_id=_auto_id(k.key),
        )
        if failed is not None and failed.data.get("kind") == k.key:
            form = failed
        rows.append({"kind": k, "setting": setting, "form": form, "defaults": k.reminder_days})
    status = 400 if failed is not None else 200
    return render(request, "deadlines/reminder_settings.html", {"rows": rows}, status=status)


def _auto_id(kind: str | None) -> str:
    """Field ids unique on a page with one small form per kind."""
    slug = "".join(c if c.isalnum() else "-" for c in (kind or "")[:80])
    return f"id_{slug}_%s"


@org_view("deadlines.portfolio", kinds=("consultancy",))
def portfolio(request: OrgRequest) -> HttpResponse:
    """What is due across the consultant's clients (all clients for a consultant admin)."""
    org = request.org
    mine = request.access.role == Role.CONSULTANT
    links = client_links(org, user=request.user if mine else None)
    clients: list[Organization] = [link.client for link in links if link.client.is_active]
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    if days not in PORTFOLIO_DAYS:
        days = 30
    state = request.GET.get("state", "")
    today = org.local_today()
    rows = portfolio_rows(clients, today, days)
    if state in STATE_FILTERS:
        rows = [r for r in rows if r.row.state in STATE_FILTERS[state]]
    else:
        state = ""
    return render(
        request,
        "deadlines/portfolio.html",
        {
            "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
            "clients": len(clients),
            "late": sum(1 for r in rows if r.row.state == OVERDUE),
            "days": days,
            "day_choices": PORTFOLIO_DAYS,
            "state": state,
            "today": today,
        },
    )
