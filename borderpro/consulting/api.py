"""Consulting API: the consultancy's requests (with their thread), quotes (with their
lines and taxes), engagements (with milestones and hours) and consultations (list, one,
book a free slot; the free slots); a client's engagements.

Money is a decimal string with its currency, never a float.
"""

from __future__ import annotations

import zoneinfo
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope, envelope_of
from borderpro.consulting import selectors, services
from borderpro.consulting.consultations import selectors as selectors_c
from borderpro.consulting.consultations import services as services_c
from borderpro.consulting.models import (
    Booking,
    Engagement,
    Milestone,
    ProspectRequest,
    Quote,
    QuoteLine,
    RequestMessage,
)
from borderpro.organizations.models import Membership, Organization


class MessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = RequestMessage
        fields = ["id", "direction", "body", "created_at"]


class RequestSerializer(serializers.ModelSerializer):
    assigned_to = serializers.EmailField(
        source="assigned_to.email", allow_null=True, read_only=True
    )
    client = serializers.CharField(source="client.code", allow_null=True, read_only=True)
    services = serializers.SerializerMethodField()

    class Meta:
        model = ProspectRequest
        fields = [
            "id",
            "reference",
            "kind",
            "status",
            "company",
            "contact_name",
            "email",
            "phone",
            "province",
            "fleet_size",
            "sites",
            "employees",
            "lines_of_business",
            "programs",
            "services",
            "timeline",
            "cross_border_since",
            "language",
            "consent_at",
            "consent_text",
            "eligibility",
            "assigned_to",
            "client",
            "created_at",
        ]
        read_only_fields = fields

    def get_services(self, request: ProspectRequest) -> list[str]:
        return [s.name for s in request.services.all()]


class RequestDetailSerializer(RequestSerializer):
    thread = MessageSerializer(many=True, read_only=True)

    class Meta(RequestSerializer.Meta):
        fields = [*RequestSerializer.Meta.fields, "thread"]
        read_only_fields = fields


class RequestUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ProspectRequest.Status.choices)


class QuoteLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = QuoteLine
        fields = ["description", "pricing", "quantity", "unit_price", "amount"]


class TaxLineSerializer(serializers.Serializer):
    tax = serializers.CharField()
    rate = serializers.CharField()
    percent = serializers.CharField()
    amount = serializers.CharField()
    source_url = serializers.CharField(source="source")
    confidence = serializers.CharField()


class QuoteSerializer(serializers.ModelSerializer):
    request = serializers.UUIDField(source="request_id", read_only=True)
    lines = QuoteLineSerializer(many=True, read_only=True)
    taxes = TaxLineSerializer(many=True, read_only=True)

    class Meta:
        model = Quote
        fields = [
            "id",
            "number",
            "request",
            "status",
            "language",
            "currency",
            "province",
            "valid_until",
            "subtotal",
            "taxes",
            "tax_total",
            "total",
            "lines",
            "sent_at",
            "link_expires_at",
            "accepted_at",
            "accepted_name",
            "created_at",
        ]
        read_only_fields = fields


class MilestoneSerializer(serializers.ModelSerializer):
    reached = serializers.SerializerMethodField()

    class Meta:
        model = Milestone
        fields = ["id", "title", "verb", "due_on", "done_on", "reached"]

    def get_reached(self, milestone: Milestone) -> str | None:
        reached = getattr(milestone, "reached", None)
        return reached.isoformat() if reached else None


class EngagementSerializer(serializers.ModelSerializer):
    client = serializers.CharField(source="client.code", read_only=True)
    client_name = serializers.CharField(source="client.name", read_only=True)
    consultancy = serializers.CharField(source="organization.name", read_only=True)
    quote = serializers.UUIDField(source="quote_id", allow_null=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)
    hours_logged = serializers.DecimalField(max_digits=10, decimal_places=2, read_only=True)

    class Meta:
        model = Engagement
        fields = [
            "id",
            "title",
            "status",
            "client",
            "client_name",
            "consultancy",
            "quote",
            "started_on",
            "renews_on",
            "hours_estimated",
            "hours_logged",
            "milestones",
        ]
        read_only_fields = fields


