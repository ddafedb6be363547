"""Seal pages: the seal log, receiving a lot, one seal's custody and the seal audit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.operations import selectors, services
from borderpro.operations.audit_html import discrepancy_rows_html
from borderpro.operations.forms import SealLotForm
from borderpro.operations.models import Inspection, Seal
from borderpro.operations.views.common import QuickPage
from borderpro.organizations.tenancy import org_view


@org_view("operations.view", kinds=("client",))
def seal_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    q, status = request.GET.get("q", "").strip(), request.GET.get("status", "")
    return render(
        request,
        "operations/seals.html",
        {
            "page": QuickPage(request, selectors.seal_list(org, q=q, status=status)),
            "q": q,
            "status": status,
            "statuses": Seal.Status.choices,
            "lots": selectors.seal_lots(org, limit=10),
        },
    )


@org_view("operations.manage", kinds=("client",))
def seal_lot_create(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = SealLotForm(request.POST or None, organization=org)
    if request.method == "POST" and form.is_valid():
        try:
            lot = services.seal_lot_receive(
                actor=request.user, organization=org, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("%(n)s seals received into the inventory.") % {"n": lot.size}
            )
            return redirect("operations:seals", org_code=org.code)
    return render(
        request, "operations/seal_lot_form.html", {"form": form}, status=400 if form.errors else 200
    )


@org_view("operations.view", kinds=("client",))
def seal_detail(request: HttpRequest, seal_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    seal: Seal = get_object_or_404(
        Seal.objects.select_related("lot", "unit"), organization=org, pk=seal_id
    )
    events = list(selectors.seal_custody(org, seal))
    return render(
        request,
        "operations/seal_detail.html",
        {
            "seal": seal,
            "events": events,
            "integrity": selectors.record_integrity(events[-1]) if events else None,
            "documents": Inspection.objects.filter(organization=org, seal_number=seal.number)
            .select_related("trailer")
            .order_by("-inspected_at")[:20],
        },
    )


@org_view("operations.view", kinds=("client",))
def seal_audit(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    periods = {str(d): d for d in selectors.AUDIT_PERIODS}
    days = periods.get(request.GET.get("days", ""), 7)
    audit = selectors.seal_audit(org, days=days)
    return render(
        request,
        "operations/seal_audit.html",
        {
            "audit": audit,
            "rows": discrepancy_rows_html(audit["discrepancies"], org_code=org.code),
            "statuses": [c for c in Seal.Status.choices if c[0] in selectors.AUDIT_STATUSES],
        },
    )
