"""Helpers shared by the security profile API views."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request

from borderpro.catalogue.models import pick
from borderpro.profiles.models import Response, SecurityProfile
from borderpro.profiles.selectors.workspace import Row, frameworks_pursued, workspace_build
from borderpro.profiles.services.divisions import security_profile_main
from borderpro.profiles.services.profile import (
    profile_for,
)

FRAMEWORK_PARAM = OpenApiParameter(
    "framework",
    str,
    description="Framework code, e.g. PIP or CTPAT-HC (default: the first pursued)",
)
DIVISION_PARAM = OpenApiParameter(
    "division",
    str,
    description="Security profile (division) code, as listed by profile/divisions/ "
    "(default: the main profile)",
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = "Someone else saved this first; reload it and apply your change again."


def _kinds(view: Any) -> None:
    if view.organization.kind != "client":
        raise Http404


def _row_data(row: Row, org: Any, framework_code: str) -> dict[str, Any]:
    r, e = row.requirement, row.effective
    return {
        "id": str(row.response.pk),
        "version": row.response.version,
        "ref": r.ref,
        "title": pick(r, "title"),
        "framework": framework_code,
        "category": r.category.code,
        "level": r.level,
        "status": e.status,
        "narrative": e.narrative,
        "justification": e.justification,
        "review_state": row.response.review_state,
        "owner": row.owner.email if row.owner else None,
        "due_on": row.due_on.isoformat() if row.due_on else None,
        "reused_from": row.reused_from.ref if row.reused_from else None,
        "division": row.response.security_profile.code
        if row.response.security_profile_id
        else None,
        "shared_from": row.shared_from.code if row.shared_from else None,
        "also_covers": [o.ref for o in row.also_covers],
        "evidence": [
            {
                "id": str(x.pk),
                "title": x.title,
                "sha256": x.sha256,
                "download_url": f"/api/v1/o/{org.code}/evidence/{x.pk}/download/",
            }
            for x in row.evidence
        ],
        "gaps": row.gaps,
    }


def _framework(view: Any, request: Request) -> tuple[Any, list[Any]]:
    _kinds(view)
    pursued = frameworks_pursued(view.organization)
    code = request.query_params.get("framework", "")
    for f in pursued:
        if not code or f.code == code:
            return f, pursued
    if not pursued and not code:
        return None, pursued
    raise Http404


def _security_profile(view: Any, request: Request) -> SecurityProfile:
    """``?division=<code>``: that division's security profile (404 if unknown), else the main one."""
    code = request.query_params.get("division", "")
    if not code:
        return security_profile_main(view.organization)
    return get_object_or_404(
        SecurityProfile.objects.select_related("division"),
        organization=view.organization,
        code=code,
    )


def _build(
    view: Any,
    request: Request,
    requirements: list[Any] | None = None,
    framework: Any = None,
    security_profile: SecurityProfile | None = None,
    light: bool = False,
) -> Any:
    org = view.organization
    if framework is None:
        framework, pursued = _framework(view, request)
        if framework is None:
            return None
    else:
        pursued = frameworks_pursued(org)
    return workspace_build(
        org,
        framework,
        today=org.local_today(),
        # the modes choose the applicable requirements: not read when they are given
        modes=["highway"] if requirements is not None else (profile_for(org).modes or ["highway"]),
        pursued=pursued,
        requirements=requirements,
        security_profile=security_profile or _security_profile(view, request),
        light=light,
    )


def _response(view: Any, response_id: str) -> Response:
    _kinds(view)
    return get_object_or_404(
        Response.objects.select_related(
            "requirement__framework", "requirement__category", "security_profile"
        ),
        organization=view.organization,
        pk=response_id,
    )
