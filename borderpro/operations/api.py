"""Field operations API for devices and telematics.

Creating is idempotent by ``client_id``: the first call answers 201, a retry of the same
record answers 200 with the stored record (never a duplicate). Batches answer one result
per item, in order, and store every valid item even when others are refused.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.pagination import BasePagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.errors import _flatten
from borderpro.api.serializers import PlainInputSerializer
from borderpro.common.daterange import (
    date_param,
    sane_date_serializer_field,
    validate_sane_date,
)
from borderpro.common.models import TEXT_MAX_LENGTH
from borderpro.operations import selectors, services
from borderpro.operations.models import (
    Checklist,
    Incident,
    IncidentEvent,
    Inspection,
    Place,
    Recipient,
    SealEvent,
    Unit,
)

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


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", *services.UNIT_FIELDS]


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


def _iso(value: Any) -> Any:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


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


class SealEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = SealEvent
        fields = [
            "id",
            "client_id",
            "seal_number",
            "kind",
            "occurred_at",
            "actor_name",
            "unit",
            "trip_ref",
            "bill_of_lading",
            "shipper",
            "issued_to",
            "stage",
            "viewed",
            "verified",
            "tugged",
            "twisted",
            "number_matches",
            "authority",
            "replacement_number",
            "photo",
            "note",
            "seq",
            "record_hash",
            "recorded_at",
        ]


class SealEventCreateSerializer(PlainInputSerializer):
    client_id = serializers.UUIDField()
    seal_number = serializers.CharField(max_length=40)
    kind = serializers.ChoiceField(
        choices=[c for c in SealEvent.Kind.choices if c[0] != "received"]
    )
    occurred_at = serializers.DateTimeField(
        required=False, allow_null=True, validators=[validate_sane_date]
    )
    actor_name = serializers.CharField(max_length=120)
    unit = serializers.UUIDField(required=False, allow_null=True)
    trip_ref = serializers.CharField(max_length=40, required=False, allow_blank=True)
    bill_of_lading = serializers.CharField(max_length=40, required=False, allow_blank=True)
    shipper = serializers.CharField(max_length=120, required=False, allow_blank=True)
    issued_to = serializers.CharField(max_length=120, required=False, allow_blank=True)
    stage = serializers.ChoiceField(
        choices=SealEvent.Stage.choices, required=False, allow_blank=True
    )
    viewed = serializers.BooleanField(required=False, default=False)
    verified = serializers.BooleanField(required=False, default=False)
    tugged = serializers.BooleanField(required=False, default=False)
    twisted = serializers.BooleanField(required=False, default=False)
    number_matches = serializers.BooleanField(required=False, allow_null=True, default=None)
    authority = serializers.ChoiceField(
        choices=SealEvent.Authority.choices, required=False, allow_blank=True
    )
    replacement_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    photo = serializers.UUIDField(required=False, allow_null=True)
    note = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)


class IncidentSerializer(serializers.ModelSerializer):
    seal_number = serializers.SerializerMethodField()

    class Meta:
        model = Incident
        fields = [
            "id",
            "reference",
            "kind",
            "status",
            "summary",
            "discovered_at",
            "discovered_by",
            "location",
            "unit",
            "seal_number",
            "inspection",
            "trip_ref",
            "us_bound",
            "root_cause",
            "closed_at",
        ]

    def get_seal_number(self, obj: Incident) -> str:
        return obj.seal.number if obj.seal is not None else ""


class IncidentCreateSerializer(PlainInputSerializer):
    client_id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=Incident.Kind.choices)
    summary = serializers.CharField(max_length=200)
    discovered_by = serializers.CharField(max_length=120)
    location = serializers.CharField(max_length=200)
    discovered_at = serializers.DateTimeField(
        required=False, allow_null=True, validators=[validate_sane_date]
    )
    unit = serializers.UUIDField(required=False, allow_null=True)
    seal_number = serializers.CharField(max_length=40, required=False, allow_blank=True)
    inspection = serializers.UUIDField(required=False, allow_null=True)
    trip_ref = serializers.CharField(max_length=40, required=False, allow_blank=True)
    us_bound = serializers.BooleanField(required=False, default=False)
    details = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)


class IncidentEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = IncidentEvent
        fields = [
            "id",
            "client_id",
            "kind",
            "occurred_at",
            "actor_name",
            "recipient",
            "contact",
            "before_border",
            "text",
            "due_on",
            "evidence",
            "seq",
            "record_hash",
        ]


class IncidentEventCreateSerializer(PlainInputSerializer):
    client_id = serializers.UUIDField()
    kind = serializers.ChoiceField(
        choices=[c for c in IncidentEvent.Kind.choices if c[0] != "reported"]
    )
    actor_name = serializers.CharField(max_length=120)
    occurred_at = serializers.DateTimeField(
        required=False, allow_null=True, validators=[validate_sane_date]
    )
    recipient = serializers.ChoiceField(choices=Recipient.choices, required=False, allow_blank=True)
    contact = serializers.CharField(max_length=200, required=False, allow_blank=True)
    before_border = serializers.BooleanField(required=False, allow_null=True, default=None)
    text = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX_LENGTH)
    due_on = sane_date_serializer_field(required=False, allow_null=True)
    evidence = serializers.UUIDField(required=False, allow_null=True)


def _date(value: str | None, name: str = "date") -> Any:
    return date_param({name: value}, name)


# --- creation helpers shared by single and batch endpoints ------------------------------


def _create_inspection(view: Any, data: dict[str, Any]) -> tuple[Any, bool]:
    corrects = data.pop("corrects", None)
    if corrects:
        corrects = get_object_or_404(Inspection, organization=view.organization, pk=corrects)
    return services.inspection_record(
        actor=view.request.user, organization=view.organization, corrects=corrects, **data
    )


def _create_seal_event(view: Any, data: dict[str, Any]) -> tuple[Any, bool]:
    return services.seal_event_record(
        actor=view.request.user, organization=view.organization, **data
    )


def _create_incident(view: Any, data: dict[str, Any]) -> tuple[Any, bool]:
    return services.incident_report(actor=view.request.user, organization=view.organization, **data)


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


class UnitListView(OrgScopedMixin, generics.ListAPIView):
    """The fleet: tractors, trailers and containers."""

    permissions = {"GET": "operations.view"}
    serializer_class = UnitSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str),
            OpenApiParameter("kind", str, enum=Unit.Kind.values),
            OpenApiParameter("status", str, enum=Unit.Status.values),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        p = self.request.query_params
        return selectors.unit_list(
            self.organization, q=p.get("q", ""), kind=p.get("kind", ""), status=p.get("status", "")
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
        responses={201: InspectionSerializer, 200: InspectionSerializer},
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


class SealEventListView(OrgScopedMixin, generics.ListAPIView):
    """The seal log (filters), or record a seal event (idempotent by ``client_id``)."""

    permissions = {"GET": "operations.view", "POST": "operations.record"}
    serializer_class = SealEventSerializer
    pagination_class = QuickPagination

    @extend_schema(
        parameters=[
            OpenApiParameter("seal_number", str),
            OpenApiParameter("kind", str, enum=SealEvent.Kind.values),
            OpenApiParameter("from", str),
            OpenApiParameter("to", str),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        p = self.request.query_params
        return selectors.seal_event_list(
            self.organization,
            seal_number=p.get("seal_number", "").strip(),
            kind=p.get("kind", ""),
            date_from=_date(p.get("from"), "from"),
            date_to=_date(p.get("to"), "to"),
        )

    @extend_schema(
        request=SealEventCreateSerializer,
        responses={201: SealEventSerializer, 200: SealEventSerializer},
    )
    def post(self, request: Request, org_code: str) -> Response:
        return _submit(
            self,
            request,
            SealEventCreateSerializer,
            lambda record: SealEventSerializer(record).data,
            _create_seal_event,
        )


class SealEventBatchView(OrgScopedMixin, APIView):
    permissions = {"POST": "operations.record"}

    @extend_schema(request=BATCH_REQUEST, responses=BATCH_RESPONSE)
    def post(self, request: Request, org_code: str) -> Response:
        return _batch(
            self, request, SealEventCreateSerializer, SealEventSerializer, _create_seal_event
        )


class IncidentListView(OrgScopedMixin, generics.ListAPIView):
    """Incidents, or report one (idempotent by ``client_id``)."""

    permissions = {"GET": "operations.view", "POST": "operations.record"}
    serializer_class = IncidentSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str, enum=["active", *Incident.Status.values]),
            OpenApiParameter("kind", str, enum=Incident.Kind.values),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        p = self.request.query_params
        return selectors.incident_list(
            self.organization, status=p.get("status", ""), kind=p.get("kind", "")
        )

    @extend_schema(
        request=IncidentCreateSerializer,
        responses={201: IncidentSerializer, 200: IncidentSerializer},
    )
    def post(self, request: Request, org_code: str) -> Response:
        return _submit(
            self,
            request,
            IncidentCreateSerializer,
            lambda record: IncidentSerializer(record).data,
            _create_incident,
        )


class IncidentEventListView(OrgScopedMixin, APIView):
    """An incident's file: read its entries, or add a notification, note, root cause, action or closure."""

    permissions = {"GET": "operations.view", "POST": "operations.manage"}

    def _incident(self, incident_id: str) -> Incident:
        return get_object_or_404(Incident, organization=self.organization, pk=incident_id)

    @extend_schema(responses=IncidentEventSerializer(many=True))
    def get(self, request: Request, org_code: str, incident_id: str) -> Response:
        events = selectors.incident_events(self._incident(incident_id))
        return Response(IncidentEventSerializer(events, many=True).data)

    @extend_schema(request=IncidentEventCreateSerializer, responses={201: IncidentEventSerializer})
    def post(self, request: Request, org_code: str, incident_id: str) -> Response:
        incident = self._incident(incident_id)
        data = IncidentEventCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        record, created = services.incident_add_event(
            actor=request.user, incident=incident, **data.validated_data
        )
        return Response(IncidentEventSerializer(record).data, status=201 if created else 200)


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
