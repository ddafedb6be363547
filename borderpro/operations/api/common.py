"""What every field API endpoint shares: a page without a total count, dates in filters,
submission of one record and of a batch, and photo uploads."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import BasePagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.errors import _flatten
from borderpro.operations import services

BATCH_LIMIT = 100


class QuickPagination(BasePagination):
    """Page numbers without a total count: a list of millions of records must not be counted."""

    page_size = 50
    max_page_size = 500

    def paginate_queryset(self, queryset: Any, request: Request, view: Any = None) -> list[Any]:
        params = request.query_params
        try:
            self.page = max(1, int(params.get("page", 1)))
            self.size = min(
                self.max_page_size, max(1, int(params.get("page_size", self.page_size)))
            )
        except ValueError as exc:
            raise serializers.ValidationError({"page": ["Give a whole number."]}) from exc
        self.request = request
        start = (self.page - 1) * self.size
        rows = list(queryset[start : start + self.size + 1])
        self.has_next = len(rows) > self.size
        return rows[: self.size]

    def _link(self, page: int) -> str:
        return replace_query_param(self.request.build_absolute_uri(), "page", page)

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {
                "next": self._link(self.page + 1) if self.has_next else None,
                "previous": self._link(self.page - 1) if self.page > 1 else None,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


def _iso(value: Any) -> Any:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def _date(value: str | None) -> Any:
    if not value:
        return None
    field = serializers.DateField()
    try:
        return field.to_internal_value(value)
    except serializers.ValidationError as exc:
        raise serializers.ValidationError({"date": exc.detail}) from exc


def _submit(
    view: Any,
    request: Request,
    in_serializer: type[serializers.Serializer],
    render: Any,
    create: Any,
) -> Response:
    """One record from a device: 201 when stored, 200 with the stored one on a retry."""
    data = in_serializer(data=request.data)
    data.is_valid(raise_exception=True)
    record, created = create(view, dict(data.validated_data))
    return Response(render(record), status=201 if created else 200)


def _batch(
    view: Any,
    request: Request,
    in_serializer: type[serializers.Serializer],
    out_serializer: type[serializers.Serializer],
    create: Any,
) -> Response:
    items = request.data.get("items") if isinstance(request.data, dict) else None
    if not isinstance(items, list) or not items:
        raise serializers.ValidationError(
            {"items": ["Send a non-empty list of records in “items”."]}
        )
    if len(items) > BATCH_LIMIT:
        raise serializers.ValidationError({"items": [f"At most {BATCH_LIMIT} records per batch."]})
    results = []
    for index, item in enumerate(items):
        data = in_serializer(data=item)
        client_id = item.get("client_id") if isinstance(item, dict) else None
        if not data.is_valid():
            results.append(
                {
                    "index": index,
                    "client_id": client_id,
                    "status": "invalid",
                    "errors": _flatten(data.errors),
                }
            )
            continue
        try:
            with transaction.atomic():
                record, created = create(view, dict(data.validated_data))
        except Http404:
            results.append(
                {
                    "index": index,
                    "client_id": client_id,
                    "status": "invalid",
                    "errors": [{"field": "corrects", "code": "not_found", "message": "Not found."}],
                }
            )
            continue
        except DjangoValidationError as exc:
            detail = (
                exc.message_dict
                if hasattr(exc, "error_dict")
                else {"non_field_errors": exc.messages}
            )
            results.append(
                {
                    "index": index,
                    "client_id": client_id,
                    "status": "invalid",
                    "errors": _flatten(detail),
                }
            )
            continue
        results.append(
            {
                "index": index,
                "client_id": client_id,
                "status": "created" if created else "existing",
                "record": out_serializer(record).data,
            }
        )
    return Response({"results": results}, status=status.HTTP_200_OK)


BATCH_REQUEST = inline_serializer(
    "BatchRequest", {"items": serializers.ListField(child=serializers.DictField())}
)
BATCH_RESPONSE = inline_serializer(
    "BatchResponse", {"results": serializers.ListField(child=serializers.DictField())}
)


class PhotoUploadView(OrgScopedMixin, APIView):
    """Upload a photo or drawn signature (multipart ``file`` + ``client_id``); idempotent."""

    permissions = {"POST": "operations.record"}
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={
            "multipart/form-data": inline_serializer(
                "PhotoUpload",
                {
                    "client_id": serializers.UUIDField(),
                    "file": serializers.FileField(),
                    "title": serializers.CharField(required=False),
                },
            )
        },
        responses={
            201: inline_serializer(
                "PhotoStored", {"id": serializers.UUIDField(), "client_id": serializers.UUIDField()}
            )
        },
    )
    def post(self, request: Request, org_code: str) -> Response:
        data: Any = request.data
        try:
            client_id = serializers.UUIDField().run_validation(data.get("client_id"))
        except serializers.ValidationError as exc:
            raise serializers.ValidationError({"client_id": exc.detail}) from exc
        upload = request.FILES.get("file")
        if upload is None:
            raise serializers.ValidationError({"file": ["Attach the photo as “file”."]})
        evidence, created = services.photo_upload(
            actor=request.user,
            organization=self.organization,
            client_id=client_id,
            upload=upload,
            title=str(data.get("title", ""))[:200],
        )
        return Response(
            {"id": str(evidence.pk), "client_id": str(client_id)}, status=201 if created else 200
        )
