"""Partners API: the register with each partner's risk and status, and certifications."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.evidence.models import EvidenceFile
from borderpro.partners import rules, selectors, services
from borderpro.partners.models import Certification, Partner


class CertificationSerializer(serializers.ModelSerializer):
    evidence: Any = serializers.PrimaryKeyRelatedField(
        queryset=EvidenceFile.objects.none(), required=False, allow_null=True
    )
    partner = serializers.UUIDField(source="partner_id", read_only=True)

    class Meta:
        model = Certification
        fields = ["id", "partner", "program", "number", "verified_on", "valid_until", "evidence"]
        read_only_fields = ["id", "partner"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = self.context.get("organization")
        if org is not None:
            field: Any = self.fields["evidence"]
            field.queryset = EvidenceFile.objects.filter(organization=org)

    def run_validators(self, value: Any) -> None:
        # Uniqueness needs the partner, which the URL gives: the service checks it.
        pass


class PartnerSerializer(serializers.ModelSerializer):
    risk_level = serializers.SerializerMethodField()
    risk_reasons = serializers.SerializerMethodField()
    screening_state = serializers.SerializerMethodField()
    certified = serializers.SerializerMethodField()
    meets_subcontract_rule = serializers.SerializerMethodField()

    class Meta:
        model = Partner
        fields = [
            "id",
            "name",
            "kind",
            "country",
            "services",
            "contact_name",
            "contact_email",
            "contact_phone",
            "written_contract_on",
            "active",
            "last_screened_on",
            "screening_outcome",
            "next_screening_due",
            "risk_level",
            "risk_reasons",
            "screening_state",
            "certified",
            "meets_subcontract_rule",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "last_screened_on",
            "screening_outcome",
            "next_screening_due",
            "updated_at",
        ]
        validators: list[Any] = []  # the service checks uniqueness within the organization
        extra_kwargs = {"screening_outcome": {"allow_blank": True}}  # never screened: ""

    def _row(self, partner: Partner) -> selectors.PartnerRow:
        rows: dict[Any, selectors.PartnerRow] = self.context["rows"]
        if partner.pk not in rows:
            rows[partner.pk] = selectors.partner_row(partner, self.context["today"])
        return rows[partner.pk]

    def get_risk_level(self, partner: Partner) -> str:
        return self._row(partner).rating.level

    def get_risk_reasons(self, partner: Partner) -> list[str]:
        return list(self._row(partner).rating.reasons)

    def get_screening_state(self, partner: Partner) -> str:
        return self._row(partner).state

    def get_certified(self, partner: Partner) -> bool:
        return not self._row(partner).uncertified

    def get_meets_subcontract_rule(self, partner: Partner) -> bool | None:
        return self._row(partner).meets_subcontract_rule


class PartnersMixin(OrgScopedMixin):
    org_kinds = ("client",)
    today: Any = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()
        self.today = self.organization.local_today()

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            "request": self.request,  # type: ignore[attr-defined]
            "view": self,
            "organization": self.organization,
            "today": self.today,
            "rows": {},
        }

    def partner(self, partner_id: Any) -> Partner:
        return get_object_or_404(
            selectors.partners_with_status(self.organization, self.today), pk=partner_id
        )


class PartnerQuery(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True)
    kind = serializers.ChoiceField(choices=Partner.Kind.choices, required=False)
    risk = serializers.ChoiceField(choices=rules.LEVEL_CHOICES, required=False)
    status = serializers.ChoiceField(choices=selectors.STATUS_FILTERS, required=False)
    active = serializers.BooleanField(required=False, default=True)


class PartnerListView(PartnersMixin, generics.ListCreateAPIView):
    """The partner register (paginated, filterable); POST adds a partner."""

    permissions = {"GET": "partners.view", "POST": "partners.manage"}
    serializer_class = PartnerSerializer

    def get_queryset(self) -> Any:
        return Partner.objects.none()  # the register is listed by list(), through the selector

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        query = PartnerQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        register = selectors.partner_register(self.organization, self.today, **query.validated_data)
        rows = self.paginate_queryset(register.rows) or []
        selectors.attach_partners(self.organization, rows)
        context = self.get_serializer_context()
        context["rows"] = {row.pk: row for row in rows}
        partners = [row.partner for row in rows]
        return self.get_paginated_response(
            PartnerSerializer(partners, many=True, context=context).data
        )

    @extend_schema(parameters=[PartnerQuery])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = PartnerSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        partner = services.partner_create(
            actor=request.user, organization=self.organization, **data.validated_data
        )
        body = PartnerSerializer(self.partner(partner.pk), context=self.get_serializer_context())
        return Response(body.data, status=status.HTTP_201_CREATED)


class PartnerDetailView(PartnersMixin, APIView):
    permissions = {"GET": "partners.view", "PATCH": "partners.manage"}

    @extend_schema(responses=PartnerSerializer)
    def get(self, request: Request, org_code: str, partner_id: Any) -> Response:
        partner = self.partner(partner_id)
        return Response(PartnerSerializer(partner, context=self.get_serializer_context()).data)

    @extend_schema(request=PartnerSerializer, responses=PartnerSerializer)
    def patch(self, request: Request, org_code: str, partner_id: Any) -> Response:
        partner = self.partner(partner_id)
        data = PartnerSerializer(partner, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        services.partner_update(
            actor=request.user,
            organization=self.organization,
            partner=self.partner(partner_id),
            **data.validated_data,
        )
        fresh = self.partner(partner_id)
        return Response(PartnerSerializer(fresh, context=self.get_serializer_context()).data)


class CertificationListView(PartnersMixin, APIView):
    """The partner's certifications; POST records one."""

    permissions = {"GET": "partners.view", "POST": "partners.manage"}

    @extend_schema(responses=CertificationSerializer(many=True))
    def get(self, request: Request, org_code: str, partner_id: Any) -> Response:
        partner = self.partner(partner_id)
        certs = Certification.objects.filter(organization=self.organization, partner=partner)
        return Response(CertificationSerializer(certs, many=True).data)

    @extend_schema(request=CertificationSerializer, responses={201: CertificationSerializer})
    def post(self, request: Request, org_code: str, partner_id: Any) -> Response:
        partner = self.partner(partner_id)
        data = CertificationSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        cert = services.certification_add(
            actor=request.user,
            organization=self.organization,
            partner=partner,
            **data.validated_data,
        )
        return Response(CertificationSerializer(cert).data, status=status.HTTP_201_CREATED)


