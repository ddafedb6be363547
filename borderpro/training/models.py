"""The training programme: courses (shipped as data), sessions, training records with their
signatures and knowledge checks; and the consultancy's seminars with their registrations."""

from __future__ import annotations

import secrets
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.dates import format_day
from borderpro.common.models import TenantModel, UUIDModel
from borderpro.people.models import Employee, months_earlier

# Verification codes: 12 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PASS_MARK = 80  # percent of right answers for a knowledge check to count as passed


def verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(12))


class Frequency(models.TextChoices):
    ON_HIRE = "on_hire", _("On hire")
    YEARLY = "yearly", _("Yearly")
    AFTER_INCIDENT = "after_incident", _("After an incident")


class Course(UUIDModel):
    """A course of the programme, shipped in ``training/data/courses.yaml`` (EN/FR)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    frequency = models.CharField(_("frequency"), max_length=16, choices=Frequency.choices)
    validity_months = models.PositiveSmallIntegerField(_("valid for (months)"), null=True)
    roles = models.JSONField(_("roles"), default=list)
    requirement_refs = models.JSONField(_("requirements"), default=list)
    questions = models.JSONField(_("knowledge check"), default=list)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        from borderpro.catalogue.models import pick

        return pick(self, "title")

    @property
    def summary(self) -> str:
        from borderpro.catalogue.models import pick

        return pick(self, "summary")

    def expires_on(self, completed_on: date) -> date | None:
        if not self.validity_months:
            return None
        return months_earlier(completed_on, -self.validity_months)

    def required_for(self, role: str) -> bool:
        return self.frequency != Frequency.AFTER_INCIDENT and role in self.roles


class TrainingSession(TenantModel):
    """One delivery of a course: date, trainer, topics; attendees sign in to it."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    held_on = models.DateField(_("date"))
    trainer = models.CharField(_("trainer"), max_length=200)
    location = models.CharField(_("place"), max_length=200, blank=True)
    topics = models.TextField(_("topics covered"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        indexes = [models.Index(fields=["organization", "held_on"])]

    def __str__(self) -> str:
        return f"{self.course} · {format_day(self.held_on)}"


class TrainingRecord(TenantModel):
    """An employee's completion of a course (in a session, or recorded from elsewhere)."""

    employee = models.ForeignKey(
        Employee, on_delete=models.PROTECT, related_name="+", verbose_name=_("employee")
    )
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="+", verbose_name=_("course")
    )
    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("session"),
    )
    completed_on = models.DateField(_("completed on"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    signed_name = models.CharField(_("signed (typed name)"), max_length=200, blank=True)
    signature = models.ForeignKey(
        "evidence.EvidenceFile",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drawn signature"),
    )
    score = models.PositiveSmallIntegerField(_("knowledge check score (%)"), null=True, blank=True)
    code = models.CharField(_("verification code"), max_length=12, unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-completed_on"]
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "employee"],
                condition=Q(session__isnull=False),
                name="training_record_once_per_session",
                violation_error_message=_("This person already signed in to this session."),
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100), name="training_score_percent"
            ),
        ]
        indexes = [models.Index(fields=["organization", "employee", "course", "completed_on"])]

    def __str__(self) -> str:
        return f"{self.course} · {format_day(self.completed_on)}"

    @property
    def passed(self) -> bool | None:
        return None if self.score is None else self.score >= PASS_MARK

    def valid_on(self, day: date) -> bool:
        return self.expires_on is None or self.expires_on >= day


class Seminar(TenantModel):
    """A seminar a consultancy publishes on its public pages (the organization is the consultancy)."""

    class Language(models.TextChoices):
        EN = "en", _("English")
        FR = "fr", _("French")
        BOTH = "both", _("English and French")

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    course = models.ForeignKey(
        Course,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("course it covers"),
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=180, validators=[MinValueValidator(15)]
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(_("online link (sent to registrants)"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("capacity"), validators=[MinValueValidator(1)])
    price = models.DecimalField(
        _("price (CAD)"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    language = models.CharField(
        _("language"), max_length=4, choices=Language.choices, default=Language.EN
    )
    published = models.BooleanField(_("published"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("seminar")
        verbose_name_plural = _("seminars")
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gte=1), name="training_seminar_capacity"),
            models.CheckConstraint(condition=Q(price__gte=0), name="training_seminar_price"),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not self.online and not self.place.strip():
            raise ValidationError({"place": _("Give the place, or mark the seminar as online.")})


class Registration(TenantModel):
    """Someone registered for a seminar from the public page (no account needed)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    seminar = models.ForeignKey(
        Seminar, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("seminar")
    )
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"))
    company = models.CharField(_("company"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, default="en")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED
    )
    attended = models.BooleanField(_("attended"), default=False)
    code = models.CharField(_("verification code"), max_length=12, unique=True)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_text = models.TextField(_("consent wording"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("seminar registration")
        verbose_name_plural = _("seminar registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["seminar", "email"],
                name="training_registration_once",
                violation_error_message=_("This email address is already registered."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} · {self.seminar}"
