"""Phone-first field screens (inspection, seals, incident report), installable and offline-capable.

The screens are plain pages that the service worker keeps for offline use. What a person
records goes into an on-device queue (IndexedDB) with a client-generated id, and is sent to
the JSON API whenever the connection allows; the API is idempotent by that id.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django_scopes import scope

from borderpro.operations.checklists import checklist_points
from borderpro.operations.models import Checklist, Incident, Place, SealEvent, Unit
from borderpro.organizations.tenancy import org_view, resolve_access

CACHE_VERSION = "bp-field-v3"  # v3: the seal form asks for a sub-carrier code


def _units(organization: Any) -> list[dict[str, str]]:
    """The units a field user may pick, with their status (a held unit is flagged on the form)."""
    return [
        {"id": str(pk), "number": number, "kind": kind, "status": status}
        for pk, number, kind, status in Unit.objects.filter(organization=organization)
        .exclude(status__in=[Unit.Status.RETIRED])
        .order_by("unit_number")
        .values_list("id", "unit_number", "kind", "status")
    ]


def _context(request: HttpRequest, screen: str) -> dict[str, object]:
    org = request.org  # type: ignore[attr-defined]
    return {
        "screen": screen,
        "units": _units(org),
        "api_base": f"/api/v1/o/{org.code}/",
        "field_base": reverse("operations:field", args=[org.code]),
        "inspector": request.user.display_name,  # type: ignore[union-attr]
    }


@org_view("operations.record", kinds=("client",))
def field_home(request: HttpRequest) -> HttpResponse:
    return render(request, "operations/field/home.html", _context(request, "home"))


@org_view("operations.record", kinds=("client",))
def field_inspect(request: HttpRequest) -> HttpResponse:
    checklists = []
    for code, label in Checklist.choices:
        points = checklist_points(code)
        if points:
            checklists.append({"code": code, "label": label, "points": points})
    context = _context(request, "inspect")
    context.update({"checklists": checklists, "places": Place.choices})
    return render(request, "operations/field/inspect.html", context)


@org_view("operations.record", kinds=("client",))
def field_seal(request: HttpRequest) -> HttpResponse:
    context = _context(request, "seal")
    context.update(
        {
            "stages": [c for c in SealEvent.Stage.choices if c[0]],
            "authorities": [c for c in SealEvent.Authority.choices if c[0]],
        }
    )
    return render(request, "operations/field/seal.html", context)


@org_view("operations.record", kinds=("client",))
def field_report(request: HttpRequest) -> HttpResponse:
    context = _context(request, "report")
    context.update({"kinds": Incident.Kind.choices})
    return render(request, "operations/field/report.html", context)


def _field_asset(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Like ``org_view`` for the manifest and service worker script, which browsers fetch on their own
    (and in parallel with pages): same access rules, but the session is left untouched."""

    @wraps(view)
    def wrapper(request: HttpRequest, org_code: str) -> HttpResponse:
        access = resolve_access(request.user, org_code)
        if access.organization.kind != "client":
            raise Http404
        if not access.can("operations.record"):
            raise PermissionDenied
        request.access = access  # type: ignore[attr-defined]
        request.org = access.organization  # type: ignore[attr-defined]
        with scope(organization=access.organization):
            return view(request)

    wrapper.required_permission = "operations.record"  # type: ignore[attr-defined]
    wrapper.org_kinds = ("client",)  # type: ignore[attr-defined]
    return wrapper


@_field_asset
def field_manifest(request: HttpRequest) -> JsonResponse:
    org = request.org  # type: ignore[attr-defined]
    base = reverse("operations:field", args=[org.code])
    manifest = {
        "name": _("Border Pro field — %(org)s") % {"org": org.name},
        "short_name": _("Border Pro field"),
        "start_url": base,
        "scope": base,
        "display": "standalone",
        "background_color": "#f5f7f9",
        "theme_color": "#0f3d5e",
        "icons": [
            {"src": static("operations/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("operations/icon-512.png"), "sizes": "512x512", "type": "image/png"},
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")


@_field_asset
def field_service_worker(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    base = reverse("operations:field", args=[org.code])
    shell = [
        base,
        base + "inspect/",
        base + "seal/",
        base + "report/",
        static("css/app.css"),
        static("css/operations.css"),
        static("operations/field.js"),
        static("js/app.js"),
        static("django_htmx/htmx-2.min.js"),
        static("img/logo.svg"),
    ]
    body = render(
        request,
        "operations/field/sw.js",
        {
            "cache": f"{CACHE_VERSION}-{org.code}",
            "shell": json.dumps(shell),
        },
    ).content
    response = HttpResponse(body, content_type="application/javascript")
    response["Service-Worker-Allowed"] = base
    response["Cache-Control"] = "no-cache"
    return response