class CertificationDetailView(PartnersMixin, APIView):
    """A certification; PATCH records a status check or corrects it (not its program)."""

    permissions = {"GET": "partners.view", "PATCH": "partners.manage"}

    def certification(self, certification_id: Any) -> Certification:
        return get_object_or_404(
            Certification.objects.select_related("partner"),
            organization=self.organization,
            pk=certification_id,
        )

    @extend_schema(responses=CertificationSerializer)
    def get(self, request: Request, org_code: str, certification_id: Any) -> Response:
        return Response(CertificationSerializer(self.certification(certification_id)).data)

    @extend_schema(request=CertificationSerializer, responses=CertificationSerializer)
    def patch(self, request: Request, org_code: str, certification_id: Any) -> Response:
        cert = self.certification(certification_id)
        data = CertificationSerializer(
            cert, data=request.data, partial=True, context=self.get_serializer_context()
        )
        data.is_valid(raise_exception=True)
        changes = dict(data.validated_data)
        if "program" in changes and changes.pop("program") != cert.program:
            raise exceptions.ValidationError(
                {"program": ["The program cannot change: record a new certification."]}
            )
        cert = services.certification_update(
            actor=request.user, organization=self.organization, certification=cert, **changes
        )
        return Response(CertificationSerializer(cert).data)
