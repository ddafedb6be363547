"""Read-only catalogue API: frameworks, categories, requirements and mappings.

Texts come in one language: ``?lang=fr`` or ``?lang=en`` when given, else the request's
``Accept-Language``, else the user's language. The response says which in
``Content-Language``. A consultancy's own frameworks are listed only for that consultancy
and its clients, exactly as on the pages.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import exceptions, generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.catalogue import selectors
from borderpro.catalogue.models import (
    LANGUAGE_CODES,
    Category,
    Confidence,
    Framework,
    FrameworkKind,
    Level,
    Mapping,
    Requirement,
    pick,
)
from borderpro.catalogue.selectors import RequirementFilters, Visibility

LANG = OpenApiParameter(
    "lang",
    str,
    enum=list(LANGUAGE_CODES),
    description="Language of the texts (default: Accept-Language, then the user's language)",
)


@extend_schema_field(OpenApiTypes.STR)
class TranslatedText(serializers.Field):
    """A catalogue text in the request's language (English when the French one is empty)."""

    def __init__(self, name: str, **kwargs: Any) -> None:
        self.text_name = name
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str:
        return pick(value, self.text_name, self.context.get("language"))


@extend_schema_field(
    {"type": "string", "description": "One of: " + ", ".join(FrameworkKind.values)}
)
class FrameworkKindField(serializers.CharField):
    """The framework kind. Not an OpenAPI enum: other apps have a ``kind`` enum of their own."""


class FrameworkRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    edition = serializers.CharField()
    short_name = TranslatedText("short_name")


class CategoryRefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    title = TranslatedText("title")


class CategorySerializer(serializers.ModelSerializer):
    title = TranslatedText("title")
    description = TranslatedText("description")
    framework = serializers.UUIDField(source="framework_id")
    requirement_count = serializers.IntegerField(source="n_requirements", read_only=True)

    class Meta:
        model = Category
        fields = ["id", "framework", "code", "title", "description", "requirement_count"]


class FrameworkSerializer(serializers.ModelSerializer):
    kind = FrameworkKindField(read_only=True)
    name = TranslatedText("name")
    short_name = TranslatedText("short_name")
    authority = TranslatedText("authority")
    notes = TranslatedText("notes")
    consultancy = serializers.SerializerMethodField()
    requirement_count = serializers.IntegerField(source="n_requirements", read_only=True)

    class Meta:
        model = Framework
        fields = [
            "id",
            "code",
            "edition",
            "kind",
            "name",
            "short_name",
            "authority",
            "notes",
            "source_url",
            "confidence",
            "effective_from",
            "is_current",
            "consultancy",
            "requirement_count",
            "loaded_at",
        ]

    def get_consultancy(self, obj: Framework) -> str | None:
        """The code of the consultancy that loaded it; null for the shipped catalogue."""
        return obj.owner.code if obj.owner_id and obj.owner else None


class FrameworkDetailSerializer(FrameworkSerializer):
    categories = serializers.SerializerMethodField()

    class Meta(FrameworkSerializer.Meta):
        fields = [*FrameworkSerializer.Meta.fields, "categories"]

    @extend_schema_field(CategorySerializer(many=True))
    def get_categories(self, obj: Framework) -> Any:
        return CategorySerializer(self.context["categories"], many=True, context=self.context).data


class RequirementSerializer(serializers.ModelSerializer):
    framework = FrameworkRefSerializer()
    category = CategoryRefSerializer()
    title = TranslatedText("title")
    gist = TranslatedText("gist")
    evidence = TranslatedText("evidence")
    unconfirmed = TranslatedText("unconfirmed")
    official_id = serializers.SerializerMethodField()

    class Meta:
        model = Requirement
        fields = [
            "id",
            "ref",
            "official_id",
            "framework",
            "category",
            "title",
            "gist",
            "evidence",
            "level",
            "applies_to",
            "procedure_required",
            "review",
            "source_url",
            "confidence",
            "unconfirmed",
            "retired_at",
        ]

    def get_official_id(self, obj: Requirement) -> str | None:
        """The agency's own number, or null when the agency does not number it."""
        return obj.official_id or None


