"""A client company's view of the engagements its consultancy runs for it."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render

from borderpro.common.http import OrgRequest
from borderpro.consulting import selectors
from borderpro.organizations.tenancy import org_view


@org_view("consulting.engagements", kinds=("client",))
def client_engagements(request: OrgRequest) -> HttpResponse:
    return render(
        request,
        "consulting/client/engagements.html",
        {"engagements": selectors.engagements_for_client(request.org)},
    )
