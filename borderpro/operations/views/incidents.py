"""Incident pages: the list, one incident's file with its notification plan, and its PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.common.ids import uuid7
from borderpro.operations import selectors, services
from borderpro.operations.forms import IncidentEventForm
from borderpro.operations.models import REQUIRED_RECIPIENTS, Incident, Recipient
from borderpro.operations.views.common import _page
from borderpro.organizations.tenancy import org_view


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
