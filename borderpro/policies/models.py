"""Written policies and procedures: a consultancy's own templates, the company's tailored
documents with every saved version, the officer's signatures (append-only, hash-chained)
and employees' acknowledgements."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import ChainedRecord, TenantModel

BODY_MAX = 200_000  # about a hundred pages of Markdown


def text_sha256(text: str) -> str:
    """The hash a signature keeps: SHA-256 of the exact UTF-8 text signed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class LibraryTemplate(TenantModel):
    """A consultancy's own template (or its own copy of one shipped with Border Pro).
    Saving a changed text makes a new version; ``offered`` puts it in its clients' library."""

    key = models.SlugField(_("key"), max_length=60)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    body_en = models.TextField(_("text (English)"))
    body_fr = models.TextField(_("text (French)"), blank=True)
    refs = models.JSONField(_("requirements it answers"), default=list, blank=True)
    applies_to = models.JSONField(_("roles that acknowledge it"), default=list, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    offered = models.BooleanField(_("offered to clients"), default=True)

    history = HistoricalRecords()
    TEXT_MAX_LENGTHS = {"body_en": BODY_MAX, "body_fr": BODY_MAX}

    class Meta:
        ordering = ["key"]
        verbose_name = _("library template")
        verbose_name_plural = _("library templates")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "key"],
                name="policies_template_key_unique",
                violation_error_message=_("A template with this key is already in the library."),
            ),
            models.CheckConstraint(condition=~Q(key=""), name="policies_template_key_required"),
        ]

    def __str__(self) -> str:
        return f"{self.key} v{self.version}"


class Document(TenantModel):
    """A company's policy or procedure, tailored from a template and then edited."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")
        SUPERSEDED = "superseded", _("Superseded")

    key = models.SlugField(_("key"), max_length=60)
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=2, choices=[("en", "English"), ("fr", "Français")]
    )
    body = models.TextField(_("text (Markdown)"))
    refs = models.JSONField(_("requirements it answers"), default=list, blank=True)
    applies_to = models.JSONField(_("roles that acknowledge it"), default=list, blank=True)
    template_key = models.CharField(_("template"), max_length=60, blank=True)
    template_version = models.PositiveIntegerField(_("template version"), null=True, blank=True)
    template_source = models.CharField(_("template source"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    position = models.PositiveSmallIntegerField(_("order in the manual"), default=100)
    replaces = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replacements",
        verbose_name=_("replaces"),
        help_text=_("The published document this revision will supersede once published."),
    )
    review_due_on = models.DateField(_("next review due"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    history = HistoricalRecords()
    TEXT_MAX_LENGTHS = {"body": BODY_MAX}

    class Meta:
        ordering = ["position", "title"]
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["draft", "in_review", "approved", "published", "superseded"]
                ),
                name="policies_document_status_valid",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="policies_document_title_required"),
        ]
        indexes = [models.Index(fields=["organization", "key"])]

    def __str__(self) -> str:
        return self.title

    def review_is_due(self, today: date) -> bool:
        return bool(
            self.status in (self.Status.APPROVED, self.Status.PUBLISHED)
            and self.review_due_on
            and self.review_due_on <= today
        )

    def stage(self, today: date) -> tuple[str, Any]:
        """(code, label) of the lifecycle stage, "review due" included."""
        if self.review_is_due(today):
            return "review_due", _("Review due")
        return self.status, self.get_status_display()


class DocumentVersion(TenantModel):
    """The exact text of a document each time it was saved (never changed afterwards)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    body = models.TextField(_("text"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    TEXT_MAX_LENGTHS = {"body": BODY_MAX}

    class Meta:
        ordering = ["-number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="policies_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document} v{self.number}"


class Approval(ChainedRecord):
    """A signature on one version of a document: typed name, re-authenticated, timestamp
    (``recorded_at``) and the SHA-256 of the exact text signed. Append-only, hash-chained."""

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="approvals", db_index=True
    )
    version = models.PositiveIntegerField(_("version signed"))
    step = models.CharField(_("step"), max_length=10, choices=Step.choices)
    signer_name = models.CharField(_("name typed by the signer"), max_length=200)
    signer_title = models.CharField(_("title"), max_length=120, blank=True)
    content_sha256 = models.CharField(_("hash of the signed text"), max_length=64)

    class Meta(ChainedRecord.Meta):
        ordering = ["seq"]
        verbose_name = _("policy approval")
        verbose_name_plural = _("policy approvals")


class Acknowledgement(TenantModel):
    """An employee has read one published version of a policy."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    employee = models.ForeignKey(
        "people.Employee", on_delete=models.CASCADE, related_name="policy_acknowledgements"
    )
    version = models.PositiveIntegerField(_("version"))
    acknowledged_on = models.DateField(_("acknowledged on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    PAST_DATES = ("acknowledged_on",)

    class Meta:
        ordering = ["-acknowledged_on"]
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "employee", "version"],
                name="policies_ack_once_per_version",
                violation_error_message=_("This employee already acknowledged this version."),
            )
        ]
