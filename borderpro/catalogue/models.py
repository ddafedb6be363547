"""The requirements catalogue: frameworks, their categories and requirements, the crosswalk.

Shipped frameworks (``owner`` is null) are global reference data loaded from the YAML files
of ``data/``; a consultancy can load its own frameworks (``owner`` is the consultancy), seen
only by that consultancy and its clients. A requirement is keyed by its framework and its
``ref``; the same ref in two editions of one framework family is the same requirement.
Requirements are never deleted: one removed from its file is marked retired, so answers and
notes that point to it survive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from translated_fields import TranslatedField

from borderpro.common.models import TenantModel, UUIDModel

LANGUAGE_CODES = ("en", "fr")


def active_language(language: str | None = None) -> str:
    """``en`` or ``fr`` for the given (or active) language; English when unknown."""
    code = (language or get_language() or "en").lower()[:2]
    return code if code in LANGUAGE_CODES else "en"


def pick(obj: Any, name: str, language: str | None = None) -> str:
    """The text of ``obj.<name>`` in the language, falling back to English when empty."""
    value = getattr(obj, f"{name}_{active_language(language)}", "")
    return value or getattr(obj, f"{name}_en", "") or ""


def _getter(name: str, field: Any) -> Callable[[Any], str]:
    return lambda self: pick(self, name)


def _setter(name: str, field: Any) -> Callable[[Any, str], None]:
    return lambda self, value: setattr(self, f"{name}_{active_language()}", value)


def translated(field: models.Field) -> Any:
    """An EN/FR pair of columns (``<name>_en``, ``<name>_fr``) read in the active language."""
    return TranslatedField(field, languages=LANGUAGE_CODES, attrgetter=_getter, attrsetter=_setter)


def source_is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def source_host(source: str) -> str:
    """The site of a source URL, for a short link text (``cbsa-asfc.gc.ca``)."""
    host = urlsplit(source).netloc if source_is_url(source) else ""
    return host.removeprefix("www.") or source


class Confidence(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    THIRD_PARTY = "third-party", _("Third-party source")
    INFERRED = "inferred", _("Inferred")
    DATED = "dated", _("Dated source")
    UNCONFIRMED = "unconfirmed", _("Unconfirmed")


class Level(models.TextChoices):
    MUST = "must", _("Must")
    SHOULD = "should", _("Should")
    INFO = "info", _("Information")


class Review(models.TextChoices):
    ANNUAL = "annual", _("Every year")
    ON_CHANGE = "on_change", _("When something changes")
    PER_USE = "per_use", _("Each time it is used")
    NONE = "none", _("No set review")


class Relation(models.TextChoices):
    EQUIVALENT = "equivalent", _("Equivalent")
    PARTIAL = "partial", _("Partial")
    RELATED = "related", _("Related")


RELATION_STRENGTH: dict[str, int] = {"equivalent": 3, "partial": 2, "related": 1}


class FrameworkKind(models.TextChoices):
    PROGRAM = "program", _("Program")
    CHECKLIST = "checklist", _("Checklist")
    RECOGNITION = "recognition", _("Recognition")


class Framework(UUIDModel):
    """One edition of a framework (a program, a checklist, a recognition list)."""

    Kind = FrameworkKind

    code = models.CharField(
        _("code"), max_length=40, help_text=_("Family code shared by editions.")
    )
    edition = models.CharField(_("edition"), max_length=40)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = translated(models.CharField(_("name"), max_length=300))
    short_name = translated(models.CharField(_("short name"), max_length=80))
    authority = translated(models.CharField(_("authority"), max_length=300))
    notes = translated(models.TextField(_("notes"), blank=True))
    source_url = models.TextField(_("source"))
    confidence = models.CharField(_("confidence"), max_length=12, choices=Confidence.choices)
    effective_from = models.DateField(_("in effect from"), null=True, blank=True)
    owner = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consultancy"),
        help_text=_("Empty for the shipped catalogue; the consultancy for its own frameworks."),
    )
    is_current = models.BooleanField(_("current edition"), default=False)
    position = models.PositiveSmallIntegerField(default=100, editable=False)
    file_name = models.CharField(_("file"), max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    loaded_at = models.DateTimeField(_("loaded"))
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("loaded by"),
    )

    class Meta:
        ordering = ["position", "code", "-edition"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "edition"],
                condition=models.Q(owner__isnull=True),
                name="framework_shipped_edition_unique",
            ),
            models.UniqueConstraint(
                fields=["owner", "code", "edition"],
                condition=models.Q(owner__isnull=False),
                name="framework_owned_edition_unique",
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(owner__isnull=True, is_current=True),
                name="framework_shipped_one_current",
            ),
            models.UniqueConstraint(
                fields=["owner", "code"],
                condition=models.Q(owner__isnull=False, is_current=True),
                name="framework_owned_one_current",
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__in=Confidence.values),
                name="framework_confidence_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=FrameworkKind.values), name="framework_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["sha256"])]

    def __str__(self) -> str:
        return f"{self.short_name} {self.edition}"

    @property
    def label(self) -> str:
        return f"{self.short_name} {self.edition}"

    @property
    def is_shipped(self) -> bool:
        return self.owner_id is None

    @property
    def source_is_url(self) -> bool:
        return source_is_url(self.source_url)

    @property
    def source_host(self) -> str:
        return source_host(self.source_url)


class Category(UUIDModel):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="categories")
    code = models.CharField(_("code"), max_length=40)
    title = translated(models.CharField(_("title"), max_length=300))
    description = translated(models.TextField(_("description"), blank=True))
    position = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["position"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="category_unique_code"),
        ]

    def __str__(self) -> str:
        return str(self.title)


class Requirement(UUIDModel):
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="requirements")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="requirements")
    ref = models.CharField(_("ref"), max_length=60)
    official_id = models.CharField(
        _("official id"),
        max_length=40,
        blank=True,
        help_text=_("The agency's own number; empty when the agency does not number it."),
    )
    title = translated(models.CharField(_("title"), max_length=300))
    gist = translated(models.TextField(_("what it asks")))
    evidence = translated(models.TextField(_("what a validator expects to see")))
    unconfirmed = translated(models.TextField(_("what is not confirmed"), blank=True))
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    applies_to = models.JSONField(_("applies to"), default=dict, blank=True)
    procedure_required = models.BooleanField(_("written procedure required"), default=False)
    review = models.CharField(_("review"), max_length=12, choices=Review.choices)
    source_url = models.TextField(_("source"))
    confidence = models.CharField(_("confidence"), max_length=12, choices=Confidence.choices)
    position = models.PositiveIntegerField(default=0, editable=False)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    search_en = models.TextField(editable=False, default="")
    search_fr = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(excluded_fields=["search_en", "search_fr", "position"])

    class Meta:
        ordering = ["position"]
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        constraints = [
            models.UniqueConstraint(fields=["framework", "ref"], name="requirement_unique_ref"),
            models.CheckConstraint(
                condition=models.Q(level__in=Level.values), name="requirement_level_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(confidence__in=Confidence.values),
                name="requirement_confidence_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(review__in=Review.values), name="requirement_review_valid"
            ),
        ]
        indexes = [models.Index(fields=["ref"]), models.Index(fields=["framework", "position"])]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None

    @property
    def needs_warning(self) -> bool:
        """Shown with a warning: not confirmed in the cited source, or a gap is noted."""
        return self.confidence != Confidence.CONFIRMED or bool(getattr(self, "unconfirmed_en", ""))

    @property
    def source_is_url(self) -> bool:
        return source_is_url(self.source_url)

    @property
    def source_host(self) -> str:
        return source_host(self.source_url)


class Mapping(UUIDModel):
    """A crosswalk link between requirements of two frameworks, declared once, read both ways."""

    from_requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, related_name="mappings_out"
    )
    to_requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, related_name="mappings_in"
    )
    relation = models.CharField(_("relation"), max_length=12, choices=Relation.choices)

    class Meta:
        verbose_name = _("mapping")
        verbose_name_plural = _("mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["from_requirement", "to_requirement"], name="mapping_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_requirement=models.F("to_requirement")),
                name="mapping_not_self",
            ),
            models.CheckConstraint(
                condition=models.Q(relation__in=Relation.values), name="mapping_relation_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_requirement_id} → {self.to_requirement_id} ({self.relation})"


class GuidanceNote(TenantModel):
    """A consultancy's own advice on a requirement, seen by its consultants and its clients."""

    requirement = models.ForeignKey(
        Requirement, on_delete=models.PROTECT, related_name="guidance_notes"
    )
    text = models.TextField(_("guidance"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("written by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("guidance note")
        verbose_name_plural = _("guidance notes")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "requirement"], name="guidance_note_unique"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]
