"""Business partners, their security certifications and their screenings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.dates import format_day
from borderpro.common.models import TenantModel
from borderpro.partners import rules


class Partner(TenantModel):
    class Kind(models.TextChoices):
        SHIPPER = "shipper", _("Shipper / customer")
        SUB_CARRIER = "sub_carrier", _("Sub-carrier")
        OWNER_OPERATOR = "owner_operator", _("Owner-operator")
        CUSTOMS_BROKER = "customs_broker", _("Customs broker")
        WAREHOUSE = "warehouse", _("Warehouse")
        IT_PROVIDER = "it_provider", _("IT provider")
        SECURITY_CONTRACTOR = "security_contractor", _("Security contractor")
        CLEANING_CONTRACTOR = "cleaning_contractor", _("Cleaning contractor")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        APPROVED_CONDITIONS = "approved_conditions", _("Approved with conditions")
        CORRECTIVE_ACTION = "corrective_action", _("Corrective action requested")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=24, choices=Kind.choices)
    country = models.CharField(
        _("country"), max_length=2, help_text=_("Two-letter code, e.g. CA, US, MX.")
    )
    services = models.CharField(_("services"), max_length=300, blank=True)
    code = models.CharField(
        _("code"),
        max_length=20,
        blank=True,
        help_text=_(
            "A short reference for field records: the seal log notes a sub-carrier's loads "
            "with it, e.g. QLC."
        ),
    )
    contact_name = models.CharField(_("contact"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    written_contract_on = models.DateField(
        _("written security contract signed"),
        null=True,
        blank=True,
        help_text=_(
            "For sub-carriers not certified under C-TPAT: the date of the written contract."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    # Kept by the screening service: the latest screening's date, outcome and next due date.
    last_screened_on = models.DateField(_("last screened"), null=True, blank=True, editable=False)
    screening_outcome = models.CharField(
        _("last outcome"), max_length=24, choices=Outcome.choices, blank=True, editable=False
    )
    next_screening_due = models.DateField(
        _("next screening due"), null=True, blank=True, editable=False
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("business partner")
        verbose_name_plural = _("business partners")
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="partners_partner_name_required"),
            models.CheckConstraint(
                condition=Q(kind__in=[k for k, _l in rules.KIND_POINTS.items()]),
                name="partners_partner_kind_valid",
            ),
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="partners_partner_name_unique",
                violation_error_message=_("A partner with this name is already in the register."),
            ),
            models.UniqueConstraint(
                fields=["organization", "code"],
                condition=~Q(code=""),
                name="partners_partner_code_unique",
                violation_error_message=_("Another partner already has this code."),
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "kind"]),
            models.Index(fields=["organization", "next_screening_due"]),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        self.code = (self.code or "").strip().upper()
        self.country = (self.country or "").strip().upper()
        if len(self.country) != 2 or not self.country.isalpha():
            raise ValidationError(
                {"country": _("Enter the two-letter country code, e.g. CA or US.")}
            )


class Certification(TenantModel):
    partner = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="certifications",
        verbose_name=_("partner"),
    )
    program = models.CharField(_("program"), max_length=12, choices=rules.PROGRAM_CHOICES)
    number = models.CharField(
        _("number"),
        max_length=40,
        blank=True,
        help_text=_("For C-TPAT, the SVI number; for PIP, the registration number."),
    )
    verified_on = models.DateField(_("status verified on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    evidence = models.ForeignKey(
        "evidence.EvidenceFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proof"),
        help_text=_("The certificate or status page, from the evidence vault."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["program"]
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "program"],
                name="partners_certification_once_per_program",
                violation_error_message=_(
                    "This partner already has a certification under this program: record a "
                    "new status check on it instead."
                ),
            ),
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("verified_on")),
                name="partners_certification_valid_after_verified",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_program_display()} {self.number}".strip()

    def clean(self) -> None:
        if self.valid_until and self.verified_on and self.valid_until < self.verified_on:
            raise ValidationError(
                {"valid_until": _("The valid-until date cannot be before the verification date.")}
            )
        if self.program == "ctpat" and not self.number.strip():
            raise ValidationError({"number": _("Enter the partner's C-TPAT SVI number.")})

    def validate_constraints(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        if self.valid_until and self.verified_on and self.valid_until < self.verified_on:
            exclude.add("valid_until")  # clean() already named the field
        super().validate_constraints(exclude=exclude)


class Screening(TenantModel):
    """One screening of a partner: who, when, the outcome and when it is due again."""

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="screenings", verbose_name=_("partner")
    )
    screened_on = models.DateField(_("screened on"))
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("screened by"),
    )
    outcome = models.CharField(_("outcome"), max_length=24, choices=Partner.Outcome.choices)
    notes = models.TextField(_("notes"), blank=True)
    risk_level = models.CharField(_("risk"), max_length=8, choices=rules.LEVEL_CHOICES)
    next_due = models.DateField(_("next screening due"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-screened_on", "-created_at"]
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        constraints = [
            models.CheckConstraint(
                condition=Q(next_due__gt=F("screened_on")), name="partners_screening_due_after"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {format_day(self.screened_on)}"


class QuestionSet(TenantModel):
    """The questions sent to one type of partner, editable by the carrier or its consultancy.

    Every change to the questions moves ``version`` on; a questionnaire copies the questions
    when it is sent, so a sent questionnaire keeps the questions its partner saw."""

    name = models.CharField(_("name"), max_length=200)
    partner_kind = models.CharField(_("partner type"), max_length=24, choices=Partner.Kind.choices)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partner_kind", "name"]
        verbose_name = _("question set")
        verbose_name_plural = _("question sets")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"],
                name="partners_question_set_name_unique",
                violation_error_message=_("A question set with this name already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Question(TenantModel):
    question_set = models.ForeignKey(
        QuestionSet, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_en = models.TextField(_("question (English)"))
    text_fr = models.TextField(_("question (French)"), blank=True)
    topic = models.CharField(
        _("topic"),
        max_length=300,
        blank=True,
        help_text=_("The catalogue category the question comes from."),
    )
    asks_for_file = models.BooleanField(_("asks for a file"), default=False)

    history = HistoricalRecords()

    TEXT_MAX_LENGTHS = {"text_en": 2000, "text_fr": 2000}

    class Meta:
        ordering = ["position", "created_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(text_en=""), name="partners_question_text_required"
            ),
        ]

    def __str__(self) -> str:
        return self.text_en[:80]

    def text(self, language: str) -> str:
        return (self.text_fr if language.startswith("fr") else "") or self.text_en


class Questionnaire(TenantModel):
    """One questionnaire sent to a partner by a private link, answered, then reviewed.

    The link's token is never stored: only its SHA-256 (``token_hash``), so a copy of the
    database opens no questionnaire. ``questions`` is the copy of the set's questions at
    sending time (key, English and French text, topic, whether a file is asked)."""

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted, awaiting review")
        REVIEWED = "reviewed", _("Reviewed")
        EXPIRED = "expired", _("Link expired")
        REVOKED = "revoked", _("Link revoked")

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="questionnaires", verbose_name=_("partner")
    )
    question_set = models.ForeignKey(
        QuestionSet,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("question set"),
    )
    set_name = models.CharField(_("question set"), max_length=200)
    set_version = models.PositiveIntegerField(_("version"))
    questions = models.JSONField(_("questions"), default=list)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    sent_to = models.EmailField(_("sent to"), blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    sent_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("link expires"))
    revoked_at = models.DateTimeField(_("link revoked"), null=True, blank=True)
    opened_at = models.DateTimeField(_("first opened"), null=True, blank=True)
    saved_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    reminders = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    outcome = models.CharField(
        _("outcome"), max_length=24, choices=Partner.Outcome.choices, blank=True
    )
    review_notes = models.TextField(_("conditions or corrective actions"), blank=True)
    screening = models.ForeignKey(
        Screening,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("screening"),
    )

    history = HistoricalRecords(excluded_fields=["token_hash"])

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        indexes = [models.Index(fields=["organization", "submitted_at", "reviewed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("sent_at")), name="partners_questionnaire_expiry"
            ),
            models.CheckConstraint(
                condition=Q(reviewed_at__isnull=True) | Q(submitted_at__isnull=False),
                name="partners_questionnaire_reviewed_after_submit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.set_name} · {self.partner}"

    def status_at(self, now: Any) -> str:
        if self.reviewed_at:
            return self.Status.REVIEWED
        if self.submitted_at:
            return self.Status.SUBMITTED
        if self.revoked_at:
            return self.Status.REVOKED
        if self.expires_at <= now:
            return self.Status.EXPIRED
        return self.Status.IN_PROGRESS if self.saved_at else self.Status.SENT

    def link_usable(self, now: Any) -> bool:
        """The link opens the questionnaire: not revoked, not expired, not yet submitted."""
        return not self.revoked_at and self.expires_at > now and not self.submitted_at


class QuestionnaireAnswer(TenantModel):
    """A partner's answer to one question of a questionnaire, with an optional file kept in
    the carrier's evidence vault (after the vault's checks)."""

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="answers"
    )
    key = models.CharField(max_length=40)
    text = models.TextField(_("answer"), blank=True)
    attachment = models.ForeignKey(
        "evidence.EvidenceFile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("attachment"),
    )
    # The name the partner gave its file: the vault's own title is never shown to it.
    attachment_name = models.CharField(_("file name"), max_length=255, blank=True)

    history = HistoricalRecords()

    TEXT_MAX_LENGTHS = {"text": 5000}

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "key"], name="partners_answer_once_per_question"
            ),
        ]

    def __str__(self) -> str:
        return self.key


class LibraryAnswer(TenantModel):
    """Answer once: the carrier's reusable answer to one catalogue requirement, for the
    questionnaires shippers send it. Drafted from the security profile, then edited."""

    class Source(models.TextChoices):
        PROFILE = "profile", _("Drafted from the security profile")
        WRITTEN = "written", _("Written here")

    requirement = models.ForeignKey(
        "catalogue.Requirement",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requirement"),
    )
    answer = models.TextField(_("answer"))
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.WRITTEN
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["requirement__framework__position", "requirement__position"]
        verbose_name = _("library answer")
        verbose_name_plural = _("library answers")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "requirement"],
                name="partners_library_answer_once",
                violation_error_message=_("This requirement already has an answer."),
            ),
            models.CheckConstraint(condition=~Q(answer=""), name="partners_library_answer_text"),
        ]

    def __str__(self) -> str:
        return str(self.requirement_id)
