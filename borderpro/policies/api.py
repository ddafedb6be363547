"""Policies API: the templates offered, the documents with their versions, signatures (each
checked against the text it signed) and acknowledgements. Approval needs the officer's
password and is done in the browser only."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope, envelope_of
from borderpro.policies import selectors, services
from borderpro.policies.models import Acknowledgement, Document, DocumentVersion


class TemplateSerializer(serializers.Serializer):
    key = serializers.CharField()
    version = serializers.IntegerField()
    title_en = serializers.CharField()
    title_fr = serializers.CharField()
    refs = serializers.ListField(child=serializers.CharField())
    applies_to = serializers.ListField(child=serializers.CharField())
    origin = serializers.CharField(help_text="builtin, or the code of the consultancy")


class DocumentSerializer(serializers.ModelSerializer):
    stage = serializers.SerializerMethodField()
    approval_valid = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "key",
            "title",
            "language",
            "status",
            "stage",
            "version",
            "refs",
            "applies_to",
            "template_key",
            "template_version",
            "review_due_on",
            "approved_at",
            "published_at",
            "approval_valid",
            "updated_at",
        ]
        read_only_fields = fields

    def get_stage(self, doc: Document) -> str:
        return doc.stage(doc.organization.local_today())[0]

    def get_approval_valid(self, doc: Document) -> bool:
        valid = self.context.get("validly_approved")
        if valid is None:
            return selectors.approval_is_valid(doc)
        return doc.pk in valid


class DocumentDetailSerializer(DocumentSerializer):
    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "body"]
        read_only_fields = fields


class GenerateSerializer(serializers.Serializer):
    template = serializers.CharField(max_length=60)
    language = serializers.ChoiceField(choices=["en", "fr"])


class EditSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=200_000)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class VersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentVersion
        fields = ["number", "body", "note", "created_at"]


class ApprovalSerializer(serializers.Serializer):
    step = serializers.CharField()
    version = serializers.IntegerField()
    signer_name = serializers.CharField()
    signer_title = serializers.CharField()
    recorded_at = serializers.DateTimeField()
    content_sha256 = serializers.CharField()
    valid = serializers.BooleanField(help_text="the text is exactly what was signed, and current")


class AcknowledgementSerializer(serializers.ModelSerializer):
    employee = serializers.UUIDField(source="employee_id", read_only=True)

    class Meta:
        model = Acknowledgement
        fields = ["employee", "version", "acknowledged_on"]


ACKNOWLEDGEMENT_LIST = envelope_of("PolicyAcknowledgementList", AcknowledgementSerializer)


class AcknowledgeSerializer(serializers.Serializer):
    employees = serializers.ListField(child=serializers.UUIDField(), min_length=1, max_length=500)
    acknowledged_on = serializers.DateField()


class PoliciesMixin(OrgScopedMixin):
    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()

    def document(self, document_id: Any) -> Document:
        return get_object_or_404(
            Document.objects.filter(organization=self.organization), pk=document_id
        )


def _refused(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        return exceptions.ValidationError(
            {k: [str(m) for e in v for m in e.messages] for k, v in exc.error_dict.items()}
        )
    return exceptions.ValidationError({"detail": exc.messages})


class TemplateListView(PoliciesMixin, APIView):
    """The templates offered to the company (Border Pro's, and its consultancy's own)."""

    permissions = {"GET": "policies.view"}

    @extend_schema(responses=envelope_of("PolicyTemplateList", TemplateSerializer))
    def get(self, request: Request, org_code: str) -> Response:
        rows = [
            {
                "key": t.key,
                "version": t.version,
                "title_en": t.title_in("en"),
                "title_fr": t.title_in("fr"),
                "refs": list(t.refs),
                "applies_to": list(t.applies_to),
                "origin": t.origin,
            }
            for t in selectors.templates_offered(self.organization)
        ]
        return Response(envelope(TemplateSerializer(rows, many=True).data))


class DocumentListView(PoliciesMixin, generics.ListAPIView):
    """The current documents of the manual; POST drafts one from a template."""

    permissions = {"GET": "policies.view", "POST": "policies.edit"}
    serializer_class = DocumentSerializer

    def get_queryset(self) -> Any:
        return selectors.documents(self.organization).select_related("organization")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        context = {
            **self.get_serializer_context(),
            "validly_approved": selectors.validly_approved(page),
        }
        return self.get_paginated_response(
            DocumentSerializer(page, many=True, context=context).data
        )

    @extend_schema(request=GenerateSerializer, responses={201: DocumentDetailSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        data = GenerateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        template = selectors.template_by_key(self.organization, data.validated_data["template"])
        if template is None:
            raise exceptions.ValidationError(
                {"template": ["No template with this key is offered."]}
            )
        try:
            doc = services.document_generate(
                actor=request.user,
                organization=self.organization,
                template=template,
                language=data.validated_data["language"],
            )
        except DjangoValidationError as exc:
            raise _refused(exc) from exc
        return Response(DocumentDetailSerializer(doc).data, status=status.HTTP_201_CREATED)


class DocumentDetailView(PoliciesMixin, APIView):
    """A document with its text; PATCH saves an edited text as a new version."""

    permissions = {"GET": "policies.view", "PATCH": "policies.edit"}

    @extend_schema(responses=DocumentDetailSerializer)
    def get(self, request: Request, org_code: str, document_id: Any) -> Response:
        return Response(DocumentDetailSerializer(self.document(document_id)).data)

    @extend_schema(request=EditSerializer, responses=DocumentDetailSerializer)
    def patch(self, request: Request, org_code: str, document_id: Any) -> Response:
        doc = self.document(document_id)
        data = EditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            doc = services.document_edit(
                actor=request.user,
                organization=self.organization,
                document=doc,
                **data.validated_data,
            )
        except DjangoValidationError as exc:
            raise _refused(exc) from exc
        return Response(DocumentDetailSerializer(doc).data)


class VersionListView(PoliciesMixin, APIView):
    """Every saved version of a document, newest first."""

    permissions = {"GET": "policies.view"}

    @extend_schema(responses=envelope_of("PolicyVersionList", VersionSerializer))
    def get(self, request: Request, org_code: str, document_id: Any) -> Response:
        doc = self.document(document_id)
        return Response(envelope(VersionSerializer(doc.versions.all(), many=True).data))


class ApprovalListView(PoliciesMixin, APIView):
    """The signatures on a document, each checked against the text it signed."""

    permissions = {"GET": "policies.view"}

    @extend_schema(responses=envelope_of("PolicyApprovalList", ApprovalSerializer))
    def get(self, request: Request, org_code: str, document_id: Any) -> Response:
        doc = self.document(document_id)
        rows = [
            {
                "step": c.approval.step,
                "version": c.approval.version,
                "signer_name": c.approval.signer_name,
                "signer_title": c.approval.signer_title,
                "recorded_at": c.approval.recorded_at,
                "content_sha256": c.approval.content_sha256,
                "valid": c.valid,
            }
            for c in selectors.signature_checks(doc)
        ]
        return Response(envelope(ApprovalSerializer(rows, many=True).data))


class AcknowledgementListView(PoliciesMixin, APIView):
    """Who acknowledged a document; POST records employees who read the published version."""

    permissions = {"GET": "policies.view", "POST": "policies.edit"}

    @extend_schema(responses=ACKNOWLEDGEMENT_LIST)
    def get(self, request: Request, org_code: str, document_id: Any) -> Response:
        doc = self.document(document_id)
        return Response(
            envelope(AcknowledgementSerializer(doc.acknowledgements.all(), many=True).data)
        )

    @extend_schema(
        request=AcknowledgeSerializer,
        responses={201: ACKNOWLEDGEMENT_LIST},
    )
    def post(self, request: Request, org_code: str, document_id: Any) -> Response:
        from borderpro.people.models import Employee

        doc = self.document(document_id)
        data = AcknowledgeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ids = set(data.validated_data["employees"])
        employees = list(Employee.objects.filter(organization=self.organization, pk__in=ids))
        if len(employees) != len(ids):
            raise exceptions.ValidationError({"employees": ["Unknown employee."]})
        try:
            services.acknowledgements_record(
                actor=request.user,
                organization=self.organization,
                document=doc,
                employees=employees,
                acknowledged_on=data.validated_data["acknowledged_on"],
            )
        except DjangoValidationError as exc:
            raise _refused(exc) from exc
        return Response(
            envelope(AcknowledgementSerializer(doc.acknowledgements.all(), many=True).data),
            status=status.HTTP_201_CREATED,
        )
