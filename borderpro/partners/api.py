"""Partners API: the register with each partner's risk and status, and certifications."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.catalogue.models import Requirement
from borderpro.evidence.models import EvidenceFile
from borderpro.partners import library as lib
from borderpro.partners import questionnaires as qs
from borderpro.partners import rules, selectors, services
from borderpro.partners.models import (
    Certification,
    LibraryAnswer,
    Partner,
    Question,
    Questionnaire,
    QuestionnaireAnswer,
    QuestionSet,
)


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
            "code",
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


# --- questionnaires and the answer library -------------------------------------------------


class QuestionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Question
        fields = ["id", "position", "text_en", "text_fr", "topic", "asks_for_file"]


class QuestionSetSerializer(serializers.ModelSerializer):
    questions = QuestionSerializer(many=True, read_only=True)

    class Meta:
        model = QuestionSet
        fields = ["id", "name", "partner_kind", "version", "active", "questions"]


class AnswerSerializer(serializers.ModelSerializer):
    attachment = serializers.UUIDField(source="attachment_id", read_only=True, allow_null=True)

    class Meta:
        model = QuestionnaireAnswer
        fields = ["key", "text", "attachment"]


class SnapshotQuestionSerializer(serializers.Serializer):
    key = serializers.CharField()
    text_en = serializers.CharField()
    text_fr = serializers.CharField(allow_blank=True)
    topic = serializers.CharField(allow_blank=True)
    asks_for_file = serializers.BooleanField()


class QuestionnaireSerializer(serializers.ModelSerializer):
    partner = serializers.UUIDField(source="partner_id", read_only=True)
    question_set = serializers.UUIDField(source="question_set_id", read_only=True, allow_null=True)
    status = serializers.SerializerMethodField()

    class Meta:
        model = Questionnaire
        fields = [
            "id",
            "partner",
            "question_set",
            "set_name",
            "set_version",
            "status",
            "sent_to",
            "sent_at",
            "expires_at",
            "revoked_at",
            "submitted_at",
            "reminders",
            "reviewed_at",
            "outcome",
            "review_notes",
        ]
        extra_kwargs = {"outcome": {"allow_blank": True}}

    def get_status(self, q: Questionnaire) -> str:
        return q.status_at(timezone.now())


class QuestionnaireDetailSerializer(QuestionnaireSerializer):
    questions = SnapshotQuestionSerializer(many=True, read_only=True)
    answers = AnswerSerializer(many=True, read_only=True)

    class Meta(QuestionnaireSerializer.Meta):
        fields = [*QuestionnaireSerializer.Meta.fields, "questions", "answers"]


class SendSerializer(serializers.Serializer):
    question_set = serializers.UUIDField()
    days = serializers.IntegerField(min_value=1, max_value=90, default=qs.LINK_DAYS)
    language = serializers.ChoiceField(choices=["en", "fr"], default="en")


class SentSerializer(serializers.Serializer):
    questionnaire = QuestionnaireSerializer()
    link = serializers.URLField(
        help_text="The private link, returned this once: only its hash is kept."
    )
    emailed = serializers.BooleanField()


class ReviewSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Partner.Outcome.choices)
    notes = serializers.CharField(required=False, allow_blank=True, max_length=5000, default="")


class LibraryAnswerSerializer(serializers.ModelSerializer):
    requirement = serializers.CharField(source="requirement.ref", read_only=True)
    framework = serializers.CharField(source="requirement.framework.code", read_only=True)

    class Meta:
        model = LibraryAnswer
        fields = ["id", "requirement", "framework", "answer", "source", "updated_at"]


class LibraryAnswerWriteSerializer(serializers.Serializer):
    requirement = serializers.CharField(max_length=80, help_text="Catalogue ref, e.g. CTPAT-HC-3.1")
    answer = serializers.CharField(max_length=20000)


def _refuse(exc: ValidationError) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
    )


class QuestionSetListView(PartnersMixin, generics.ListAPIView):
    """The question sets, each with its current questions."""

    permissions = {"GET": "partners.view"}
    serializer_class = QuestionSetSerializer

    def get_queryset(self) -> Any:
        return QuestionSet.objects.filter(organization=self.organization).prefetch_related(
            "questions"
        )


class QuestionnaireListView(PartnersMixin, generics.ListAPIView):
    """Questionnaires sent to partners, newest first."""

    permissions = {"GET": "partners.view"}
    serializer_class = QuestionnaireSerializer

    def get_queryset(self) -> Any:
        return Questionnaire.objects.filter(organization=self.organization).order_by("-sent_at")


class QuestionnaireSendView(PartnersMixin, APIView):
    """Send a questionnaire to the partner by private link (emailed to its contact)."""

    permissions = {"POST": "partners.manage"}

    @extend_schema(request=SendSerializer, responses={201: SentSerializer})
    def post(self, request: Request, org_code: str, partner_id: Any) -> Response:
        partner = self.partner(partner_id)
        data = SendSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        qset = QuestionSet.objects.filter(
            organization=self.organization, pk=data.validated_data["question_set"]
        ).first()
        if qset is None:
            raise exceptions.ValidationError({"question_set": ["No such question set."]})
        try:
            sent = qs.questionnaire_send(
                actor=request.user,
                organization=self.organization,
                partner=partner,
                question_set=qset,
                days=data.validated_data["days"],
                language=data.validated_data["language"],
            )
        except ValidationError as exc:
            raise _refuse(exc) from exc
        body = {
            "questionnaire": QuestionnaireSerializer(sent.questionnaire).data,
            "link": request.build_absolute_uri(qs.link_path(sent.token)),
            "emailed": sent.emailed,
        }
        return Response(body, status=status.HTTP_201_CREATED)


class QuestionnaireDetailView(PartnersMixin, APIView):
    """One questionnaire with its questions (as sent) and the partner's answers."""

    permissions = {"GET": "partners.view"}

    @extend_schema(responses=QuestionnaireDetailSerializer)
    def get(self, request: Request, org_code: str, questionnaire_id: Any) -> Response:
        q: Questionnaire = get_object_or_404(
            Questionnaire.objects.prefetch_related("answers"),
            organization=self.organization,
            pk=questionnaire_id,
        )
        return Response(QuestionnaireDetailSerializer(q).data)


