"""Risk assessment API: assessments, flows, threat ratings, vulnerabilities, risks, actions.

``/api/v1/o/<org>/risk/...`` with the same permission table as the pages; lists use the
pagination envelope; every 4xx has the shape ``{"errors": [{"field", "code", "message"}]}``.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from borderpro.api.base import OrgScopedMixin
from borderpro.risk import scoring, selectors, services, threats
from borderpro.risk.models import Action, Assessment, Flow, ThreatRating, Vulnerability


class AssessmentSerializer(serializers.ModelSerializer):
    framework = serializers.CharField(source="framework.code", read_only=True, default=None)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "year",
            "kind",
            "trigger",
            "status",
            "period_start",
            "period_end",
            "assessed_on",
            "review_due_on",
            "scope",
            "participants",
            "method",
            "framework",
            "matrix",
            "based_on",
            "submitted_at",
            "approved_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "kind",
            "status",
            "framework",
            "matrix",
            "based_on",
            "submitted_at",
            "approved_at",
            "updated_at",
        ]


class AssessmentCreateSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    size = serializers.ChoiceField(choices=[3, 5], default=3)


class FlowSerializer(serializers.ModelSerializer):
    class Meta:
        model = Flow
        fields = [
            "id",
            "name",
            "origin",
            "destination",
            "mode",
            "crossings",
            "stops",
            "partners",
            "cargo",
            "data_flow",
            "position",
        ]
        read_only_fields = ["id", "position"]


class ThreatSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    confidence = serializers.CharField()
    sources = serializers.ListField(child=serializers.DictField())


class RatingSerializer(serializers.ModelSerializer):
    flow: Any = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = ThreatRating
        fields = ["id", "threat", "flow", "level", "justification", "updated_at"]
        read_only_fields = fields


class RatingInputSerializer(serializers.Serializer):
    threat = serializers.ChoiceField(choices=[])
    flow = serializers.UUIDField(required=False, allow_null=True)
    level = serializers.IntegerField(min_value=0, max_value=scoring.MAX_SIZE - 1)
    justification = serializers.CharField()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["threat"].choices = threats.codes()  # type: ignore[attr-defined]


class VulnerabilitySerializer(serializers.ModelSerializer):
    category = serializers.CharField(source="category.code", read_only=True)
    category_title = serializers.CharField(source="category.title", read_only=True)

    class Meta:
        model = Vulnerability
        fields = [
            "id",
            "category",
            "category_title",
            "proposed_level",
            "reasons",
            "level",
            "justification",
        ]
        read_only_fields = ["id", "category", "category_title", "proposed_level", "reasons"]


class RiskSerializer(serializers.Serializer):
    flow = serializers.UUIDField(allow_null=True)
    threat = serializers.CharField()
    category = serializers.CharField()
    threat_level = serializers.IntegerField()
    vulnerability_level = serializers.IntegerField()
    level = serializers.IntegerField()
    level_label = serializers.CharField()


class ActionSerializer(serializers.ModelSerializer):
    requirement: Any = serializers.SlugRelatedField(
        slug_field="ref", read_only=True, allow_null=True
    )

    class Meta:
        model = Action
        fields = [
            "id",
            "title",
            "detail",
            "owner",
            "due_on",
            "status",
            "progress",
            "completed_on",
            "requirement",
            "vulnerability",
            "threat",
            "updated_at",
        ]
        read_only_fields = ["id", "requirement", "vulnerability", "updated_at"]


class RiskMixin(OrgScopedMixin):
    org_kinds = ("client",)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()

    def assessment(self) -> Assessment:
        try:
            return selectors.assessment_get(self.organization, self.kwargs["assessment_id"])
        except (Assessment.DoesNotExist, ValueError):
            raise Http404 from None


class AssessmentListView(RiskMixin, generics.ListAPIView):
    """Risk assessments, newest first; POST starts one (prefilled from the carrier profile)."""

    permissions = {"GET": "risk.view", "POST": "risk.edit"}
    serializer_class = AssessmentSerializer

    def get_queryset(self) -> Any:
        return (
            Assessment.objects.filter(organization=self.organization)
            .select_related("framework")
            .order_by("-year", "-created_at")
        )

    @extend_schema(request=AssessmentCreateSerializer, responses={201: AssessmentSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        data = AssessmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        a = services.assessment_create(
            actor=request.user, organization=self.organization, **data.validated_data
        )
        return Response(AssessmentSerializer(a).data, status=status.HTTP_201_CREATED)


class AssessmentDetailView(RiskMixin, generics.GenericAPIView):
    permissions = {"GET": "risk.view", "PATCH": "risk.edit"}
    serializer_class = AssessmentSerializer

    def get(self, request: Request, org_code: str, assessment_id: Any) -> Response:
        return Response(AssessmentSerializer(self.assessment()).data)

    def patch(self, request: Request, org_code: str, assessment_id: Any) -> Response:
        a = self.assessment()
        data = AssessmentSerializer(a, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        changes = {k: v for k, v in data.validated_data.items() if k in services.ASSESSMENT_FIELDS}
        a = services.assessment_update(
            actor=request.user, organization=self.organization, assessment=a, **changes
        )
        return Response(AssessmentSerializer(a).data)


class FlowListView(RiskMixin, generics.ListAPIView):
    """Step 1: the flows of an assessment; POST maps one."""

    permissions = {"GET": "risk.view", "POST": "risk.edit"}
    serializer_class = FlowSerializer

    def get_queryset(self) -> Any:
        return selectors.flows(self.assessment())

    @extend_schema(request=FlowSerializer, responses={201: FlowSerializer})
    def post(self, request: Request, org_code: str, assessment_id: Any) -> Response:
        a = self.assessment()
        data = FlowSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        flow = services.flow_create(
            actor=request.user, organization=self.organization, assessment=a, **data.validated_data
        )
        return Response(FlowSerializer(flow).data, status=status.HTTP_201_CREATED)


class FlowDetailView(RiskMixin, generics.GenericAPIView):
    permissions = {"GET": "risk.view", "PATCH": "risk.edit", "DELETE": "risk.edit"}
    serializer_class = FlowSerializer

    def flow(self) -> Flow:
        return get_object_or_404(
            Flow.objects.select_related("assessment"),
            organization=self.organization,
            pk=self.kwargs["flow_id"],
        )

    def get(self, request: Request, org_code: str, flow_id: Any) -> Response:
        return Response(FlowSerializer(self.flow()).data)

    def patch(self, request: Request, org_code: str, flow_id: Any) -> Response:
        flow = self.flow()
        data = FlowSerializer(flow, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        flow = services.flow_update(
            actor=request.user, organization=self.organization, flow=flow, **data.validated_data
        )
        return Response(FlowSerializer(flow).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, org_code: str, flow_id: Any) -> Response:
        services.flow_remove(actor=request.user, organization=self.organization, flow=self.flow())
        return Response(status=status.HTTP_204_NO_CONTENT)


class ThreatLibraryView(RiskMixin, generics.GenericAPIView):
    """The threat library: names in the request's language, sources and confidence."""

    permissions = {"GET": "risk.view"}
    serializer_class = ThreatSerializer
    pagination_class = None

    @extend_schema(responses=ThreatSerializer(many=True))
    def get(self, request: Request, org_code: str) -> Response:
        rows = [
            {
                "code": t.code,
                "name": t.name,
                "description": t.description,
                "confidence": t.confidence,
                "sources": [
                    {"title": s.title, "url": s.url, "confidence": s.confidence} for s in t.sources
                ],
            }
            for t in threats.library()
        ]
        return Response(ThreatSerializer(rows, many=True).data)


