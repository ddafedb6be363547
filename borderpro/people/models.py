"""Employees and their FAST / CDRP driver cards: the seed of the people module."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.dates import format_day
from borderpro.common.models import TenantModel

ROLE_CODES = [
    "driver", "yard", "dispatch", "office", "hr", "it", "security", "management", "other"
]  # fmt: skip


class Employee(TenantModel):
    class Role(models.TextChoices):
        DRIVER = "driver", _("Driver")
        YARD = "yard", _("Yard")
        DISPATCH = "dispatch", _("Dispatch")
        OFFICE = "office", _("Office")
        HR = "hr", _("Human resources")
        IT = "it", _("Information technology")
        SECURITY = "security", _("Security")
        MANAGEMENT = "management", _("Management")
        OTHER = "other", _("Other")

    class Language(models.TextChoices):
        EN = "en", _("English")
        FR = "fr", _("French")

    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.DRIVER)
    active = models.BooleanField(_("active"), default=True)
    site = models.CharField(_("site"), max_length=120, blank=True)
    hired_on = models.DateField(_("hired on"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.EN
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # drivers: the commercial licence (FAST and CDRP cards are DriverCard rows)
    licence_number = models.CharField(_("driver's licence number"), max_length=40, blank=True)
    licence_expires_on = models.DateField(_("licence expires"), null=True, blank=True)
    conduct_acknowledged_on = models.DateField(
        _("code of conduct acknowledged on"), null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=ROLE_CODES),
                name="people_employee_role_valid",
            ),
            models.CheckConstraint(
                condition=~Q(full_name=""), name="people_employee_name_required"
            ),
            models.CheckConstraint(
                condition=Q(terminated_on__isnull=True)
                | Q(hired_on__isnull=True)
                | Q(terminated_on__gte=F("hired_on")),
                name="people_employee_terminated_after_hire",
            ),
        ]
        indexes = [models.Index(fields=["organization", "full_name"])]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        if self.hired_on and self.terminated_on and self.terminated_on < self.hired_on:
            raise ValidationError(
                {"terminated_on": _("The termination date cannot be before the hire date.")}
            )

    def validate_constraints(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        if self.hired_on and self.terminated_on and self.terminated_on < self.hired_on:
            exclude.add("terminated_on")  # clean() already named the field
        super().validate_constraints(exclude=exclude)


class Screening(TenantModel):
    """One identity verification or background check of an employee, and when to redo it."""

    class Kind(models.TextChoices):
        IDENTITY = "identity", _("Identity verification")
        BACKGROUND = "background", _("Background check")

    class Outcome(models.TextChoices):
        CLEARED = "cleared", _("Cleared")
        PENDING = "pending", _("Pending")
        ADVERSE = "adverse", _("Adverse finding")

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="screenings", verbose_name=_("employee")
    )
    kind = models.CharField(_("check"), max_length=10, choices=Kind.choices)
    checked_on = models.DateField(_("checked on"))
    outcome = models.CharField(
        _("outcome"), max_length=8, choices=Outcome.choices, default=Outcome.CLEARED
    )
    recheck_months = models.PositiveSmallIntegerField(
        _("re-check every (months)"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the check is not repeated."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-checked_on"]
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["identity", "background"]), name="people_screening_kind"
            ),
            models.CheckConstraint(
                condition=Q(outcome__in=["cleared", "pending", "adverse"]),
                name="people_screening_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {format_day(self.checked_on)}"

    @property
    def recheck_on(self) -> date | None:
        if not self.recheck_months:
            return None
        return months_earlier(self.checked_on, -self.recheck_months)


class IssuedItem(TenantModel):
    """A badge, key or access card handed to an employee; termination lists what must come back."""

    class Kind(models.TextChoices):
        BADGE = "badge", _("Badge")
        KEY = "key", _("Key")
        ACCESS_CARD = "card", _("Access card")
        OTHER = "other", _("Other")

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="items", verbose_name=_("employee")
    )
    kind = models.CharField(_("item"), max_length=6, choices=Kind.choices, default=Kind.BADGE)
    label = models.CharField(_("label or number"), max_length=80)
    issued_on = models.DateField(_("issued on"))
    returned_on = models.DateField(_("returned on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["returned_on", "-issued_on"]
        verbose_name = _("badge or key")
        verbose_name_plural = _("badges and keys")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["badge", "key", "card", "other"]), name="people_item_kind"
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=F("issued_on")),
                name="people_item_returned_after_issue",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.label}"

    def clean(self) -> None:
        if self.issued_on and self.returned_on and self.returned_on < self.issued_on:
            raise ValidationError(
                {"returned_on": _("The return date cannot be before the issue date.")}
            )

    def validate_constraints(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        if self.issued_on and self.returned_on and self.returned_on < self.issued_on:
            exclude.add("returned_on")
        super().validate_constraints(exclude=exclude)


# Renewal reminders start this many months before a card expires. FAST: six months, since a
# renewal must be approved before the card expires (compliance review, 2026-12-04). The rules
# file (programs/data/rules.yaml, driver_card_deadlines.*.remind_months) carries the same
# figures with their source; a test keeps the two equal.
RENEWAL_REMINDER_MONTHS = {"fast": 6, "cdrp": 3}


def months_earlier(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class DriverCard(TenantModel):
    class Kind(models.TextChoices):
        FAST = "fast", _("FAST card")
        CDRP = "cdrp", _("CDRP card")

    employee = models.ForeignKey(
        Employee, on_delete=models.CASCADE, related_name="cards", verbose_name=_("employee")
    )
    kind = models.CharField(_("card"), max_length=4, choices=Kind.choices, default=Kind.FAST)
    number = models.CharField(_("card number"), max_length=40)
    issued_on = models.DateField(_("issued"), null=True, blank=True)
    expires_on = models.DateField(_("expires"))

    history = HistoricalRecords()

    class Meta:
        ordering = ["expires_on"]
        verbose_name = _("driver card")
        verbose_name_plural = _("driver cards")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "number"],
                name="people_card_number_unique",
                violation_error_message=_(
                    "A card of this kind with this number is already recorded."
                ),
            ),
            models.CheckConstraint(
                condition=Q(issued_on__isnull=True) | Q(expires_on__gt=F("issued_on")),
                name="people_card_expires_after_issue",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["fast", "cdrp"]), name="people_card_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def clean(self) -> None:
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            raise ValidationError(
                {"expires_on": _("The expiry date must be after the issue date.")}
            )

    def validate_constraints(self, exclude: Any = None) -> None:
        exclude = set(exclude or ())
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            exclude.add("expires_on")  # clean() already named the field
        super().validate_constraints(exclude=exclude)

    @property
    def remind_from(self) -> date:
        """The day renewal reminders start (six months ahead for a FAST card)."""
        return months_earlier(self.expires_on, RENEWAL_REMINDER_MONTHS.get(self.kind, 3))

    def state(self, today: date) -> str:
        """expired, expiring (from the reminder date on) or valid."""
        if self.expires_on < today:
            return "expired"
        return "expiring" if today >= self.remind_from else "valid"


class EmployeeImport(TenantModel):
    """An uploaded employee file waiting for its column mapping and confirmation.

    The file and the preview live here (not in the session), so a large file survives a
    reload and a second tab; nothing reaches the people list until ``state`` is imported."""

    class State(models.TextChoices):
        MAPPING = "mapping", _("Columns to map")
        PREVIEW = "preview", _("Ready to confirm")
        IMPORTED = "imported", _("Imported")

    file = models.FileField(_("file"), upload_to="imports/people/%Y/%m/", max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    headers = models.JSONField(_("columns"), default=list)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    mapping = models.JSONField(_("mapping"), default=dict)
    preview = models.JSONField(_("preview"), default=list)
    state = models.CharField(_("state"), max_length=8, choices=State.choices, default=State.MAPPING)
    imported_count = models.PositiveIntegerField(_("imported"), default=0)
    created_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("employee import")
        verbose_name_plural = _("employee imports")

    def __str__(self) -> str:
        return self.original_name

    @property
    def error_rows(self) -> list[dict[str, Any]]:
        return [r for r in self.preview if r["errors"]]

    @property
    def ready_rows(self) -> list[dict[str, Any]]:
        return [r for r in self.preview if not r["errors"]]
