"""The consultancy's office: the inbox of requests, a request's thread and actions, quotes,
the services catalogue and pricing, and the engagements."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.common.http import OrgRequest
from borderpro.consulting import pricing, selectors, services
from borderpro.consulting.forms import (
    AssignForm,
    EngagementForm,
    MilestoneForm,
    QuoteForm,
    ReplyForm,
    ServiceForm,
    SizingRuleForm,
    TimeForm,
)
from borderpro.consulting.models import Milestone, ProspectRequest, Quote, Service, SizingRule
from borderpro.consulting.views.public import quote_pdf_response
from borderpro.organizations.tenancy import org_view
from borderpro.profiles.models import PROVINCES

CONSULTANCY = ("consultancy",)
PAGE_SIZE = 25


def _require(request: OrgRequest, permission: str) -> None:
    if not request.access.can(permission):
        raise PermissionDenied


def _error(request: OrgRequest, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


@org_view("consulting.view", kinds=CONSULTANCY)
def inbox(request: OrgRequest) -> HttpResponse:
    org = request.org
    status = request.GET.get("status", "open")
    status = status if status in {"open", "", *ProspectRequest.Status.values} else "open"
    q = request.GET.get("q", "").strip()[:100]
    mine = request.GET.get("mine") == "1"
    rows = selectors.inbox(org, status=status, q=q, assignee=request.user if mine else None)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consulting/office/inbox.html",
        {
            "page": page,
            "status": status,
            "q": q,
            "mine": mine,
            "statuses": ProspectRequest.Status.choices,
            "counts": selectors.inbox_counts(org),
        },
    )


@org_view("consulting.view", kinds=CONSULTANCY)
def request_detail(request: OrgRequest, request_id: Any) -> HttpResponse:
    org = request.org
    item = get_object_or_404(selectors.request_detail(org), pk=request_id)
    reply_form = ReplyForm()
    assign_form = AssignForm(consultancy=org, initial={"user": str(item.assigned_to_id or "")})
    if request.method == "POST":
        _require(request, "consulting.work")
        action = request.POST.get("action", "")
        try:
            if action == "reply":
                reply_form = ReplyForm(request.POST)
                if reply_form.is_valid():
                    services.request_reply(
                        actor=request.user,
                        consultancy=org,
                        request=item,
                        body=reply_form.cleaned_data["body"],
                        note=reply_form.cleaned_data["note"],
                    )
                    messages.success(
                        request,
                        _("Note kept.")
                        if reply_form.cleaned_data["note"]
                        else _("Reply sent to %(email)s.") % {"email": item.email},
                    )
                    return redirect("consulting:request", org.code, item.pk)
            elif action == "assign":
                assign_form = AssignForm(request.POST, consultancy=org)
                if assign_form.is_valid():
                    user = assign_form.members[assign_form.cleaned_data["user"]]
                    services.request_assign(
                        actor=request.user, consultancy=org, request=item, user=user
                    )
                    messages.success(
                        request, _("Assigned to %(name)s.") % {"name": user.full_name or user.email}
                    )
                    return redirect("consulting:request", org.code, item.pk)
            elif action == "status":
                services.request_set_status(
                    actor=request.user,
                    consultancy=org,
                    request=item,
                    status=request.POST.get("status", ""),
                )
                messages.success(request, _("Status changed."))
                return redirect("consulting:request", org.code, item.pk)
            elif action == "convert":
                client = services.request_convert(actor=request.user, consultancy=org, request=item)
                messages.success(
                    request,
                    _("%(name)s is now a client: its carrier profile is filled from the request.")
                    % {"name": client.name},
                )
                return redirect("consulting:request", org.code, item.pk)
            elif action == "quote":
                quote = services.quote_create(actor=request.user, consultancy=org, request=item)
                return redirect("consulting:quote", org.code, quote.pk)
        except ValidationError as exc:
            _error(request, exc)
            return redirect("consulting:request", org.code, item.pk)
    return render(
        request,
        "consulting/office/request.html",
        {
            "item": item,
            "reply_form": reply_form,
            "assign_form": assign_form,
            "statuses": ProspectRequest.Status.choices,
        },
    )


def _line_changes(post: Any, quote: Quote) -> tuple[dict[str, dict[str, Any]], list[str]]:
    changes: dict[str, dict[str, Any]] = {}
    errors: list[str] = []
    for line in quote.lines.all():
        key = str(line.pk)
        change: dict[str, Any] = {"remove": post.get(f"remove-{key}") == "on"}
        for name, label in (("quantity", _("quantity")), ("unit_price", _("unit price"))):
            raw = post.get(f"{name}-{key}", "").strip().replace(",", ".").replace(" ", "")
            try:
                value = Decimal(raw)
                if value < 0 or not value.is_finite():
                    raise InvalidOperation
                change[name] = value
            except InvalidOperation:
                errors.append(
                    _("Line “%(line)s”: the %(field)s must be a number, 0 or more.")
                    % {"line": line.description, "field": label}
                )
        changes[key] = change
    return changes, errors


@org_view("consulting.view", kinds=CONSULTANCY)
def quote_detail(request: OrgRequest, quote_id: Any) -> HttpResponse:
    org = request.org
    quote = get_object_or_404(selectors.quote_detail(org), pk=quote_id)
    form = QuoteForm(instance=quote)
    if request.method == "POST":
        _require(request, "consulting.work")
        action = request.POST.get("action", "")
        try:
            if action == "save":
                form = QuoteForm(request.POST, instance=quote)
                changes, errors = _line_changes(request.POST, quote)
                if form.is_valid() and not errors:
                    services.quote_lines_update(
                        consultancy=org, quote=quote, changes=changes, fields=form.cleaned_data
                    )
                    messages.success(request, _("Quote saved."))
                    return redirect("consulting:quote", org.code, quote.pk)
                for error in errors:
                    form.add_error(None, error)
            elif action == "add_line":
                service: Service = get_object_or_404(
                    Service.objects.filter(organization=org), pk=request.POST.get("service")
                )
                services.quote_line_add(consultancy=org, quote=quote, service=service)
                return redirect("consulting:quote", org.code, quote.pk)
            elif action == "send":
                services.quote_send(actor=request.user, consultancy=org, quote=quote)
                messages.success(
                    request,
                    _("Quote sent to %(email)s with a private link to accept it.")
                    % {"email": quote.request.email},
                )
                return redirect("consulting:quote", org.code, quote.pk)
            elif action == "revoke":
                services.quote_revoke(actor=request.user, consultancy=org, quote=quote)
                messages.success(request, _("Quote withdrawn: its link no longer works."))
                return redirect("consulting:quote", org.code, quote.pk)
        except ValidationError as exc:
            if action == "save":
                apply_validation_error(form, exc)
            else:
                _error(request, exc)
                return redirect("consulting:quote", org.code, quote.pk)
    if request.GET.get("format") == "pdf":
        return quote_pdf_response(quote)
    return render(
        request,
        "consulting/office/quote.html",
        {
            "quote": quote,
            "form": form,
            "lines": list(quote.lines.all()),
            "services": selectors.services_of(org).filter(active=True),
        },
    )


@org_view("consulting.view", kinds=CONSULTANCY)
def service_list(request: OrgRequest) -> HttpResponse:
    org = request.org
    form = ServiceForm()
    if request.method == "POST":
        _require(request, "consulting.price")
        form = ServiceForm(request.POST)
        if form.is_valid():
            try:
                service = services.service_save(
                    actor=request.user, consultancy=org, service=None, fields=form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("“%(name)s” added.") % {"name": service.name})
                return redirect("consulting:service", org.code, service.pk)
    province = request.GET.get("province", org.region or "ON")
    province = province if province in dict(PROVINCES) else "ON"
    return render(
        request,
        "consulting/office/services.html",
        {
            "services": selectors.services_of(org),
            "form": form,
            "provinces": PROVINCES,
            "province": province,
            "taxes": pricing.tax_rates(province, org.local_today(), charged_only=False),
        },
    )


@org_view("consulting.view", kinds=CONSULTANCY)
def service_detail(request: OrgRequest, service_id: Any) -> HttpResponse:
    org = request.org
    service = get_object_or_404(selectors.services_of(org), pk=service_id)
    form = ServiceForm(instance=service)
    rule_form = SizingRuleForm()
    if request.method == "POST":
        _require(request, "consulting.price")
        action = request.POST.get("action", "")
        if action == "save":
            form = ServiceForm(request.POST, instance=service)
            if form.is_valid():
                services.service_save(
                    actor=request.user, consultancy=org, service=service, fields=form.cleaned_data
                )
                messages.success(request, _("Service saved."))
                return redirect("consulting:service", org.code, service.pk)
        elif action == "add_rule":
            rule_form = SizingRuleForm(request.POST)
            if rule_form.is_valid():
                try:
                    services.sizing_rule_add(
                        actor=request.user,
                        consultancy=org,
                        service=service,
                        fields=rule_form.cleaned_data,
                    )
                except ValidationError as exc:
                    apply_validation_error(rule_form, exc)
                else:
                    messages.success(request, _("Sizing rule added."))
                    return redirect("consulting:service", org.code, service.pk)
        elif action == "remove_rule":
            rule: SizingRule = get_object_or_404(
                SizingRule.objects.filter(service=service), pk=request.POST.get("rule")
            )
            services.sizing_rule_remove(consultancy=org, rule=rule)
            messages.success(request, _("Sizing rule removed."))
            return redirect("consulting:service", org.code, service.pk)
    return render(
        request,
        "consulting/office/service.html",
        {"service": service, "form": form, "rule_form": rule_form},
    )


@org_view("consulting.view", kinds=CONSULTANCY)
def engagement_list(request: OrgRequest) -> HttpResponse:
    org = request.org
    rows = selectors.engagements_of(org)
    status = request.GET.get("status", "active")
    if status in ("active", "completed", "cancelled"):
        rows = rows.filter(status=status)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "consulting/office/engagements.html", {"page": page, "status": status})


@org_view("consulting.view", kinds=CONSULTANCY)
def engagement_detail(request: OrgRequest, engagement_id: Any) -> HttpResponse:
    org = request.org
    engagement = get_object_or_404(selectors.engagement_detail(org), pk=engagement_id)
    form = EngagementForm(instance=engagement)
    milestone_form = MilestoneForm()
    time_form = TimeForm(initial={"worked_on": org.local_today()})
    if request.method == "POST":
        _require(request, "consulting.work")
        action = request.POST.get("action", "")
        done = False
        if action == "save":
            form = EngagementForm(request.POST, instance=engagement)
            if form.is_valid():
                services.engagement_update(
                    actor=request.user,
                    consultancy=org,
                    engagement=engagement,
                    fields=form.cleaned_data,
                )
                done = True
        elif action == "milestone":
            milestone_form = MilestoneForm(request.POST)
            if milestone_form.is_valid():
                services.milestone_add(
                    consultancy=org, engagement=engagement, fields=milestone_form.cleaned_data
                )
                done = True
        elif action == "tick":
            milestone: Milestone = get_object_or_404(
                Milestone.objects.filter(engagement=engagement), pk=request.POST.get("milestone")
            )
            services.milestone_tick(
                actor=request.user,
                consultancy=org,
                milestone=milestone,
                done=request.POST.get("done") == "1",
            )
            done = True
        elif action == "time":
            time_form = TimeForm(request.POST)
            if time_form.is_valid():
                try:
                    services.time_log(
                        actor=request.user,
                        consultancy=org,
                        engagement=engagement,
                        fields=time_form.cleaned_data,
                    )
                except ValidationError as exc:
                    apply_validation_error(time_form, exc)
                else:
                    done = True
        if done:
            messages.success(request, _("Saved."))
            return redirect("consulting:engagement", org.code, engagement.pk)
    selectors.attach_milestone_states([engagement])
    time_entries = list(engagement.time.all())
    return render(
        request,
        "consulting/office/engagement.html",
        {
            "engagement": engagement,
            "form": form,
            "milestone_form": milestone_form,
            "time_form": time_form,
            "time_entries": time_entries,
            "hours_logged": sum((t.hours for t in time_entries), Decimal("0")),
        },
    )
