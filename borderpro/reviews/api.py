"""Reviews API: reviews, their findings, and corrective actions (read; actions move along
and are verified through the same services as the pages)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.reviews import selectors, services
from borderpro.reviews.models import CorrectiveAction, Finding, Review


class ReviewSerializer(serializers.ModelSerializer):
    framework = serializers.SerializerMethodField()
    response_due_on = serializers.DateField(read_only=True, allow_null=True)

    class Meta:
        model = Review
        fields = [
            "id",
            "kind",
            "title",
            "status",
            "period_start",
            "period_end",
            "scope",
            "participants",
            "partner_name",
            "agency",
            "agency_report_on",
            "response_due_on",
            "framework",
            "sample_seed",
            "sample_size",
            "sample_method",
            "readiness",
            "summary",
            "completed_at",
            "created_at",
        ]

    def get_framework(self, obj: Review) -> str | None:
        return obj.framework.code if obj.framework is not None else None


class CorrectiveActionSerializer(serializers.ModelSerializer):
    owner = serializers.SerializerMethodField()
    verified_by = serializers.SerializerMethodField()
    finding = serializers.UUIDField(source="finding_id", read_only=True)

    class Meta:
        model = CorrectiveAction
        fields = [
            "id",
            "finding",
            "title",
            "owner",
            "due_on",
            "agency_deadline",
            "status",
            "completed_on",
            "closure_note",
            "closure_evidence",
            "verified_by",
            "verified_at",
        ]

    def get_owner(self, obj: CorrectiveAction) -> str:
        return str(obj.owner.email)

    def get_verified_by(self, obj: CorrectiveAction) -> str | None:
        return obj.verified_by.email if obj.verified_by else None


class ReviewFindingSerializer(serializers.ModelSerializer):
    code = serializers.CharField(read_only=True)
    requirement = serializers.SerializerMethodField()
    actions = CorrectiveActionSerializer(many=True, read_only=True)

    class Meta:
        model = Finding
        fields = [
            "id",
            "code",
            "severity",
            "origin",
            "title",
            "detail",
            "requirement",
            "evidence",
            "actions",
        ]

    def get_requirement(self, obj: Finding) -> str | None:
        return obj.requirement.ref if obj.requirement is not None else None


class CorrectiveActionUpdateSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[c for c in CorrectiveAction.Status.values if c != "verified"], required=False
    )
    completed_on = serializers.DateField(required=False, allow_null=True)
    closure_note = serializers.CharField(required=False, allow_blank=True)
    verify = serializers.BooleanField(required=False, default=False)


class ReviewListView(OrgScopedMixin, generics.ListAPIView):
    """The organization's reviews, newest period first."""

    permissions = {"GET": "reviews.view"}
    serializer_class = ReviewSerializer

    def get_queryset(self):
        return Review.objects.filter(organization=self.organization).select_related("framework")


class ReviewDetailView(OrgScopedMixin, generics.RetrieveAPIView):
    permissions = {"GET": "reviews.view"}
    serializer_class = ReviewSerializer

    def get_object(self) -> Review:
        return get_object_or_404(
            Review.objects.select_related("framework"),
            organization=self.organization,
            pk=self.kwargs["review_id"],
        )


class FindingListView(OrgScopedMixin, generics.ListAPIView):
    """The findings of one review with their corrective actions."""

    permissions = {"GET": "reviews.view"}
    serializer_class = ReviewFindingSerializer

    def get_queryset(self):
        review = get_object_or_404(
            Review, organization=self.organization, pk=self.kwargs["review_id"]
        )
        return selectors.findings(review)


class CorrectiveActionListView(OrgScopedMixin, generics.ListAPIView):
    """Corrective actions of every review; ``status=open`` for those not closed yet."""

    permissions = {"GET": "reviews.view"}
    serializer_class = CorrectiveActionSerializer

    @extend_schema(parameters=[OpenApiParameter("status", str, enum=["open", "all"])])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if self.request.query_params.get("status") == "open":
            return selectors.open_actions(self.organization).select_related("verified_by")
        return (
            CorrectiveAction.objects.filter(organization=self.organization)
            .select_related("owner", "verified_by")
            .order_by("due_on", "id")
        )


class CorrectiveActionDetailView(OrgScopedMixin, APIView):
    """One corrective action; PATCH moves it along, ``{"verify": true}`` verifies it (by
    someone other than its owner)."""

    permissions = {"GET": "reviews.view", "PATCH": "reviews.edit"}

    def _action(self) -> CorrectiveAction:
        return get_object_or_404(
            CorrectiveAction.objects.select_related("owner", "verified_by"),
            organization=self.organization,
            pk=self.kwargs["corrective_action_id"],
        )

    @extend_schema(responses={200: CorrectiveActionSerializer})
    def get(self, request: Request, org_code: str, corrective_action_id: Any) -> Response:
        return Response(CorrectiveActionSerializer(self._action()).data)

    @extend_schema(
        request=CorrectiveActionUpdateSerializer, responses={200: CorrectiveActionSerializer}
    )
    def patch(self, request: Request, org_code: str, corrective_action_id: Any) -> Response:
        action = self._action()
        data = CorrectiveActionUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            if values.pop("verify", False):
                action = services.action_verify(
                    actor=request.user, organization=self.organization, action=action
                )
            else:
                action = services.action_update(
                    actor=request.user,
                    organization=self.organization,
                    action=action,
                    status=values.get("status", action.status),
                    completed_on=values.get("completed_on", action.completed_on),
                    closure_note=values.get("closure_note", action.closure_note),
                    closure_evidence=action.closure_evidence,
                )
        except ValidationError as exc:
            detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
            raise exceptions.ValidationError(detail) from None
        return Response(CorrectiveActionSerializer(action).data)
