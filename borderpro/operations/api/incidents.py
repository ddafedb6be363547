"""Incidents API: list and report incidents, read and add to an incident's file."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope, envelope_of
from borderpro.api.serializers import PlainInputSerializer
from borderpro.common.daterange import sane_date_serializer_field, validate_sane_date
from borderpro.common.models import TEXT_MAX_LENGTH
from borderpro.operations import selectors, services
from borderpro.operations.api.common import CONFLICT, _submit, conflict_response, differing_fields
from borderpro.operations.models import Incident, IncidentEvent, Recipient


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


def _create_incident(view: Any, data: dict[str, Any]) -> tuple[Any, bool]:
    return services.incident_report(actor=view.request.user, organization=view.organization, **data)


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
        responses={201: IncidentSerializer, 200: IncidentSerializer, 409: CONFLICT},
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

    @extend_schema(
        operation_id="o_incidents_events_list",
        responses=envelope_of("IncidentEventList", IncidentEventSerializer),
    )
    def get(self, request: Request, org_code: str, incident_id: str) -> Response:
        events = selectors.incident_events(self._incident(incident_id))
        return Response(envelope(IncidentEventSerializer(events, many=True).data))

    @extend_schema(
        request=IncidentEventCreateSerializer,
        responses={201: IncidentEventSerializer, 200: IncidentEventSerializer, 409: CONFLICT},
    )
    def post(self, request: Request, org_code: str, incident_id: str) -> Response:
        incident = self._incident(incident_id)
        data = IncidentEventCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        sent = dict(data.validated_data)
        record, created = services.incident_add_event(actor=request.user, incident=incident, **sent)
        different = [] if created else differing_fields(record, sent)
        if different:
            return conflict_response(record, different)
        return Response(IncidentEventSerializer(record).data, status=201 if created else 200)