class RatingListView(RiskMixin, generics.ListAPIView):
    """Step 2: threat ratings; POST rates a threat (for all flows, or one flow)."""

    permissions = {"GET": "risk.view", "POST": "risk.edit"}
    serializer_class = RatingSerializer

    def get_queryset(self) -> Any:
        return selectors.ratings(self.assessment()).order_by("threat", "flow_id")

    @extend_schema(request=RatingInputSerializer, responses={201: RatingSerializer})
    def post(self, request: Request, org_code: str, assessment_id: Any) -> Response:
        a = self.assessment()
        data = RatingInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        flow = None
        if values.pop("flow", None):
            flow = Flow.objects.filter(
                organization=self.organization, assessment=a, pk=data.validated_data["flow"]
            ).first()
            if flow is None:
                raise exceptions.ValidationError(
                    {"flow": ["This flow is not part of the assessment."]}
                )
        rating = services.threat_rate(
            actor=request.user, organization=self.organization, assessment=a, flow=flow, **values
        )
        return Response(RatingSerializer(rating).data, status=status.HTTP_201_CREATED)


class VulnerabilityListView(RiskMixin, generics.ListAPIView):
    """Step 3: vulnerability per catalogue category, with the proposal and its reasons."""

    permissions = {"GET": "risk.view"}
    serializer_class = VulnerabilitySerializer

    def get_queryset(self) -> Any:
        return selectors.vulnerabilities(self.assessment())


