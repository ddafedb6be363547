"""The evidence vault: private files that prove requirements are met."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel


def evidence_path(instance: EvidenceFile, filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"evidence/{instance.organization_id}/{instance.pk}.{extension}"


class EvidenceFile(TenantModel):
    class Origin(models.TextChoices):
        DOCUMENT = "document", _("Document")
        FIELD = "field", _("Field attachment")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    proves = models.TextField(
        _("what it proves"),
        blank=True,
        help_text=_("The requirement, policy or practice this file is proof of."),
    )
    document_date = models.DateField(_("document date"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField("SHA-256", max_length=64)
    content_type = models.CharField(_("type"), max_length=120)
    type_label = models.CharField(_("type"), max_length=40)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    origin = models.CharField(
        _("origin"),
        max_length=10,
        choices=Origin.choices,
        default=Origin.DOCUMENT,
        help_text=_(
            "A field attachment (a photo or drawn signature) belongs to its inspection, seal "
            "event or incident; the vault list and the evidence picker leave it out unless asked."
        ),
    )

    history = HistoricalRecords(excluded_fields=["file"])

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "sha256"], name="evidence_unique_content"
            ),
            models.CheckConstraint(condition=models.Q(size__gt=0), name="evidence_not_empty"),
        ]
        indexes = [
            models.Index(fields=["organization", "-created_at"]),
            models.Index(fields=["organization", "expires_on"]),
            models.Index(
                fields=["organization", "origin", "-created_at"], name="evidence_org_origin"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def expiry_state(self, today: date) -> str:
        if self.expires_on is None:
            return "none"
        if self.expires_on < today:
            return "expired"
        if (self.expires_on - today).days <= 60:
            return "expiring"
        return "valid"
