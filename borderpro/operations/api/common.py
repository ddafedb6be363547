"""What every field API endpoint shares: a page without a total count, dates in filters,
submission of one record and of a batch, and photo uploads."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Model
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import BasePagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.errors import _flatten
from borderpro.common.daterange import date_param
from borderpro.operations import services
from borderpro.operations.models import Incident, Inspection
from borderpro.operations.services.common import ClientIdConflict

BATCH_LIMIT = 100


class QuickPagination(BasePagination):
    """Page numbers for lists of millions of records, in the envelope of every list. ``count``
    is exact when it is cheap: on the last page, or when the list holds at most
    ``COUNT_LIMIT`` rows (counted with a bounded query); for a longer list it is ``null``."""

    COUNT_LIMIT = 10_000

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
        self.count: int | None = start + len(rows) if rows or start == 0 else None
        if self.has_next or self.count is None:
            bounded = queryset.order_by()[: self.COUNT_LIMIT + 1].count()
            self.count = bounded if bounded <= self.COUNT_LIMIT else None
        return rows[: self.size]

    def _link(self, page: int) -> str:
        return replace_query_param(self.request.build_absolute_uri(), "page", page)

    def get_paginated_response(self, data: Any) -> Response:
        return Response(
            {
                "count": self.count,
                "next": self._link(self.page + 1) if self.has_next else None,
                "previous": self._link(self.page - 1) if self.page > 1 else None,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "nullable": True},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }


def _iso(value: Any) -> Any:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def _date(value: str | None, name: str = "date") -> Any:
    return date_param({name: value}, name)


# --- a client id sent again -------------------------------------------------------------


def _normal(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        return None
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        return value.normalize()
    return value


def _points(points: Any) -> list[tuple[Any, ...]]:
    return sorted(
        (
            str(p.get("ref", "")),
            p.get("result"),
            str(p.get("note") or "")[:1000].strip(),
            tuple(str(photo) for photo in p.get("photos") or []),
        )
        for p in points or []
        if isinstance(p, dict)
    )


# How a sent field reads on the stored record when it is not a field of the same name
# (``None``: not kept on the record, not compared).
SENT_AS: dict[type[Model], dict[str, Any]] = {
    Inspection: {"points": lambda record: record.points},
    Incident: {
        "seal_number": lambda record: record.seal.number if record.seal_id else "",
        "details": None,
    },
}
COMPARED_AS = {"points": _points}


def differing_fields(record: Model, sent: dict[str, Any]) -> list[str]:
    """The fields of a resent body that differ from the record stored under its client id.
    Only on the retry path: the record is already loaded, so this costs no query (but the
    seal of an incident). A time left out (``None``: "now") is not a difference."""
    readers = SENT_AS.get(type(record), {})
    different = []
    for name, value in sent.items():
        if name == "client_id" or (name in readers and readers[name] is None):
            continue
        if name in readers:
            stored = readers[name](record)
        else:
            try:
                field = record._meta.get_field(name)
                stored = getattr(record, getattr(field, "attname", name))
            except FieldDoesNotExist:
                continue
        if value is None and isinstance(stored, datetime):
            continue
        compare = COMPARED_AS.get(name, _normal)
        if compare(value) != compare(stored):
            different.append(name)
    return different


def conflict_error(record: Model, fields: list[str]) -> dict[str, Any]:
    """The error naming the stored record a different body collided with."""
    return {
        "field": "client_id",
        "code": "conflict",
        "message": (
            f"This client_id is already used by {record._meta.model_name} {record.pk}, "
            f"stored with different values ({', '.join(fields)}). Send a new client_id for a "
            "new record, or the same body to get the stored one."
        ),
        "record": str(record.pk),
    }


def conflict_response(record: Model, fields: list[str]) -> Response:
    return Response({"errors": [conflict_error(record, fields)]}, status=status.HTTP_409_CONFLICT)


CONFLICT = OpenApiResponse(
    description=(
        "The client_id is already used by a record stored with different values: the error "
        "names that record (`record`) and the fields that differ."
    )
)


PHOTO_STORED = inline_serializer(
    "PhotoStored", {"id": serializers.UUIDField(), "client_id": serializers.UUIDField()}
)


def _submit(
    view: Any,
    request: Request,
    in_serializer: type[serializers.Serializer],
    render: Any,
    create: Any,
) -> Response:
    """One record from a device: 201 when stored, 200 with the stored one on a retry of the
    same body, 409 naming the stored record when the client id comes with a different body."""
    data = in_serializer(data=request.data)
    data.is_valid(raise_exception=True)
    sent = dict(data.validated_data)
    record, created = create(view, dict(sent))
    if not created:
        different = differing_fields(record, sent)
        if different:
            return conflict_response(record, different)
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
        sent = dict(data.validated_data)
        try:
            with transaction.atomic():
                record, created = create(view, dict(sent))
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
        different = [] if created else differing_fields(record, sent)
        if different:
            results.append(
                {
                    "index": index,
                    "client_id": client_id,
                    "status": "conflict",
                    "errors": [conflict_error(record, different)],
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
            201: PHOTO_STORED,
            200: PHOTO_STORED,
            409: CONFLICT,
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
        try:
            evidence, created = services.photo_upload(
                actor=request.user,
                organization=self.organization,
                client_id=client_id,
                upload=upload,
                title=str(data.get("title", ""))[:200],
            )
        except ClientIdConflict as conflict:
            return conflict_response(conflict.record, ["file"])
        return Response(
            {"id": str(evidence.pk), "client_id": str(client_id)}, status=201 if created else 200
        )