class LinkSerializer(serializers.Serializer):
    requirement = serializers.UUIDField(source="other.pk")
    ref = serializers.CharField(source="other.ref")
    framework = serializers.CharField(source="other.framework.code")
    edition = serializers.CharField(source="other.framework.edition")
    title = serializers.SerializerMethodField()
    relation = serializers.CharField()
    direction = serializers.SerializerMethodField()

    def get_title(self, obj: selectors.Link) -> str:
        return pick(obj.other, "title", self.context.get("language"))

    def get_direction(self, obj: selectors.Link) -> str:
        """``to`` when this requirement's file declares the mapping, ``from`` otherwise."""
        return "to" if obj.declared_here else "from"


class NoteSerializer(serializers.Serializer):
    consultancy = serializers.CharField(source="organization.name")
    text = serializers.CharField()
    edition = serializers.CharField(source="requirement.framework.edition")
    updated_at = serializers.DateTimeField()


class RequirementDetailSerializer(RequirementSerializer):
    mappings = serializers.SerializerMethodField()
    guidance_notes = serializers.SerializerMethodField()

    class Meta(RequirementSerializer.Meta):
        fields = [*RequirementSerializer.Meta.fields, "mappings", "guidance_notes"]

    @extend_schema_field(LinkSerializer(many=True))
    def get_mappings(self, obj: Requirement) -> Any:
        return LinkSerializer(self.context["links"], many=True, context=self.context).data

    @extend_schema_field(NoteSerializer(many=True))
    def get_guidance_notes(self, obj: Requirement) -> Any:
        return NoteSerializer(self.context["notes"], many=True).data


class MappingEndSerializer(serializers.Serializer):
    requirement = serializers.UUIDField(source="pk")
    ref = serializers.CharField()
    framework = serializers.CharField(source="framework.code")
    edition = serializers.CharField(source="framework.edition")


class MappingSerializer(serializers.ModelSerializer):
    from_requirement = MappingEndSerializer()
    to_requirement = MappingEndSerializer()

    class Meta:
        model = Mapping
        fields = ["id", "from_requirement", "to_requirement", "relation"]


# --- Views ------------------------------------------------------------------------------


def request_language(request: Request) -> str:
    """``?lang=``, else an explicit Accept-Language, else the active (user's) language."""
    asked = request.query_params.get("lang", "").lower()[:2]
    if asked in LANGUAGE_CODES:
        return asked
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    if header:
        for code, _quality in parse_accept_lang_header(header):
            if code == "*":
                break
            if code.lower()[:2] in LANGUAGE_CODES:
                return code.lower()[:2]
    active = (translation.get_language() or "en")[:2]
    return active if active in LANGUAGE_CODES else "en"


class CatalogueApiMixin(OrgScopedMixin):
    permissions = {"GET": "catalogue.view"}
    language: str = "en"
    params: Any = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.language = request_language(request)
        self.params = request.query_params

    @property
    def vis(self) -> Visibility:
        if not hasattr(self, "_vis"):
            self._vis = selectors.visibility_for(self.access)
        return self._vis

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["language"] = self.language
        return context

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        if response.status_code < 400:
            response["Content-Language"] = request_language(request)
            response["Vary"] = "Accept-Language, Cookie, Authorization"
        return response

    def framework_param(self) -> Framework | None:
        value = self.params.get("framework", "")
        framework = selectors.framework_resolve(self.vis, value)
        if value and framework is None:
            raise exceptions.ValidationError({"framework": [_("No such framework.")]})
        return framework


