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

from borderpro.common.models import TenantModel


class Employee(TenantModel):
    class Role(models.TextChoices):
        DRIVER = "driver", _("Driver")
        YARD = "yard", _("Yard")
        DISPATCH = "dispatch", _("Dispatch")
        OFFICE = "office", _("Office")

    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.DRIVER)
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=["driver", "yard", "dispatch", "office"]),
                name="people_employee_role_valid",
            ),
            models.CheckConstraint(
                condition=~Q(full_name=""), name="people_employee_name_required"
            ),
        ]
        indexes = [models.Index(fields=["organization", "full_name"])]

    def __str__(self) -> str:
        return self.full_name


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