class ConsultancyMixin(OrgScopedMixin):
    """Consultancy-only endpoints: a client company's address is not found (404), whatever
    the role, as on the pages."""

    org_kinds = ("consultancy",)

    def check_permissions(self, request: Request) -> None:
        super().check_permissions(request)  # type: ignore[misc]
        code = getattr(self, "kwargs", {}).get("org_code", "")
        if Organization.objects.filter(code=code).exclude(kind="consultancy").exists():
            raise exceptions.NotFound()


class RequestListView(ConsultancyMixin, generics.ListAPIView):
    """The consultancy's inbox of quote requests and questions, newest first."""

    permissions = {"GET": "consulting.view"}
    serializer_class = RequestSerializer

    def get_queryset(self) -> Any:
        return selectors.inbox(self.organization).prefetch_related("services")


class RequestDetailView(ConsultancyMixin, generics.GenericAPIView):
    """One request with its thread; PATCH moves it to another status."""

    permissions = {"GET": "consulting.view", "PATCH": "consulting.work"}
    serializer_class = RequestDetailSerializer

    def _get(self, request_id: Any) -> ProspectRequest:
        return get_object_or_404(selectors.request_detail(self.organization), pk=request_id)

    def get(self, request: Request, org_code: str, request_id: Any) -> Response:
        return Response(RequestDetailSerializer(self._get(request_id)).data)

    @extend_schema(request=RequestUpdateSerializer, responses=RequestDetailSerializer)
    def patch(self, request: Request, org_code: str, request_id: Any) -> Response:
        item = self._get(request_id)
        data = RequestUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.request_set_status(
            actor=request.user,
            consultancy=self.organization,
            request=item,
            status=data.validated_data["status"],
        )
        return Response(RequestDetailSerializer(self._get(request_id)).data)


class QuoteListView(ConsultancyMixin, generics.ListAPIView):
    """The consultancy's quotes with their lines and taxes, newest first."""

    permissions = {"GET": "consulting.view"}
    serializer_class = QuoteSerializer

    def get_queryset(self) -> Any:
        return selectors.quote_detail(self.organization)


class QuoteDetailView(ConsultancyMixin, generics.RetrieveAPIView):
    """One quote with its lines and taxes."""

    permissions = {"GET": "consulting.view"}
    serializer_class = QuoteSerializer
    lookup_url_kwarg = "quote_id"

    def get_queryset(self) -> Any:
        return selectors.quote_detail(self.organization)


class EngagementListView(ConsultancyMixin, generics.ListAPIView):
    """The consultancy's engagements with their milestones and hours."""

    permissions = {"GET": "consulting.view"}
    serializer_class = EngagementSerializer

    def get_queryset(self) -> Any:
        return selectors.engagements_with_hours(self.organization)

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        rows = self.paginate_queryset(self.get_queryset()) or []
        selectors.attach_milestone_states(rows)
        return self.get_paginated_response(EngagementSerializer(rows, many=True).data)


class EngagementDetailView(ConsultancyMixin, generics.GenericAPIView):
    """One engagement with its milestones (reached by hand or by the client's events)."""

    permissions = {"GET": "consulting.view"}
    serializer_class = EngagementSerializer

    def get(self, request: Request, org_code: str, engagement_id: Any) -> Response:
        engagement = get_object_or_404(
            selectors.engagements_with_hours(self.organization), pk=engagement_id
        )
        selectors.attach_milestone_states([engagement])
        return Response(EngagementSerializer(engagement).data)


class ClientEngagementListView(OrgScopedMixin, generics.GenericAPIView):
    """A client company's engagements, as its consultancies run them."""

    permissions = {"GET": "consulting.engagements"}
    serializer_class = EngagementSerializer
    org_kinds = ("client",)

    @extend_schema(responses=envelope_of("ClientEngagementList", EngagementSerializer))
    def get(self, request: Request, org_code: str) -> Response:
        if self.organization.is_consultancy:
            raise exceptions.NotFound()
        rows = selectors.engagements_for_client(self.organization)
        return Response(envelope(EngagementSerializer(rows, many=True).data))


# --- consultations -----------------------------------------------------------------------