class QuestionnaireReviewView(PartnersMixin, APIView):
    """Review a submitted questionnaire; the outcome is recorded as a screening."""

    permissions = {"POST": "partners.manage"}

    @extend_schema(request=ReviewSerializer, responses=QuestionnaireSerializer)
    def post(self, request: Request, org_code: str, questionnaire_id: Any) -> Response:
        q: Questionnaire = get_object_or_404(
            Questionnaire.objects.select_related("partner"),
            organization=self.organization,
            pk=questionnaire_id,
        )
        data = ReviewSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            q = qs.questionnaire_review(
                actor=request.user,
                organization=self.organization,
                questionnaire=q,
                **data.validated_data,
            )
        except ValidationError as exc:
            raise _refuse(exc) from exc
        return Response(QuestionnaireSerializer(q).data)


class QuestionnaireRevokeView(PartnersMixin, APIView):
    """Revoke the questionnaire's link: it opens nothing any more."""

    permissions = {"POST": "partners.manage"}

    @extend_schema(request=None, responses=QuestionnaireSerializer)
    def post(self, request: Request, org_code: str, questionnaire_id: Any) -> Response:
        q: Questionnaire = get_object_or_404(
            Questionnaire.objects.select_related("partner"),
            organization=self.organization,
            pk=questionnaire_id,
        )
        try:
            q = qs.questionnaire_revoke(actor=request.user, questionnaire=q)
        except ValidationError as exc:
            raise _refuse(exc) from exc
        return Response(QuestionnaireSerializer(q).data)


class LibraryListView(PartnersMixin, generics.ListAPIView):
    """The answer library; POST adds or replaces the answer to one requirement."""

    permissions = {"GET": "partners.view", "POST": "partners.manage"}
    serializer_class = LibraryAnswerSerializer

    def get_queryset(self) -> Any:
        return lib.library(self.organization)

    @extend_schema(request=LibraryAnswerWriteSerializer, responses={201: LibraryAnswerSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        data = LibraryAnswerWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        requirement = (
            Requirement.objects.filter(
                ref__iexact=data.validated_data["requirement"].strip(),
                framework__is_current=True,
                framework__owner__isnull=True,
                retired_at__isnull=True,
            )
            .select_related("framework")
            .first()
        )
        if requirement is None:
            raise exceptions.ValidationError(
                {"requirement": ["No current requirement has this reference in the catalogue."]}
            )
        try:
            entry = lib.library_answer_save(
                actor=request.user,
                organization=self.organization,
                requirement=requirement,
                answer=data.validated_data["answer"],
            )
        except ValidationError as exc:
            raise _refuse(exc) from exc
        return Response(LibraryAnswerSerializer(entry).data, status=status.HTTP_201_CREATED)
