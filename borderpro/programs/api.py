"""Programs API: ad-hoc evaluation, a carrier's evaluation, and memberships."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation.trans_real import parse_accept_lang_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope, envelope_of
from borderpro.common.daterange import date_param
from borderpro.programs import selectors, services
from borderpro.programs.engine import evaluate, render_json
from borderpro.programs.facts import FactsSerializer, parse_facts
from borderpro.programs.models import Membership
from borderpro.programs.services import MEMBERSHIP_FIELDS

LANG_PARAM = OpenApiParameter(
    "lang",
    str,
    enum=["en", "fr"],
    description="Language of the explanations (default: Accept-Language, else en)",
)


def answer_language(request: Request) -> str:
    """``?lang=`` first, then the first of en / fr in Accept-Language, else English."""
    wanted = request.query_params.get("lang", "")
    if wanted in ("en", "fr"):
        return wanted
    for code, _q in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        short = code.split("-")[0].lower()
        if short in ("en", "fr"):
            return short
    return "en"


def default_as_of() -> date:
    """Ad-hoc facts without ``as_of`` are judged on today's date in UTC (the command does the same)."""
    return timezone.now().date()


def json_answer(answer: dict[str, Any]) -> HttpResponse:
    return HttpResponse(render_json(answer), content_type="application/json; charset=utf-8")


class ClientScopedMixin(OrgScopedMixin):
    """Organization-scoped, for client companies only (a consultancy gets 404)."""

    org_kinds = ("client",)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()


class EvaluateView(APIView):
    """Evaluate an ad-hoc facts document (quote form, integrations). Not tied to an organization."""

    @extend_schema(
        request=FactsSerializer, responses={200: OpenApiTypes.OBJECT}, parameters=[LANG_PARAM]
    )
    def post(self, request: Request) -> HttpResponse:
        facts, as_of = parse_facts(request.data)
        return json_answer(
            evaluate(facts, as_of=as_of or default_as_of(), lang=answer_language(request))
        )


class CarrierEvaluationView(ClientScopedMixin, APIView):
    """The carrier's programs, judged from its own data on today's local date (or ``as_of``)."""

    permissions = {"GET": "programs.view"}

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        parameters=[LANG_PARAM, OpenApiParameter("as_of", OpenApiTypes.DATE)],
    )
    def get(self, request: Request, org_code: str) -> HttpResponse:
        as_of = date_param(request.query_params, "as_of") or self.organization.local_today()
        answer = selectors.carrier_evaluation(
            self.organization, as_of=as_of, lang=answer_language(request)
        )
        return json_answer(answer)


class MembershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Membership
        fields = ["id", "program", *MEMBERSHIP_FIELDS, "updated_at"]
        read_only_fields = ["id", "updated_at"]


class MembershipListView(ClientScopedMixin, APIView):
    """List memberships, or record one (POST creates or updates the membership of a program)."""

    permissions = {"GET": "programs.view", "POST": "programs.manage"}

    @extend_schema(
        operation_id="o_programs_memberships_list",
        responses=envelope_of("MembershipList", MembershipSerializer),
    )
    def get(self, request: Request, org_code: str) -> Response:
        rows = Membership.objects.filter(organization=self.organization).order_by("program")
        return Response(envelope(MembershipSerializer(rows, many=True).data))

    @extend_schema(request=MembershipSerializer, responses={201: MembershipSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        data = MembershipSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        program = fields.pop("program")
        existed = Membership.objects.filter(
            organization=self.organization, program=program
        ).exists()
        membership = services.membership_save(
            actor=request.user, organization=self.organization, program=program, **fields
        )
        return Response(
            MembershipSerializer(membership).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )


class MembershipDetailView(ClientScopedMixin, APIView):
    permissions = {"GET": "programs.view", "PATCH": "programs.manage"}

    def _get(self, membership_id: Any) -> Membership:
        return get_object_or_404(Membership, organization=self.organization, pk=membership_id)

    @extend_schema(responses=MembershipSerializer)
    def get(self, request: Request, org_code: str, membership_id: Any) -> Response:
        return Response(MembershipSerializer(self._get(membership_id)).data)

    @extend_schema(request=MembershipSerializer, responses=MembershipSerializer)
    def patch(self, request: Request, org_code: str, membership_id: Any) -> Response:
        membership = self._get(membership_id)
        data = MembershipSerializer(membership, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = {k: v for k, v in data.validated_data.items() if k != "program"}
        membership = services.membership_save(
            actor=request.user, organization=self.organization, program=membership.program, **fields
        )
        return Response(MembershipSerializer(membership).data)