class BookingSerializer(serializers.ModelSerializer):
    consultant = serializers.EmailField(source="consultant.email", read_only=True)
    client = serializers.CharField(source="client.code", allow_null=True, read_only=True)
    engagement = serializers.UUIDField(source="engagement_id", allow_null=True, read_only=True)

    class Meta:
        model = Booking
        fields = [
            "id",
            "reference",
            "status",
            "consultant",
            "starts_at",
            "ends_at",
            "time_zone",
            "language",
            "mode",
            "where",
            "name",
            "email",
            "company",
            "topic",
            "client",
            "engagement",
            "sequence",
            "cancelled_at",
            "cancel_reason",
            "notes",
            "minutes_spent",
            "created_at",
        ]
        read_only_fields = fields


class BookingCreateSerializer(serializers.Serializer):
    """Book a free slot (``GET …/consulting/slots/`` lists them) for a client or a prospect."""

    consultant = serializers.EmailField(help_text="The consultant's email (from the slots list).")
    starts_at = serializers.DateTimeField(help_text="The slot's start, as the slots list gives it.")
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField()
    company = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    topic = serializers.CharField(max_length=2000)
    language = serializers.ChoiceField(choices=[c for c, _n in settings.LANGUAGES], default="en")
    time_zone = serializers.CharField(max_length=64, help_text="IANA name, e.g. America/Toronto.")
    engagement = serializers.UUIDField(required=False, allow_null=True, default=None)

    def validate_time_zone(self, value: str) -> str:
        if value not in zoneinfo.available_timezones():
            raise serializers.ValidationError(
                _("“%(value)s” is not a known time zone.") % {"value": value}
            )
        return value


class SlotSerializer(serializers.Serializer):
    consultant = serializers.EmailField(source="consultant.email")
    consultant_name = serializers.CharField(source="consultant.display_name")
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    time_zone = serializers.CharField()
    languages = serializers.ListField(child=serializers.CharField())
    mode = serializers.CharField()


class BookingListView(ConsultancyMixin, generics.ListAPIView):
    """The consultancy's consultations, earliest first; POST books a free slot (the
    consultant and the person who booked are emailed the calendar invitation)."""

    permissions = {"GET": "consulting.view", "POST": "consulting.work"}
    serializer_class = BookingSerializer

    def get_queryset(self) -> Any:
        return selectors_c.bookings_of(self.organization, when="all").order_by("starts_at")

    @extend_schema(request=BookingCreateSerializer, responses={201: BookingSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        data = BookingCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        consultancy = self.organization
        consultant = Membership.objects.filter(
            organization=consultancy, user__email__iexact=fields.pop("consultant")
        ).first()
        if consultant is None:
            raise exceptions.ValidationError({"consultant": [_("No consultant with this email.")]})
        engagement = None
        engagement_id = fields.pop("engagement")
        if engagement_id is not None:
            engagement = Engagement.objects.filter(
                organization=consultancy, pk=engagement_id
            ).first()
            if engagement is None:
                raise exceptions.ValidationError({"engagement": [_("No such engagement.")]})
        try:
            booking, _raw = services_c.booking_create(
                consultancy=consultancy,
                consultant_id=consultant.user_id,
                starts_at=fields.pop("starts_at"),
                fields=fields,
                actor=request.user,
                engagement=engagement,
            )
        except DjangoValidationError as exc:
            if "slot" in getattr(exc, "error_dict", {}):
                raise exceptions.ValidationError({"starts_at": exc.message_dict["slot"]}) from None
            raise
        booking = selectors_c.booking_detail(consultancy).get(pk=booking.pk)
        return Response(BookingSerializer(booking).data, status=201)


class BookingDetailView(ConsultancyMixin, generics.RetrieveAPIView):
    """One consultation."""

    permissions = {"GET": "consulting.view"}
    serializer_class = BookingSerializer
    lookup_url_kwarg = "booking_id"

    def get_queryset(self) -> Any:
        return selectors_c.booking_detail(self.organization)


class SlotListView(ConsultancyMixin, generics.GenericAPIView):
    """The free slots of the next weeks (UTC), to book with ``POST …/consulting/bookings/``."""

    permissions = {"GET": "consulting.view"}
    serializer_class = SlotSerializer

    @extend_schema(responses=envelope_of("SlotList", SlotSerializer))
    def get(self, request: Request, org_code: str) -> Response:
        slots = selectors_c.free_slots(self.organization)
        return Response(envelope(SlotSerializer(slots, many=True).data))
