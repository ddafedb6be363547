"""Reviews and audits: the review (self-review, mock validation, agency validation, partner
audit), its checklist (requirements, a documented record sample, evidence freshness), the
findings and their corrective actions, the signed annual update and the validation binder
snapshots."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import ChainedRecord, TenantModel

# C-TPAT: the company answers CBP's validation report within 90 days.
CTPAT_RESPONSE_DAYS = 90


class Review(TenantModel):
    class Kind(models.TextChoices):
        SELF_REVIEW = "self_review", _("Annual self-review")
        MOCK_VALIDATION = "mock_validation", _("Consultant mock validation")
        AGENCY_VALIDATION = "agency_validation", _("Agency validation or revalidation")
        PARTNER_AUDIT = "partner_audit", _("Partner audit")

    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")

    class Agency(models.TextChoices):
        CBSA = "cbsa", _("CBSA (PIP)")
        CBP = "cbp", _("CBP (C-TPAT)")

    kind = models.CharField(_("type of review"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    scope = models.TextField(
        _("scope"), blank=True, help_text=_("Sites, lines of business and programs covered.")
    )
    participants = models.TextField(
        _("participants"), blank=True, help_text=_("One per line: name — role.")
    )
    partner_name = models.CharField(
        _("partner audited"), max_length=200, blank=True, help_text=_("For a partner audit.")
    )
    agency = models.CharField(_("agency"), max_length=4, choices=Agency.choices, blank=True)
    agency_report_on = models.DateField(
        _("agency report received on"),
        null=True,
        blank=True,
        help_text=_("C-TPAT: the answer is due 90 days after CBP's validation report."),
    )
    framework = models.ForeignKey(
        "catalogue.Framework",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("criteria reviewed against"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.IN_PROGRESS
    )
    sample_seed = models.PositiveBigIntegerField(_("sample seed"))
    sample_size = models.PositiveSmallIntegerField(_("records sampled per source"), default=5)
    sample_method = models.TextField(_("sampling method"), blank=True)
    readiness = models.PositiveSmallIntegerField(_("readiness (%)"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end", "-created_at"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="reviews_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(sample_size__gte=1) & Q(sample_size__lte=100),
                name="reviews_sample_size_bounded",
            ),
        ]
        indexes = [models.Index(fields=["organization", "-period_end"])]

    def __str__(self) -> str:
        return self.title

    @property
    def response_due_on(self) -> Any:
        """C-TPAT: the company's answer to CBP's validation report, 90 days after it."""
        if self.agency == self.Agency.CBP and self.agency_report_on:
            return self.agency_report_on + timedelta(days=CTPAT_RESPONSE_DAYS)
        return None

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period must end on or after the day it starts.")
        if self.kind == self.Kind.PARTNER_AUDIT and not self.partner_name.strip():
            errors["partner_name"] = _("Name the partner this audit is about.")
        if self.kind == self.Kind.AGENCY_VALIDATION and not self.agency:
            errors["agency"] = _("Say which agency validated the company.")
        if self.kind != self.Kind.AGENCY_VALIDATION and (self.agency or self.agency_report_on):
            errors["agency"] = _("Only an agency validation has an agency and its report.")
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        if self.period_start and self.period_end and self.period_end < self.period_start:
            exclude.add("period_end")
        super().validate_constraints(exclude=exclude)


class ChecklistItem(TenantModel):
    class Category(models.TextChoices):
        REQUIREMENT = "requirement", _("Requirements")
        RECORD = "record", _("Record sample")
        FRESHNESS = "freshness", _("Evidence freshness")

    class Result(models.TextChoices):
        NOT_CHECKED = "not_checked", _("Not checked")
        MET = "met", _("Met")
        NOT_MET = "not_met", _("Not met")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="items")
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    group = models.CharField(_("group"), max_length=200)
    position = models.PositiveIntegerField(default=0)
    requirement = models.ForeignKey(
        "catalogue.Requirement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requirement"),
    )
    source = models.CharField(_("record source"), max_length=60, blank=True)
    ref = models.CharField(_("record"), max_length=80, blank=True)
    day = models.DateField(_("date"), null=True, blank=True)
    title = models.CharField(_("what is checked"), max_length=400)
    context = models.CharField(_("what the records say"), max_length=400, blank=True)
    url = models.CharField(max_length=300, blank=True)
    result = models.CharField(
        _("result"), max_length=16, choices=Result.choices, default=Result.NOT_CHECKED
    )
    notes = models.TextField(_("notes"), blank=True)
    evidence = models.ForeignKey(
        "evidence.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evidence"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "position"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        indexes = [models.Index(fields=["review", "category", "position"])]

    def __str__(self) -> str:
        return self.title


class Finding(TenantModel):
    class Severity(models.TextChoices):
        CRITICAL = "critical", _("Critical")
        MAJOR = "major", _("Major")
        MINOR = "minor", _("Minor")
        OBSERVATION = "observation", _("Observation")

    class Origin(models.TextChoices):
        REVIEW = "review", _("Our review")
        AGENCY = "agency", _("Agency report")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="findings")
    number = models.PositiveSmallIntegerField(_("number"))
    severity = models.CharField(_("severity"), max_length=12, choices=Severity.choices)
    origin = models.CharField(
        _("raised by"), max_length=8, choices=Origin.choices, default=Origin.REVIEW
    )
    title = models.CharField(_("finding"), max_length=300)
    detail = models.TextField(_("detail"), blank=True)
    requirement = models.ForeignKey(
        "catalogue.Requirement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requirement"),
    )
    item = models.ForeignKey(
        ChecklistItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="findings",
        verbose_name=_("checklist item"),
    )
    evidence = models.ForeignKey(
        "evidence.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evidence"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "number"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="reviews_finding_number"),
            models.CheckConstraint(
                condition=Q(severity__in=["critical", "major", "minor", "observation"]),
                name="reviews_finding_severity_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def code(self) -> str:
        return f"F-{self.number:02d}"


class CorrectiveAction(TenantModel):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done, awaiting verification")
        VERIFIED = "verified", _("Verified")
        CANCELLED = "cancelled", _("Cancelled")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("corrective action"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    agency_deadline = models.BooleanField(
        _("deadline set by the agency's action plan"), default=False
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default="open")
    completed_on = models.DateField(_("completed"), null=True, blank=True)
    closure_note = models.TextField(_("how it was closed"), blank=True)
    closure_evidence = models.ForeignKey(
        "evidence.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("evidence of closure"),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verified by"),
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "title"]
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        constraints = [
            # verification by someone other than the owner, enforced by the database too
            models.CheckConstraint(
                condition=Q(verified_by__isnull=True) | ~Q(verified_by=F("owner")),
                name="reviews_action_verifier_not_owner",
            ),
            models.CheckConstraint(
                condition=Q(status="verified", verified_by__isnull=False) | ~Q(status="verified"),
                name="reviews_action_verified_has_verifier",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.IN_PROGRESS, self.Status.DONE)


class AnnualUpdateSignoff(ChainedRecord):
    """The officer's sign-off of the annual update: typed name, re-authenticated, with the
    hash of what was laid out. Append-only and hash-chained."""

    class Program(models.TextChoices):
        PIP = "pip", _("PIP annual update")
        CTPAT = "ctpat", _("C-TPAT annual profile review")

    year = models.PositiveSmallIntegerField(_("year"))
    program = models.CharField(_("program"), max_length=6, choices=Program.choices)
    since = models.DateField(_("changes since"))
    signer_name = models.CharField(_("name typed by the signer"), max_length=200)
    signer_title = models.CharField(_("title"), max_length=120, blank=True)
    content = models.JSONField(_("what was signed"), default=dict)
    content_sha256 = models.CharField(_("hash of the signed content"), max_length=64)

    class Meta(ChainedRecord.Meta):
        ordering = ["-seq"]
        verbose_name = _("annual update sign-off")
        verbose_name_plural = _("annual update sign-offs")


def binder_path(instance: BinderSnapshot, filename: str) -> str:
    return f"binder/{instance.pk}/{filename}"


class BinderSnapshot(TenantModel):
    """A validation binder as built on one day: a ZIP with an indexed PDF, kept privately."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    bundle = models.FileField(upload_to=binder_path, max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    index = models.JSONField(_("index"), default=list)
    seconds = models.FloatField(_("build time (s)"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("validation binder")
        verbose_name_plural = _("validation binders")

    def __str__(self) -> str:
        return f"{self.period_start}–{self.period_end} ({self.language})"  # noqa: RUF001

    @property
    def chains_intact(self) -> bool | None:
        flags = [f.get("chain_intact") for f in self.index if f.get("chain_intact") is not None]
        return all(flags) if flags else None