class FrameworkListView(CatalogueApiMixin, generics.ListAPIView):
    """Every framework edition the organization can see (shipped, and its consultancy's)."""

    serializer_class = FrameworkSerializer

    @extend_schema(
        parameters=[LANG, OpenApiParameter("current", bool, description="Only current editions")]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        rows = selectors.frameworks_with_counts(self.vis)
        if self.params.get("current") in ("1", "true"):
            rows = [f for f in rows if f.is_current]
        return rows


class FrameworkDetailView(CatalogueApiMixin, APIView):
    @extend_schema(parameters=[LANG], responses=FrameworkDetailSerializer)
    def get(self, request: Request, org_code: str, framework_id: str) -> Response:
        selectors.framework_get(self.vis, framework_id)
        framework = next(
            f for f in selectors.frameworks_with_counts(self.vis) if str(f.pk) == str(framework_id)
        )
        context = {
            **self.get_serializer_context(),
            "categories": selectors.categories_of(self.vis, framework),
        }
        return Response(FrameworkDetailSerializer(framework, context=context).data)

    def get_serializer_context(self) -> dict[str, Any]:
        return {"language": self.language}


class CategoryListView(CatalogueApiMixin, generics.ListAPIView):
    """Categories of a framework (``?framework=`` id or code), or of every current edition."""

    serializer_class = CategorySerializer

    @extend_schema(
        parameters=[
            LANG,
            OpenApiParameter("framework", str, description="Framework id or family code"),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.categories_of(self.vis, self.framework_param())


class RequirementListView(CatalogueApiMixin, generics.ListAPIView):
    """Requirements of the current editions (or of ``?framework=``), with search and filters."""

    serializer_class = RequirementSerializer

    @extend_schema(
        parameters=[
            LANG,
            OpenApiParameter(
                "framework", str, description="Framework id or family code (current edition)"
            ),
            OpenApiParameter(
                "category", str, description="Category id, or code within the framework"
            ),
            OpenApiParameter("level", str, enum=Level.values),
            OpenApiParameter("confidence", str, enum=Confidence.values),
            OpenApiParameter("procedure_required", bool),
            OpenApiParameter(
                "q",
                str,
                description="Words in the title, summary or evidence hint (in the language)",
            ),
            OpenApiParameter(
                "retired", bool, description="Retired requirements instead of active ones"
            ),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        params = self.params
        framework = self.framework_param()
        category = None
        if params.get("category"):
            category = selectors.category_resolve(self.vis, params["category"], framework)
            if category is None:
                raise exceptions.ValidationError({"category": [_("No such category.")]})
        errors = {}
        if params.get("level", "") not in ("", *Level.values):
            errors["level"] = [_("Use one of: %(choices)s.") % {"choices": ", ".join(Level.values)}]
        if params.get("confidence", "") not in ("", *Confidence.values):
            errors["confidence"] = [
                _("Use one of: %(choices)s.") % {"choices": ", ".join(Confidence.values)}
            ]
        procedure = params.get("procedure_required", "").lower()
        if procedure not in ("", "true", "false", "1", "0"):
            errors["procedure_required"] = [_("Use true or false.")]
        if errors:
            raise exceptions.ValidationError(errors)
        filters = RequirementFilters(
            q=params.get("q", "")[:200],
            framework=framework,
            category=category,
            level=params.get("level", ""),
            confidence=params.get("confidence", ""),
            procedure={"true": True, "1": True, "false": False, "0": False}.get(procedure),
            retired=params.get("retired") in ("1", "true"),
            language=self.language,
        )
        return selectors.requirement_search(self.vis, filters)


class RequirementDetailView(CatalogueApiMixin, APIView):
    @extend_schema(parameters=[LANG], responses=RequirementDetailSerializer)
    def get(self, request: Request, org_code: str, requirement_id: str) -> Response:
        requirement = selectors.requirement_get(self.vis, requirement_id)
        context = {
            "language": self.language,
            "links": selectors.links_of(self.vis, requirement),
            "notes": selectors.guidance_notes_for(self.vis, requirement),
        }
        return Response(RequirementDetailSerializer(requirement, context=context).data)


class MappingListView(CatalogueApiMixin, generics.ListAPIView):
    """Crosswalk mappings between current editions, or touching ``?framework=``."""

    serializer_class = MappingSerializer

    @extend_schema(
        parameters=[OpenApiParameter("framework", str, description="Framework id or family code")]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return selectors.mappings_visible(self.vis, self.framework_param())
