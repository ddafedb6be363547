"""Application package API: start a build (a background job), list, download."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.common.jobs import job_start
from borderpro.profiles.api.common import (
    _kinds,
)
from borderpro.profiles.models import PackageSnapshot
from borderpro.profiles.selectors.workspace import frameworks_pursued


class PackageRequestSerializer(serializers.Serializer):
    framework = serializers.CharField()
    language = serializers.ChoiceField(choices=[("en", "en"), ("fr", "fr")], default="en")
    variant = serializers.ChoiceField(
        choices=PackageSnapshot.Variant.values,
        default=PackageSnapshot.Variant.SUBMISSION,
        help_text="submission: the company's document; gap_report: adds the readiness score and chart (internal).",
    )
    unanswered = serializers.ChoiceField(
        choices=PackageSnapshot.Unanswered.values,
        default=PackageSnapshot.Unanswered.OMIT,
        help_text="Requirements not yet answered: omit them, or list them in an appendix.",
    )


class PackageListView(OrgScopedMixin, APIView):
    """Packages built so far; POST starts a new one in the background and returns its job."""

    org_kinds = ("client",)
    permissions = {"GET": "profiles.view", "POST": "profiles.package"}

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, org_code: str) -> ApiResponse:
        _kinds(self)
        rows = PackageSnapshot.objects.filter(organization=self.organization).select_related(
            "framework"
        )[:50]
        return ApiResponse(
            [
                {
                    "id": str(s.pk),
                    "framework": s.framework.code,
                    "language": s.language,
                    "variant": s.variant,
                    "unanswered": s.unanswered,
                    "created_at": s.created_at,
                    "readiness": s.readiness,
                    "pdf_sha256": s.pdf_sha256,
                    "docx_sha256": s.docx_sha256,
                    "bundle_sha256": s.bundle_sha256,
                    "content_sha256": s.content_sha256,
                    "download_url": f"/api/v1/o/{self.organization.code}/profile/packages/{s.pk}/download/",
                }
                for s in rows
            ]
        )

    @extend_schema(request=PackageRequestSerializer, responses={202: OpenApiTypes.OBJECT})
    def post(self, request: Request, org_code: str) -> ApiResponse:
        _kinds(self)
        data = PackageRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        framework = next(
            (
                f
                for f in frameworks_pursued(self.organization)
                if f.code == data.validated_data["framework"]
            ),
            None,
        )
        if framework is None:
            raise ValidationError({"framework": "This company does not pursue that framework."})
        job = job_start(
            organization=self.organization,
            actor=request.user,
            kind="profiles.build_package",
            params={
                "framework_id": str(framework.pk),
                "language": data.validated_data["language"],
                "variant": data.validated_data["variant"],
                "unanswered": data.validated_data["unanswered"],
            },
        )
        return ApiResponse(
            {
                "job": str(job.pk),
                "status_url": f"/api/v1/o/{self.organization.code}/jobs/{job.pk}/",
            },
            status=status.HTTP_202_ACCEPTED,
        )


class PackageDownloadView(OrgScopedMixin, APIView):
    org_kinds = ("client",)
    permissions = {"GET": "profiles.view"}

    @extend_schema(
        parameters=[OpenApiParameter("kind", str, enum=["pdf", "docx", "zip"])],
        responses={(200, "application/octet-stream"): OpenApiTypes.BINARY},
    )
    def get(self, request: Request, org_code: str, snapshot_id: str) -> FileResponse:
        _kinds(self)
        snapshot = get_object_or_404(
            PackageSnapshot, organization=self.organization, pk=snapshot_id
        )
        kind = {"pdf": "pdf", "docx": "docx", "zip": "bundle"}.get(
            request.query_params.get("kind", "zip"), "bundle"
        )
        stored = getattr(snapshot, kind)
        response = FileResponse(
            stored.open("rb"), as_attachment=True, filename=stored.name.rsplit("/", 1)[-1]
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
