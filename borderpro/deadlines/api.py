"""Deadlines API: the organization's deadlines of every kind the token's role may see."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers

from borderpro.api.base import OrgScopedMixin
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
