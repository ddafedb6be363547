"""Availability (a consultant's weekly window) and Booking (one consultation).

Both belong to the consultancy (``organization``). A booking's times are stored in UTC; the
availability's window is in the consultant's own time zone, so a 9:00 slot stays at 9:00
local time across daylight-saving changes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel
from borderpro.organizations.models import validate_time_zone

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Mode(models.TextChoices):
    VIDEO = "video", _("Video call")
    PLACE = "place", _("In person")


def validate_languages(value: object) -> None:
    if (
        not isinstance(value, list)
        or not value
        or any(code not in LANGUAGE_CODES for code in value)
    ):
        raise ValidationError(_("Choose at least one language: English, French or both."))


class Availability(TenantModel):
    """A weekly window a consultant offers for consultations, cut into slots."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consultant"),
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    starts = models.TimeField(_("from"))
    ends = models.TimeField(_("until"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Toronto", validators=[validate_time_zone]
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=60,
        validators=[MinValueValidator(15), MaxValueValidator(240)],
    )
    languages = models.JSONField(
        _("languages offered"), default=list, validators=[validate_languages]
    )
    mode = models.CharField(_("how"), max_length=8, choices=Mode.choices, default=Mode.VIDEO)
    where = models.CharField(
        _("video link or place"),
        max_length=500,
        help_text=_("The video-call link, or the address where you meet."),
    )
    active = models.BooleanField(_("offered"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["weekday", "starts"]
        verbose_name = _("availability")
        verbose_name_plural = _("availability")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=models.F("starts")), name="availability_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"  # noqa: RUF001

    def clean(self) -> None:
        super().clean()
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError({"ends": _("The window must end after it starts.")})


class Booking(TenantModel):
    """One consultation booked by a client or a prospect with one consultant."""

    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        CANCELLED = "cancelled", _("Cancelled")
        DONE = "done", _("Done")

    reference = models.CharField(_("reference"), max_length=12, editable=False)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consultant"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone of the person booking"), max_length=64, validators=[validate_time_zone]
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    mode = models.CharField(_("how"), max_length=8, choices=Mode.choices)
    where = models.CharField(_("video link or place"), max_length=500)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    company = models.CharField(_("company"), max_length=200, blank=True)
    topic = models.TextField(_("topic"))
    engagement = models.ForeignKey(
        "consulting.Engagement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
        verbose_name=_("engagement"),
    )
    client = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("client organization"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("booked by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.BOOKED
    )
    sequence = models.PositiveIntegerField(_("invitation revision"), default=0, editable=False)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_text = models.TextField(_("consent wording"), blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    minutes_spent = models.PositiveIntegerField(
        _("minutes spent"), null=True, blank=True, validators=[MaxValueValidator(24 * 60)]
    )
    time_entry = models.OneToOneField(
        "consulting.TimeEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking",
        editable=False,
    )

    history = HistoricalRecords()

    TEXT_MAX_LENGTHS = {"topic": 2000, "consent_text": 1000, "notes": 10_000}

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            # one consultant, one consultation at a time: the database refuses a double booking
            models.UniqueConstraint(
                fields=["consultant", "starts_at"],
                condition=~Q(status="cancelled"),
                name="booking_consultant_slot_unique",
            ),
            models.UniqueConstraint(
                fields=["organization", "reference"], name="booking_reference_unique"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="booking_ends_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "starts_at"]),
            models.Index(fields=["client", "starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.company or self.name}"

    @property
    def display_name(self) -> str:
        return self.company or self.name

    @property
    def uid(self) -> str:
        """The calendar event's UID: the same for the booking's whole life."""
        return f"consultation-{self.pk}@borderpro"