class VulnerabilityDetailView(RiskMixin, generics.GenericAPIView):
    permissions = {"GET": "risk.view", "PATCH": "risk.edit"}
    serializer_class = VulnerabilitySerializer

    def vulnerability(self) -> Vulnerability:
        return get_object_or_404(
            Vulnerability.objects.select_related("assessment", "category"),
            organization=self.organization,
            pk=self.kwargs["vulnerability_id"],
        )

    def get(self, request: Request, org_code: str, vulnerability_id: Any) -> Response:
        return Response(VulnerabilitySerializer(self.vulnerability()).data)

    def patch(self, request: Request, org_code: str, vulnerability_id: Any) -> Response:
        vuln = self.vulnerability()
        data = VulnerabilitySerializer(vuln, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        vuln = services.vulnerability_rate(
            actor=request.user,
            organization=self.organization,
            vulnerability=vuln,
            level=data.validated_data.get("level", vuln.level),
            justification=data.validated_data.get("justification", vuln.justification),
        )
        return Response(VulnerabilitySerializer(vuln).data)


class RiskListView(RiskMixin, generics.ListAPIView):
    """Step 4: the computed risk register, highest first."""

    permissions = {"GET": "risk.view"}
    serializer_class = RiskSerializer

    def get_queryset(self) -> Any:
        a = self.assessment()
        ws = selectors.workspace(a, with_actions=False)
        return [
            {
                "flow": getattr(r.flow, "pk", None),
                "threat": r.threat.code,
                "category": r.category.code,
                "threat_level": r.threat_level,
                "vulnerability_level": r.vulnerability_level,
                "level": r.level,
                "level_label": scoring.level_label(a.size, r.level),
            }
            for r in ws.risks
        ]


class ActionListView(RiskMixin, generics.ListAPIView):
    """Step 5: the action plan; POST plans an action."""

    permissions = {"GET": "risk.view", "POST": "risk.edit"}
    serializer_class = ActionSerializer

    def get_queryset(self) -> Any:
        return selectors.actions(self.assessment())

    @extend_schema(request=ActionSerializer, responses={201: ActionSerializer})
    def post(self, request: Request, org_code: str, assessment_id: Any) -> Response:
        a = self.assessment()
        data = ActionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        action = services.action_create(
            actor=request.user, organization=self.organization, assessment=a, **data.validated_data
        )
        return Response(ActionSerializer(action).data, status=status.HTTP_201_CREATED)


class ActionDetailView(RiskMixin, generics.GenericAPIView):
    permissions = {"GET": "risk.view", "PATCH": "risk.edit"}
    serializer_class = ActionSerializer

    def action_row(self) -> Action:
        return get_object_or_404(
            Action.objects.select_related("assessment", "requirement"),
            organization=self.organization,
            pk=self.kwargs["action_id"],
        )

    def get(self, request: Request, org_code: str, action_id: Any) -> Response:
        return Response(ActionSerializer(self.action_row()).data)

    def patch(self, request: Request, org_code: str, action_id: Any) -> Response:
        action = self.action_row()
        data = ActionSerializer(action, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        action = services.action_update(
            actor=request.user, organization=self.organization, action=action, **data.validated_data
        )
        return Response(ActionSerializer(action).data)
