"""Field operations pages for the office: fleet, inspections, seal log, audit, incidents."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error
from borderpro.common.ids import uuid7
from borderpro.operations import selectors, services
from borderpro.operations.checklists import point_titles
from borderpro.operations.forms import IncidentEventForm, SealLotForm, UnitForm
from borderpro.operations.models import (
    REQUIRED_RECIPIENTS,
    Checklist,
    Incident,
    Inspection,
    Recipient,
    Seal,
    Unit,
)
from borderpro.organizations.tenancy import org_view

PAGE_SIZE = 25


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page(request: HttpRequest, qs: Any) -> Any:
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


class QuickPage:
    """A page of a very long list without counting it (no COUNT(*) over millions of records)."""

    def __init__(self, request: HttpRequest, qs: Any, size: int = PAGE_SIZE) -> None:
        try:
            self.number = max(1, int(request.GET.get("page", "1")))
        except ValueError:
            self.number = 1
        start = (self.number - 1) * size
        rows = list(qs[start : start + size + 1])
        self.object_list = rows[:size]
        self._more = len(rows) > size

    def has_next(self) -> bool:
        return self._more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self._more or self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


@org_view("operations.view", kinds=("client",))
def overview(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    return render(
        request,
        "operations/overview.html",
        {
            "summary": selectors.operations_summary(org),
            "recent": selectors.inspection_list(org)[:8],
            "incidents": selectors.incident_list(org, status="active")[:5],
        },
    )


# --- fleet -----------------------------------------------------------------------------


@org_view("operations.view", kinds=("client",))
def unit_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    q, kind, status = (
        request.GET.get("q", "").strip(),
        request.GET.get("kind", ""),
        request.GET.get("status", ""),
    )
    page = _page(request, selectors.unit_list(org, q=q, kind=kind, status=status))
    return render(
        request,
        "operations/units.html",
        {
            "page": page,
            "q": q,
            "kind": kind,
            "status": status,
            "kinds": Unit.Kind.choices,
            "statuses": Unit.Status.choices,
        },
    )


@org_view("operations.manage", kinds=("client",))
def unit_create(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(actor=request.user, organization=org, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(unit)s is in the fleet.") % {"unit": unit.unit_number})
            return redirect("operations:unit", org_code=org.code, unit_id=unit.pk)
    return render(
        request, "operations/unit_form.html", {"form": form}, status=400 if form.errors else 200
    )


@org_view("operations.view", kinds=("client",))
def unit_detail(request: HttpRequest, unit_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    unit = get_object_or_404(Unit, organization=org, pk=unit_id)
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST":
        if not request.access.can("operations.manage"):  # type: ignore[attr-defined]
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                services.unit_update(
                    actor=request.user,
                    unit=unit,
                    **{name: form.cleaned_data[name] for name in form.changed_data},
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("operations:unit", org_code=org.code, unit_id=unit.pk)
    return render(
        request,
        "operations/unit_detail.html",
        {
            "unit": unit,
            "form": form,
            "inspections": selectors.inspection_list(org, unit=unit)[:10],
            "history": unit.history.select_related("history_user").order_by("-history_date")[:10],
        },
        status=400 if form.errors else 200,
    )


# --- inspections -----------------------------------------------------------------------


def _unit_from(organization: Any, value: str) -> Unit | None:
    """A unit given by its id (links) or by its unit number (typed in the filter)."""
    if not value:
        return None
    try:
        return Unit.objects.filter(organization=organization, pk=UUID(value)).first()
    except ValueError:
        return Unit.objects.filter(organization=organization, unit_number__iexact=value).first()


@org_view("operations.view", kinds=("client",))
def inspection_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    f = {
        k: request.GET.get(k, "").strip()
        for k in ("unit", "result", "from", "to", "q", "checklist")
    }
    unit = _unit_from(org, f["unit"])
    if unit is not None:
        f["unit"] = unit.unit_number
    qs = selectors.inspection_list(
        org,
        unit=unit if unit is not None else ("-" if f["unit"] else ""),
        result=f["result"],
        date_from=_date(f["from"]),
        date_to=_date(f["to"]),
        q=f["q"],
        checklist=f["checklist"],
    )
    template = "operations/_inspections.html" if request.htmx else "operations/inspections.html"  # type: ignore[attr-defined]
    return render(
        request,
        template,
        {"page": QuickPage(request, qs), "f": f, "checklists": Checklist.choices},
    )


@org_view("operations.view", kinds=("client",))
def inspection_detail(request: HttpRequest, inspection_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    inspection: Inspection = get_object_or_404(
        Inspection.objects.select_related(
            "tractor", "trailer", "signature", "recorded_by", "corrects"
        ),
        organization=org,
        pk=inspection_id,
    )
    titles = point_titles([p["ref"] for p in inspection.points])
    points = [{**p, "title": titles.get(p["ref"], p["ref"])} for p in inspection.points]
    return render(
        request,
        "operations/inspection_detail.html",
        {
            "inspection": inspection,
            "points": points,
            "integrity": selectors.record_integrity(inspection),
            "corrections": Inspection.objects.filter(
                organization=org, corrects=inspection
            ).order_by("seq"),
        },
    )


# --- seals -----------------------------------------------------------------------------


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
    return render(
        request,
        "operations/seal_audit.html",
        {
            "audit": selectors.seal_audit(org, days=days),
            "statuses": [c for c in Seal.Status.choices if c[0] in selectors.AUDIT_STATUSES],
        },
    )


# --- incidents -------------------------------------------------------------------------


@org_view("operations.view", kinds=("client",))
def incident_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    status, kind = request.GET.get("status", "active"), request.GET.get("kind", "")
    return render(
        request,
        "operations/incidents.html",
        {
            "page": _page(request, selectors.incident_list(org, status=status, kind=kind)),
            "status": status,
            "kind": kind,
            "kinds": Incident.Kind.choices,
        },
    )


def _notification_plan(incident: Incident, events: list[Any]) -> list[dict[str, Any]]:
    done = {e.recipient: e for e in events if e.kind == "notified"}
    labels = dict(Recipient.choices)
    plan = [
        {"code": code, "label": labels[code], "event": done.get(code)}
        for code in REQUIRED_RECIPIENTS.get(incident.kind, ())
    ]
    extra = [
        {"code": code, "label": labels.get(code, code), "event": event, "extra": True}
        for code, event in done.items()
        if code not in REQUIRED_RECIPIENTS.get(incident.kind, ())
    ]
    return plan + extra


@org_view("operations.view", kinds=("client",))
def incident_detail(request: HttpRequest, incident_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    incident: Incident = get_object_or_404(
        Incident.objects.select_related("unit", "seal", "inspection"),
        organization=org,
        pk=incident_id,
    )
    form = IncidentEventForm(request.POST or None)
    if request.method == "POST":
        if not request.access.can("operations.manage"):  # type: ignore[attr-defined]
            return HttpResponse(status=403)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.incident_add_event(
                    actor=request.user,
                    incident=incident,
                    client_id=uuid7(),
                    kind=data["kind"],
                    actor_name=request.user.display_name,  # type: ignore[union-attr]
                    occurred_at=data["occurred_at"],
                    recipient=data["recipient"],
                    contact=data["contact"],
                    before_border=data["before_border"],
                    text=data["text"],
                    due_on=data["due_on"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Added to the incident file."))
                return redirect("operations:incident", org_code=org.code, incident_id=incident.pk)
    events = list(selectors.incident_events(incident))
    return render(
        request,
        "operations/incident_detail.html",
        {
            "incident": incident,
            "events": events,
            "form": form,
            "plan": _notification_plan(incident, events),
            "integrity": selectors.record_integrity(events[-1]) if events else None,
            "actions": [e for e in events if e.kind == "action"],
        },
        status=400 if form.errors else 200,
    )


@org_view("operations.view", kinds=("client",))
def incident_report_pdf(request: HttpRequest, incident_id: str) -> HttpResponse:
    from borderpro.operations.pdf import incident_analysis_pdf

    org = request.org  # type: ignore[attr-defined]
    incident: Incident = get_object_or_404(
        Incident.objects.select_related("unit", "seal", "inspection"),
        organization=org,
        pk=incident_id,
    )
    language = request.GET.get("lang") if request.GET.get("lang") in ("en", "fr") else None
    events = list(selectors.incident_events(incident))
    content = incident_analysis_pdf(
        incident, events, _notification_plan(incident, events), language=language
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{incident.reference}.pdf"'
    return response


@org_view("operations.manage", kinds=("client",))
@require_POST
def unit_release(request: HttpRequest, unit_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    unit = get_object_or_404(Unit, organization=org, pk=unit_id)
    try:
        services.unit_release(actor=request.user, unit=unit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(unit)s is back in service.") % {"unit": unit.unit_number})
    return redirect("operations:unit", org_code=org.code, unit_id=unit.pk)
