"""Inspection pages: the filtered list and one inspection with its integrity."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from borderpro.operations import selectors
from borderpro.operations.checklists import point_titles
from borderpro.operations.models import Checklist, Inspection, Unit
from borderpro.operations.views.common import QuickPage, _date
from borderpro.organizations.tenancy import org_view


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
