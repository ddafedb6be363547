"""Readiness per category and overall, the gap list, and the chart over time."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from borderpro.organizations.tenancy import org_view
from borderpro.profiles.charts import readiness_svg
from borderpro.profiles.models import ReadinessPoint
from borderpro.profiles.rendering import render_gap_rows
from borderpro.profiles.selectors.workspace import GAPS
from borderpro.profiles.views.common import no_framework, setting, workspace_of


@org_view("profiles.view", kinds=("client",))
def readiness(request: HttpRequest) -> HttpResponse:
    ctx = setting(request)
    if ctx["framework"] is None:
        return no_framework(request)
    org, framework = ctx["org"], ctx["framework"]
    ws = workspace_of(ctx, light=True)
    points = list(
        ReadinessPoint.objects.filter(
            organization=org, framework=framework, security_profile=ctx["security_profile"]
        ).order_by("day")[:400]
    )
    gap_rows = [r for r in ws.rows if r.gaps]
    return render(
        request,
        "profiles/readiness.html",
        {
            **ctx,
            "ws": ws,
            "chart": readiness_svg(points),
            "gap_rows": gap_rows,
            "gap_html": render_gap_rows(gap_rows, response_url=_responses_url(org)),
            "gap_summary": [(key, label, ws.gap_counts[key]) for key, label in GAPS.items()],
        },
    )


@org_view("profiles.view", kinds=("client",))
def readiness_chart(request: HttpRequest) -> HttpResponse:
    ctx = setting(request)
    if ctx["framework"] is None:
        return no_framework(request)
    points = list(
        ReadinessPoint.objects.filter(
            organization=ctx["org"],
            framework=ctx["framework"],
            security_profile=ctx["security_profile"],
        ).order_by("day")[:400]
    )
    response = HttpResponse(readiness_svg(points), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


_ANY_ID = "00000000-0000-0000-0000-000000000000"


def _responses_url(org: Any) -> str:
    """A response's page address without its id (reversed once, not once per row)."""
    return reverse("profiles:response", args=[org.code, _ANY_ID])[: -len(_ANY_ID) - 1]
