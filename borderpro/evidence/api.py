"""Evidence vault API."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.evidence import selectors, services
from borderpro.evidence.models import EvidenceFile


class EvidenceSerializer(serializers.ModelSerializer):
    uploaded_by = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = EvidenceFile
        fields = [
            "id",
            "title",
            "description",
            "proves",
            "document_date",
            "expires_on",
            "original_name",
            "size",
            "sha256",
            "content_type",
            "uploaded_by",
            "created_at",
            "updated_at",
            "archived_at",
            "origin",
            "download_url",
        ]
        read_only_fields = [
            "original_name",
            "size",
            "sha256",
            "content_type",
            "created_at",
            "updated_at",
            "archived_at",
            "origin",
        ]

    def get_uploaded_by(self, obj: EvidenceFile) -> str | None:
        return obj.uploaded_by.email if obj.uploaded_by else None

    def get_download_url(self, obj: EvidenceFile) -> str:
        org = self.context["organization"]
        return f"/api/v1/o/{org.code}/evidence/{obj.pk}/download/"


class EvidenceUploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    proves = serializers.CharField(required=False, allow_blank=True)
    document_date = serializers.DateField(required=False, allow_null=True)
    expires_on = serializers.DateField(required=False, allow_null=True)


class EvidenceUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    proves = serializers.CharField(required=False, allow_blank=True)
    document_date = serializers.DateField(required=False, allow_null=True)
    expires_on = serializers.DateField(required=False, allow_null=True)


class EvidenceListView(OrgScopedMixin, generics.ListAPIView):
    """List the evidence vault, or upload a file (multipart) into it."""

    permissions = {"GET": "evidence.view", "POST": "evidence.upload"}
    serializer_class = EvidenceSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q", str, description="Text in title, description, file name or what it proves"
            ),
            OpenApiParameter("state", str, enum=["expired", "expiring", "valid"]),
            OpenApiParameter("archived", bool),
            OpenApiParameter(
                "origin",
                str,
                enum=["document", "field", "all"],
                description="Documents (default), field attachments (photos, drawn "
                "signatures of inspections, seal events, incidents), or all",
            ),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = self.request.query_params
        return selectors.evidence_list(
            self.organization,
            today=self.organization.local_today(),
            q=params.get("q", ""),
            state=params.get("state", ""),
            archived=params.get("archived") in ("1", "true"),
            origin=params.get("origin", "document"),
        )

    @extend_schema(
        request={"multipart/form-data": EvidenceUploadSerializer},
        responses={201: EvidenceSerializer},
    )
    def post(self, request: Request, org_code: str) -> Response:
        data = EvidenceUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        evidence = services.evidence_upload(
            actor=request.user,
            organization=self.organization,
            upload=data.validated_data.pop("file"),
            **data.validated_data,
        )
        return Response(
            EvidenceSerializer(evidence, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )


class EvidenceDetailView(OrgScopedMixin, APIView):
    permissions = {"GET": "evidence.view", "PATCH": "evidence.change"}

    def _get(self, evidence_id: str) -> EvidenceFile:
        return get_object_or_404(EvidenceFile, organization=self.organization, pk=evidence_id)

    @extend_schema(responses=EvidenceSerializer)
    def get(self, request: Request, org_code: str, evidence_id: str) -> Response:
        context = {"organization": self.organization}
        return Response(EvidenceSerializer(self._get(evidence_id), context=context).data)

    @extend_schema(request=EvidenceUpdateSerializer, responses=EvidenceSerializer)
    def patch(self, request: Request, org_code: str, evidence_id: str) -> Response:
        evidence = self._get(evidence_id)
        data = EvidenceUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        evidence = services.evidence_update(
            actor=request.user, evidence=evidence, **data.validated_data
        )
        return Response(
            EvidenceSerializer(evidence, context={"organization": self.organization}).data
        )


class EvidenceDownloadView(OrgScopedMixin, APIView):
    permissions = {"GET": "evidence.view"}

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    def get(self, request: Request, org_code: str, evidence_id: str) -> FileResponse:
        evidence = get_object_or_404(EvidenceFile, organization=self.organization, pk=evidence_id)
        services.evidence_record_download(actor=request.user, evidence=evidence)
        response = FileResponse(
            evidence.file.open("rb"),
            as_attachment=True,
            filename=evidence.original_name,
            content_type=evidence.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
