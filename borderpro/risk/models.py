"""The supply chain risk assessment: flows (step 1), threat ratings (step 2),
vulnerabilities per catalogue category (step 3), the action plan (step 5) and the signed
approvals. Risks (step 4) are computed from ratings through the assessment's matrix
(``borderpro.risk.register``), never typed."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import ChainedRecord, TenantModel
from borderpro.risk import scoring
from borderpro.risk.flowtext import data_flow_problems


class Assessment(TenantModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        APPROVED = "approved", _("Approved")

    class Kind(models.TextChoices):
        YEARLY = "yearly", _("Yearly review")
        TRIGGERED = "triggered", _("Early review")

    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.YEARLY)
    trigger = models.CharField(_("reason for the early review"), max_length=300, blank=True)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    assessed_on = models.DateField(_("assessment date"))
    scope = models.TextField(
        _("scope"),
        blank=True,
        help_text=_("Which supply chains, sites and lines of business the assessment covers."),
    )
    participants = models.TextField(
        _("participants"), blank=True, help_text=_("One per line: name — role.")
    )
    method = models.TextField(_("method"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    based_on = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followers",
        verbose_name=_("based on"),
    )
    framework = models.ForeignKey(
        "catalogue.Framework",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("criteria assessed against"),
    )
    matrix = models.JSONField(_("risk matrix"), default=list)
    review_due_on = models.DateField(_("next review due"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "-created_at"]
        verbose_name = _("risk assessment")
        verbose_name_plural = _("risk assessments")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="risk_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "in_review", "approved"]),
                name="risk_assessment_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="risk_year_plausible"
            ),
        ]
        indexes = [models.Index(fields=["organization", "-year"])]

    def __str__(self) -> str:
        return str(_("Risk assessment %(year)s") % {"year": self.year})

    @property
    def size(self) -> int:
        return len(self.matrix) if self.matrix else 3

    def get_matrix(self) -> scoring.Matrix:
        return scoring.Matrix.from_rows(self.matrix)

    @property
    def is_locked(self) -> bool:
        return self.status != self.Status.DRAFT

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period must end on or after the day it starts.")
        if self.year and self.period_start and abs(self.period_start.year - self.year) > 1:
            errors["period_start"] = _("The period must start in or next to the year %(year)s.") % {
                "year": self.year
            }
        if self.review_due_on and self.assessed_on and self.review_due_on <= self.assessed_on:
            errors["review_due_on"] = _("The next review must be after the assessment date.")
        try:
            scoring.Matrix.from_rows(self.matrix)
        except scoring.MatrixError as exc:
            errors["matrix"] = exc.message
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        if self.period_start and self.period_end and self.period_end < self.period_start:
            exclude.add("period_end")
        super().validate_constraints(exclude=exclude)


class Flow(TenantModel):
    """Step 1: one supply chain (lane) from origin to destination."""

    class Mode(models.TextChoices):
        HIGHWAY = "highway", _("Highway")
        RAIL = "rail", _("Rail")
        MARINE = "marine", _("Marine")
        AIR = "air", _("Air")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="flows")
    name = models.CharField(_("name"), max_length=200)
    origin = models.CharField(_("origin"), max_length=200)
    destination = models.CharField(_("destination"), max_length=200)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.HIGHWAY)
    crossings = models.TextField(_("border crossings"), blank=True, help_text=_("One per line."))
    stops = models.TextField(
        _("stops and at-rest points"),
        blank=True,
        help_text=_("One per line, e.g. Yard – Milton ON (trailer drop, overnight)."),  # noqa: RUF001
    )
    partners = models.TextField(
        _("business partners"),
        blank=True,
        help_text=_("One per line: partner — role on this leg, e.g. Lakeshore Cartage — drayage."),
    )
    cargo = models.CharField(_("cargo types"), max_length=300, blank=True)
    data_flow = models.TextField(
        _("data flow"),
        blank=True,
        help_text=_(
            "One per line: sender → receiver: what is sent, e.g. "
            "Dispatch → Lakeshore Cartage: seal numbers. Use “us” for the company."
        ),
    )
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("flow")
        verbose_name_plural = _("flows")
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="risk_flow_name_required"),
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    @property
    def crossing_list(self) -> list[str]:
        return self.lines(self.crossings)

    @property
    def stop_list(self) -> list[str]:
        return self.lines(self.stops)

    @property
    def partner_list(self) -> list[str]:
        return self.lines(self.partners)

    @property
    def data_flow_list(self) -> list[str]:
        return self.lines(self.data_flow)

    def clean(self) -> None:
        problems = data_flow_problems(self.data_flow, self.partners, self.stops)
        if problems:
            raise ValidationError({"data_flow": problems})


class ThreatRating(TenantModel):
    """Step 2: one threat of the library rated for the whole assessment or one flow."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="threat_ratings"
    )
    flow = models.ForeignKey(
        Flow,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="threat_ratings",
        verbose_name=_("flow"),
    )
    threat = models.CharField(_("threat"), max_length=40)
    level = models.PositiveSmallIntegerField(_("rating"))
    justification = models.TextField(_("justification"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["threat"]
        verbose_name = _("threat rating")
        verbose_name_plural = _("threat ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "threat"],
                condition=Q(flow__isnull=True),
                name="risk_threat_once_overall",
            ),
            models.UniqueConstraint(
                fields=["assessment", "flow", "threat"], name="risk_threat_once_per_flow"
            ),
            models.CheckConstraint(condition=~Q(justification=""), name="risk_threat_justified"),
        ]

    def clean(self) -> None:
        from borderpro.risk import threats

        if threats.get(self.threat) is None:
            raise ValidationError(
                {"threat": _("“%(code)s” is not in the threat library.") % {"code": self.threat}}
            )
        if self.assessment_id and self.level is not None and self.level >= self.assessment.size:
            raise ValidationError({"level": _("Pick a rating of the assessment's scale.")})
        if not (self.justification or "").strip():
            raise ValidationError({"justification": _("Say why the threat has this rating.")})


class Vulnerability(TenantModel):
    """Step 3: how exposed the company is in one catalogue category."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="vulnerabilities"
    )
    category = models.ForeignKey(
        "catalogue.Category", on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    proposed_level = models.PositiveSmallIntegerField(_("proposed rating"))
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    level = models.PositiveSmallIntegerField(_("rating"))
    justification = models.TextField(_("justification of the override"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["category__position", "category__code"]
        verbose_name = _("vulnerability")
        verbose_name_plural = _("vulnerabilities")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "category"], name="risk_vulnerability_once"
            ),
            models.CheckConstraint(
                condition=Q(level=F("proposed_level")) | ~Q(justification=""),
                name="risk_override_justified",
            ),
        ]

    @property
    def overridden(self) -> bool:
        return self.level != self.proposed_level

    def clean(self) -> None:
        if self.assessment_id and self.level is not None and self.level >= self.assessment.size:
            raise ValidationError({"level": _("Pick a rating of the assessment's scale.")})
        if self.level != self.proposed_level and not (self.justification or "").strip():
            raise ValidationError(
                {"justification": _("Say why the rating differs from the one proposed.")}
            )

    def validate_constraints(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        exclude.add("justification")  # clean() names the field
        super().validate_constraints(exclude=exclude)


class Action(TenantModel):
    """Step 5: a mitigation in the action plan."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(_("action"), max_length=300)
    detail = models.TextField(_("detail"), blank=True)
    owner = models.CharField(_("owner"), max_length=200)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    completed_on = models.DateField(_("completed"), null=True, blank=True)
    requirement = models.ForeignKey(
        "catalogue.Requirement",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requirement it strengthens"),
    )
    vulnerability = models.ForeignKey(
        Vulnerability,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("weakness it addresses"),
    )
    threat = models.CharField(_("threat"), max_length=40, blank=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "title"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="risk_progress_bounded"),
            models.CheckConstraint(
                condition=Q(status__in=["planned", "in_progress", "done", "cancelled"]),
                name="risk_action_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["organization", "status", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.PLANNED, self.Status.IN_PROGRESS)

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.progress is not None and self.progress > 100:
            errors["progress"] = _("Progress is a percentage, from 0 to 100.")
        if self.due_on and self.due_on.year < 2000:
            errors["due_on"] = _("This due date is not possible.")
        if self.completed_on and self.status != self.Status.DONE:
            errors["completed_on"] = _("Only a done action has a completion date.")
        if self.completed_on and self.assessment_id:
            start = self.assessment.period_start.replace(year=self.assessment.period_start.year - 1)
            if self.completed_on < start:
                errors["completed_on"] = _(
                    "The completion date is long before this assessment's period."
                )
        from borderpro.risk import threats

        if self.threat and threats.get(self.threat) is None:
            errors["threat"] = _("“%(code)s” is not in the threat library.") % {"code": self.threat}
        if errors:
            raise ValidationError(errors)


class Approval(ChainedRecord):
    """A signature on the assessment: typed name, re-authenticated, with the hash of what
    was approved. Append-only and hash-chained."""

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="approvals", db_index=True
    )
    step = models.CharField(_("step"), max_length=10, choices=Step.choices)
    signer_name = models.CharField(_("name typed by the signer"), max_length=200)
    signer_title = models.CharField(_("title"), max_length=120, blank=True)
    content_sha256 = models.CharField(_("hash of the approved content"), max_length=64)

    class Meta(ChainedRecord.Meta):
        ordering = ["seq"]
        verbose_name = _("risk assessment approval")
        verbose_name_plural = _("risk assessment approvals")
