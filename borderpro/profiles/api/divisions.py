"""Security profiles per division: the list, with each one's latest readiness."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope
from borderpro.profiles.api.common import _kinds
from borderpro.profiles.selectors.divisions import division_readiness
from borderpro.profiles.services.divisions import security_profile_main


class DivisionListView(OrgScopedMixin, APIView):
    """One security profile per division (PIP): code (the ``division`` parameter of the other
    profile endpoints), name, and the latest readiness per framework."""

    org_kinds = ("client",)
    permissions = {"GET": "profiles.view"}

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, org_code: str) -> ApiResponse:
        _kinds(self)
        security_profile_main(self.organization)
        rows = division_readiness([self.organization])[self.organization.pk]
        return ApiResponse(
            envelope(
                [
                    {
                        "code": row.security_profile.code,
                        "name": row.security_profile.name,
                        "main": row.security_profile.is_primary,
                        "division": row.security_profile.division.name
                        if row.security_profile.division
                        else None,
                        "readiness": {
                            code: {
                                "day": point.day,
                                "score": point.score,
                                "must_score": point.must_score,
                                "gaps": point.gaps,
                            }
                            for code, point in sorted(row.points.items())
                        },
                    }
                    for row in rows
                ]
            )
        )
