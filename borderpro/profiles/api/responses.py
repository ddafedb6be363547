"""Responses API: list, read, update, review transitions, evidence links, readiness."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope
from borderpro.catalogue.models import pick
from borderpro.evidence.models import EvidenceFile
from borderpro.profiles.api.common import (
    DIVISION_PARAM,
    FRAMEWORK_PARAM,
    Conflict,
    _build,
    _response,
    _row_data,
)
from borderpro.profiles.models import ReviewState, Status
from borderpro.profiles.selectors.people import people
from borderpro.profiles.selectors.workspace import GAPS
from borderpro.profiles.services.profile import (
    StaleEdit,
)
from borderpro.profiles.services.responses import (
    response_evidence_link,
    response_evidence_unlink,
    response_transition,
    response_update,
)


class ResponseUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    narrative = serializers.CharField(required=False, allow_blank=True)
    justification = serializers.CharField(required=False, allow_blank=True)
    owner = serializers.EmailField(required=False, allow_null=True)
    due_on = serializers.DateField(required=False, allow_null=True)


class ResponseListView(OrgScopedMixin, APIView):
    """Every applicable requirement of a framework with its response (own or reused)."""

    org_kinds = ("client",)
    permissions = {"GET": "profiles.view"}

    @extend_schema(
        operation_id="o_profile_responses_list",
        parameters=[FRAMEWORK_PARAM, DIVISION_PARAM],
        responses={200: OpenApiTypes.OBJECT},
    )
    def get(self, request: Request, org_code: str) -> ApiResponse:
        ws = _build(self, request)
        if ws is None:
            return ApiResponse({"framework": None, **envelope([])})
        return ApiResponse(
            {
                "framework": ws.framework.code,
                **envelope(
                    [
                        _row_data(row, self.organization, ws.framework.code)
                        for row in ws.rows
                        if not row.response._state.adding
                    ]
                ),
            }
        )


class ResponseDetailView(OrgScopedMixin, APIView):
    org_kinds = ("client",)
    permissions = {"GET": "profiles.view", "PATCH": "profiles.edit"}

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, org_code: str, response_id: str) -> ApiResponse:
        response = _response(self, response_id)
        ws = _build(
            self,
            request,
            [response.requirement],
            response.requirement.framework,
            security_profile=response.security_profile,
        )
        return ApiResponse(_row_data(ws.rows[0], self.organization, ws.framework.code))

    @extend_schema(
        request=ResponseUpdateSerializer,
        responses={200: OpenApiTypes.OBJECT, 409: OpenApiTypes.OBJECT},
    )
    def patch(self, request: Request, org_code: str, response_id: str) -> ApiResponse:
        response = _response(self, response_id)
        data = ResponseUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        version = fields.pop("version")
        if "owner" in fields:
            email = fields["owner"]
            match = [
                p for p in people(self.organization) if email and p.email.lower() == email.lower()
            ]
            if email and not match:
                raise ValidationError({"owner": "No one with this email works on this profile."})
            fields["owner"] = match[0] if match else None
        try:
            response_update(
                actor=request.user,
                organization=self.organization,
                response=response,
                expected_version=version,
                fields=fields,
            )
        except StaleEdit as exc:
            raise Conflict() from exc
        ws = _build(
            self,
            request,
            [response.requirement],
            response.requirement.framework,
            security_profile=response.security_profile,
        )
        return ApiResponse(_row_data(ws.rows[0], self.organization, ws.framework.code))


class TransitionSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=ReviewState.choices)


class ResponseTransitionView(OrgScopedMixin, APIView):
    """Move a response through review: draft → submitted → changes_requested / accepted."""

    org_kinds = ("client",)
    permissions = {"POST": "profiles.edit"}

    @extend_schema(request=TransitionSerializer, responses={200: OpenApiTypes.OBJECT})
    def post(self, request: Request, org_code: str, response_id: str) -> ApiResponse:
        response = _response(self, response_id)
        data = TransitionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        response_transition(
            actor=request.user,
            organization=self.organization,
            access=self.access,
            response=response,
            to_state=data.validated_data["state"],
        )
        return ApiResponse(
            {
                "id": str(response.pk),
                "review_state": response.review_state,
                "version": response.version,
            }
        )


class LinkSerializer(serializers.Serializer):
    evidence_id = serializers.UUIDField()


class ResponseEvidenceView(OrgScopedMixin, APIView):
    """Link a file of the evidence vault to a response (POST), or unlink it (DELETE ?evidence_id=)."""

    org_kinds = ("client",)
    permissions = {"GET": "profiles.view", "POST": "profiles.edit", "DELETE": "profiles.edit"}

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    def get(self, request: Request, org_code: str, response_id: str) -> ApiResponse:
        response = _response(self, response_id)
        ws = _build(
            self,
            request,
            [response.requirement],
            response.requirement.framework,
            security_profile=response.security_profile,
        )
        linked = _row_data(ws.rows[0], self.organization, ws.framework.code)["evidence"]
        return ApiResponse(envelope(linked))

    @extend_schema(request=LinkSerializer, responses={201: OpenApiTypes.OBJECT})
    def post(self, request: Request, org_code: str, response_id: str) -> ApiResponse:
        response = _response(self, response_id)
        data = LinkSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        evidence = get_object_or_404(
            EvidenceFile, organization=self.organization, pk=data.validated_data["evidence_id"]
        )
        response_evidence_link(
            actor=request.user, organization=self.organization, response=response, evidence=evidence
        )
        return ApiResponse({"linked": str(evidence.pk)}, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[OpenApiParameter("evidence_id", OpenApiTypes.UUID, required=True)],
        responses={204: None},
    )
    def delete(self, request: Request, org_code: str, response_id: str) -> ApiResponse:
        response = _response(self, response_id)
        evidence = get_object_or_404(
            EvidenceFile,
            organization=self.organization,
            pk=request.query_params.get("evidence_id") or "00000000-0000-0000-0000-000000000000",
        )
        response_evidence_unlink(
            actor=request.user, organization=self.organization, response=response, evidence=evidence
        )
        return ApiResponse(status=status.HTTP_204_NO_CONTENT)


class ReadinessView(OrgScopedMixin, APIView):
    org_kinds = ("client",)
    permissions = {"GET": "profiles.view"}

    @extend_schema(
        parameters=[FRAMEWORK_PARAM, DIVISION_PARAM], responses={200: OpenApiTypes.OBJECT}
    )
    def get(self, request: Request, org_code: str) -> ApiResponse:
        ws = _build(self, request, light=True)
        if ws is None:
            return ApiResponse({"framework": None, "score": None, "categories": []})
        return ApiResponse(
            {
                "framework": ws.framework.code,
                "division": request.query_params.get("division") or "main",
                "score": ws.score,
                "must_score": ws.must_score,
                "should_score": ws.should_score,
                "gaps": {k: ws.gap_counts[k] for k in GAPS},
                "categories": [
                    {
                        "code": b.category.code,
                        "title": pick(b.category, "title"),
                        "score": b.score,
                        "done": b.done,
                        "total": b.total,
                        "with_gaps": b.gap_count,
                    }
                    for b in ws.blocks
                ],
            }
        )
