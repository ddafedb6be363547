"""Helpers shared by the workspace pages."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from borderpro.catalogue.models import Framework
from borderpro.profiles.models import Response, SecurityProfile
from borderpro.profiles.selectors.workspace import frameworks_pursued, workspace_build
from borderpro.profiles.services.divisions import security_profile_main
from borderpro.profiles.services.profile import profile_for

SESSION_KEY = "security_profile:%s"


def current_security_profile(request: HttpRequest) -> SecurityProfile:
    """The division's security profile the pages show: ``?division=<code>`` (remembered for the
    session, per organization), else the one chosen last, else the main profile. An unknown
    code in the address is a 404."""
    org = request.org  # type: ignore[attr-defined]
    key = SESSION_KEY % org.pk
    asked = request.GET.get("division") or request.POST.get("division") or ""
    code = asked or request.session.get(key, "")
    if code:
        found = (
            SecurityProfile.objects.filter(organization=org, code=code)
            .select_related("division")
            .first()
        )
        if found is not None:
            if asked and request.session.get(key) != code:
                request.session[key] = code
            return found
        if asked:
            raise Http404
        request.session.pop(key, None)
    return security_profile_main(org)


def pick_framework(request: HttpRequest, pursued: list[Framework]) -> Framework | None:
    code = request.GET.get("framework") or request.POST.get("framework") or ""
    if not pursued:
        return None
    if not code:
        return pursued[0]
    for framework in pursued:
        if framework.code == code:
            return framework
    raise Http404


def setting(request: HttpRequest) -> dict[str, Any]:
    """The organization, its pursued frameworks, the chosen one, the profile's modes, today."""
    org = request.org  # type: ignore[attr-defined]
    pursued = frameworks_pursued(org)
    framework = pick_framework(request, pursued)
    profile = profile_for(org)
    return {
        "org": org,
        "pursued": pursued,
        "framework": framework,
        "modes": profile.modes or ["highway"],
        "today": org.local_today(),
        "security_profile": current_security_profile(request),
    }


def workspace_of(ctx: dict[str, Any], framework: Any = None, **options: Any) -> Any:
    """The workspace of the chosen (or given) framework, in the setting of ``setting()``."""
    return workspace_build(
        ctx["org"],
        framework or ctx["framework"],
        today=ctx["today"],
        modes=ctx["modes"],
        pursued=ctx["pursued"],
        security_profile=ctx.get("security_profile"),
        **options,
    )


def no_framework(request: HttpRequest) -> HttpResponse:
    """The page shown when the company pursues no framework (or the catalogue is not loaded)."""
    return render(request, "profiles/no_framework.html", {"tab": "workspace"})


def response_of(request: HttpRequest, response_id: Any) -> Response:
    org = request.org  # type: ignore[attr-defined]
    return get_object_or_404(
        Response.objects.select_related(
            "requirement__framework",
            "requirement__category",
            "owner",
            "security_profile__division",
        ),
        organization=org,
        pk=response_id,
    )
