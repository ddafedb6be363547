"""Seal log API: list, record one event or a batch."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
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
    _submit,
)
from borderpro.operations.models import SealEvent


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
            "subcarrier_code",
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
    subcarrier_code = serializers.CharField(max_length=20, required=False, allow_blank=True)
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


def _create_seal_event(view: Any, data: dict[str, Any]) -> tuple[Any, bool]:
    return services.seal_event_record(
        actor=view.request.user, organization=view.organization, **data
    )


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
        responses={201: SealEventSerializer, 200: SealEventSerializer, 409: CONFLICT},
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
