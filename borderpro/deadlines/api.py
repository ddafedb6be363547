"""Deadlines API: the organization's deadlines of every kind the token's role may see."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.deadlines import services
from borderpro.deadlines.models import CalendarFeed, Notification
from borderpro.deadlines.registry import CONFIDENCES, STATE_RANK
from borderpro.deadlines.selectors import (
    HORIZON_DAYS,
    OVERDUE_LOOKBACK_DAYS,
    DeadlineRow,
    deadlines_for,
    rows_on,
    visible_kinds,
)

MAX_RANGE_DAYS = 3 * 3653


class DeadlineSerializer(serializers.Serializer):
    uid = serializers.CharField(source="deadline.uid", help_text="Stable id (calendar feeds).")
    kind = serializers.CharField(source="kind.key")
    kind_label = serializers.SerializerMethodField()
    subject = serializers.CharField(source="deadline.subject")
    detail = serializers.CharField(source="deadline.detail")
    due = serializers.DateField(source="deadline.due", help_text="Local date.")
    state = serializers.ChoiceField(choices=sorted(STATE_RANK))
    days_left = serializers.IntegerField(help_text="Negative when late.")
    owner = serializers.SerializerMethodField()
    action_url = serializers.CharField(source="deadline.action_url")
    source = serializers.CharField(source="deadline.source")  # type: ignore[assignment]
    confidence = serializers.CharField(
        source="deadline.confidence", help_text="One of: " + ", ".join(CONFIDENCES) + "."
    )
    reminder_days = serializers.ListField(
        source="kind.reminder_days", child=serializers.IntegerField()
    )

    def get_kind_label(self, row: DeadlineRow) -> str:
        return str(row.kind.label)

    def get_owner(self, row: DeadlineRow) -> str | None:
        owner = row.deadline.owner
        return owner.email if owner is not None else None


class DeadlineQuery(serializers.Serializer):
    kind = serializers.CharField(required=False, allow_blank=True)
    state = serializers.ChoiceField(choices=sorted(STATE_RANK), required=False)
    start = serializers.DateField(required=False)
    end = serializers.DateField(required=False)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("start"), attrs.get("end")
        if start and end:
            if end < start:
                raise serializers.ValidationError({"end": "The end is before the start."})
            if (end - start).days > MAX_RANGE_DAYS:
                raise serializers.ValidationError(
                    {"end": f"Ask for at most {MAX_RANGE_DAYS} days at once."}
                )
        return attrs


@extend_schema(
    parameters=[
        OpenApiParameter("kind", OpenApiTypes.STR, description="Kinds, comma-separated."),
        OpenApiParameter("state", OpenApiTypes.STR, enum=sorted(STATE_RANK)),
        OpenApiParameter("start", OpenApiTypes.DATE, description="Default: 10 years ago."),
        OpenApiParameter("end", OpenApiTypes.DATE, description="Default: in 400 days."),
    ]
)
class DeadlineListView(OrgScopedMixin, generics.ListAPIView):
    """Deadlines due from ``start`` to ``end`` (local dates), oldest first, with their state today."""

    permissions = {"GET": "deadlines.view"}
    org_kinds = ("client",)
    serializer_class = DeadlineSerializer

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()

    def get_queryset(self) -> list[DeadlineRow]:  # type: ignore[override]
        query = DeadlineQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        org = self.organization
        today = org.local_today()
        start = params.get("start") or today - timedelta(days=OVERDUE_LOOKBACK_DAYS)
        end = params.get("end") or today + timedelta(days=HORIZON_DAYS)
        if (end - start).days > MAX_RANGE_DAYS or end < start:
            raise serializers.ValidationError(
                {"end": f"Give a start and an end at most {MAX_RANGE_DAYS} days apart."}
            )
        allowed = [k.key for k in visible_kinds(self.access)]
        asked = [k for k in (params.get("kind") or "").split(",") if k]
        unknown = [k for k in asked if k not in allowed]
        if unknown:
            raise serializers.ValidationError(
                {"kind": f"Unknown deadline kind: {', '.join(unknown)}."}
            )
        rows = rows_on(deadlines_for(org, start, end, asked or allowed), today)
        if params.get("state"):
            rows = [r for r in rows if r.state == params["state"]]
        return rows


# --- notifications and calendar links: the caller's own, in this organization --------------


class NotificationSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(read_only=True)
    unread = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "kind_label",
            "stage",
            "subject",
            "due",
            "action_url",
            "created_at",
            "read_at",
            "unread",
        ]
        read_only_fields = fields

    def get_unread(self, notification: Notification) -> bool:
        return notification.read_at is None


@extend_schema(
    parameters=[
        OpenApiParameter("unread", OpenApiTypes.BOOL, description="Only the unread ones."),
    ]
)
class NotificationListView(OrgScopedMixin, generics.ListAPIView):
    """Your reminders in this organization, newest first."""

    permissions = {"GET": "deadlines.notifications"}
    serializer_class = NotificationSerializer

    def get_queryset(self) -> Any:
        user: Any = self.request.user
        items = Notification.objects.filter(user=user, organization=self.organization)
        if self.request.query_params.get("unread") in ("1", "true", "yes"):
            items = items.filter(read_at__isnull=True)
        return items.order_by("-created_at", "due")


class ReadResultSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notifications became read.")


class NotificationIdsSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.UUIDField(), max_length=500, help_text="Notifications to mark read."
    )


class NotificationReadView(OrgScopedMixin, APIView):
    """Mark some of your notifications read (ids not yours, or already read, are ignored)."""

    permissions = {"POST": "deadlines.notifications"}

    @extend_schema(request=NotificationIdsSerializer, responses={200: ReadResultSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        body = NotificationIdsSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        marked = services.notifications_read(
            user=request.user, organization=self.organization, ids=body.validated_data["ids"]
        )
        return Response({"marked": marked})


class NotificationReadAllView(OrgScopedMixin, APIView):
    """Mark all your notifications of this organization read."""

    permissions = {"POST": "deadlines.notifications"}

    @extend_schema(request=None, responses={200: ReadResultSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        marked = services.notifications_read_all(user=request.user, organization=self.organization)
        return Response({"marked": marked})


class CalendarLinkSerializer(serializers.Serializer):
    active = serializers.BooleanField()
    created_at = serializers.DateTimeField(allow_null=True)
    last_used_at = serializers.DateTimeField(allow_null=True)
    url = serializers.CharField(
        allow_null=True, help_text="The secret feed address: only in the answer that makes it."
    )


class CalendarLinkView(OrgScopedMixin, APIView):
    """Your secret iCalendar link of this organization's deadlines: see, make anew, turn off."""

    permissions = {"GET": "deadlines.view", "POST": "deadlines.view", "DELETE": "deadlines.view"}
    org_kinds = ("client",)

    def initial(self, request: Any, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()

    def _answer(self, feed: CalendarFeed | None, url: str | None = None) -> dict[str, Any]:
        return {
            "active": feed is not None,
            "created_at": feed.created_at if feed else None,
            "last_used_at": feed.last_used_at if feed else None,
            "url": url,
        }

    @extend_schema(responses={200: CalendarLinkSerializer})
    def get(self, request: Request, org_code: str) -> Response:
        user: Any = request.user
        feed = CalendarFeed.objects.filter(
            user=user, organization=self.organization, revoked_at__isnull=True
        ).first()
        return Response(self._answer(feed))

    @extend_schema(request=None, responses={201: CalendarLinkSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        feed, raw = services.calendar_feed_rotate(user=request.user, organization=self.organization)
        url = request.build_absolute_uri(reverse("deadlines:feed", args=[raw]))
        return Response(self._answer(feed, url), status=201)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, org_code: str) -> Response:
        services.calendar_feed_revoke(user=request.user, organization=self.organization)
        return Response(status=204)
