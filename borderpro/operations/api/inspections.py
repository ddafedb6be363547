"""Inspections API: list, read, submit one or a batch."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.serializers import PlainInputSerializer
from borderpro.common.daterange import validate_sane_date
from borderpro.common.models import TEXT_MAX_LENGTH
from borderpro.operations import selectors, services
from borderpro.operations.api.common import (
    BATCH_REQUEST,
    BATCH_RESPONSE,
    CONFLICT,
    QuickPagination,
    _batch,
    _date,
    _iso,
    _submit,
)
from borderpro.operations.models import Checklist, Inspection, Place


class PointSerializer(serializers.Serializer):
    ref = serializers.CharField(max_length=60)
    result = serializers.ChoiceField(choices=["pass", "fail", "na"])
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    photos = serializers.ListField(child=serializers.UUIDField(), required=False)


@extend_schema_field(PointSerializer(many=True))
class PointsField(serializers.ListField):
    """The points of an inspection. Checked in full by the service (every point of the checklist,
    a valid result, a note or photo for a failure), so not field by field here."""

    child = serializers.DictField()
    max_length = 60


class InspectionSerializer(serializers.ModelSerializer):
    points = PointSerializer(many=True)
    tractor: Any = serializers.PrimaryKeyRelatedField(read_only=True)
    trailer: Any = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Inspection
        fields = [
            "id",
            "client_id",
            "checklist",
            "tractor",
            "trailer",
            "place",
            "latitude",
            "longitude",
            "inspector_name",
            "inspected_at",
            "trip_ref",
            "seal_number",
            "points",
            "result",
            "failed_points",
            "note",
            "supervisor_name",
            "signature",
            "corrects",
            "seq",
            "record_hash",
            "recorded_at",
        ]


def inspection_data(record: Inspection) -> dict[str, Any]:
    """The same fields as :class:`InspectionSerializer`, built directly (the submission hot path)."""

    def text(value: Any) -> Any:
        return str(value) if value is not None else None

    return {
        "id": str(record.pk),
        "client_id": str(record.client_id),
        "checklist": record.checklist,
        "tractor": text(record.tractor_id),
        "trailer": text(record.trailer_id),
        "place": record.place,
        "latitude": text(record.latitude),
        "longitude": text(record.longitude),
        "inspector_name": record.inspector_name,
        "inspected_at": _iso(record.inspected_at),
        "trip_ref": record.trip_ref,
        "seal_number": record.seal_number,
        "points": record.points,
        "result": record.result,
        "failed_points": record.failed_points,
        "note": record.note,
        "supervisor_name": record.supervisor_name,
        "signature": text(record.signature_id),
        "corrects": text(record.corrects_id),
        "seq": record.seq,
        "record_hash": record.record_hash,
        "recorded_at": _iso(record.recorded_at),
    }


class InspectionCreateSerializer(PlainInputSerializer):
    client_id = serializers.UUIDField()
    checklist = serializers.ChoiceField(choices=Checklist.choices)
    tractor = serializers.UUIDField(required=False, allow_null=True)
    trailer = serializers.UUIDField(required=False, allow_null=True)
    place = serializers.ChoiceField(choices=Place.choices)
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, required=False, allow_null=True
    )
    longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, required=False, allow_null=True
    )
    inspector_name = serializers.CharField(max_length=120)
    inspected_at = serializers.DateTimeField(
        required=False, allow_null=True, validators=[validate_sane_date]
    )
    trip_ref = serializers.CharField(max_length=40, required=False, allow_blank=True)
    seal_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    points = PointsField()
    note = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    supervisor_name = serializers.CharField(max_length=120, required=False, allow_blank=True)
    signature = serializers.UUIDField(required=False, allow_null=True)
    corrects = serializers.UUIDField(required=False, allow_null=True)


def _create_inspection(view: Any, data: dict[str, Any]) -> tuple[Any, bool]:
    corrects = data.pop("corrects", None)
    if corrects:
        corrects = get_object_or_404(Inspection, organization=view.organization, pk=corrects)
    return services.inspection_record(
        actor=view.request.user, organization=view.organization, corrects=corrects, **data
    )


class InspectionListView(OrgScopedMixin, generics.ListAPIView):
    """List inspections (filters) or submit one (idempotent by ``client_id``)."""

    permissions = {"GET": "operations.view", "POST": "operations.record"}
    serializer_class = InspectionSerializer
    pagination_class = QuickPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("unit", str, description="Unit id (tractor or trailer)"),
            OpenApiParameter("result", str, enum=["pass", "fail"]),
            OpenApiParameter(
                "from", str, description="First day (YYYY-MM-DD), organization time zone"
            ),
            OpenApiParameter("to", str, description="Last day (YYYY-MM-DD)"),
            OpenApiParameter("q", str, description="Seal number or trip/CCN (exact)"),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        p = self.request.query_params
        return selectors.inspection_list(
            self.organization,
            unit=p.get("unit", ""),
            result=p.get("result", ""),
            date_from=_date(p.get("from"), "from"),
            date_to=_date(p.get("to"), "to"),
            q=p.get("q", "").strip(),
        ).defer(None)

    @extend_schema(
        request=InspectionCreateSerializer,
        responses={201: InspectionSerializer, 200: InspectionSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, org_code: str) -> Response:
        return _submit(
            self, request, InspectionCreateSerializer, inspection_data, _create_inspection
        )


class InspectionBatchView(OrgScopedMixin, APIView):
    """Submit up to 100 inspections at once (a device catching up after being offline)."""

    permissions = {"POST": "operations.record"}

    @extend_schema(request=BATCH_REQUEST, responses=BATCH_RESPONSE)
    def post(self, request: Request, org_code: str) -> Response:
        return _batch(
            self, request, InspectionCreateSerializer, InspectionSerializer, _create_inspection
        )


class InspectionDetailView(OrgScopedMixin, APIView):
    permissions = {"GET": "operations.view"}

    @extend_schema(responses=InspectionSerializer)
    def get(self, request: Request, org_code: str, inspection_id: str) -> Response:
        record = get_object_or_404(Inspection, organization=self.organization, pk=inspection_id)
        return Response(InspectionSerializer(record).data)
