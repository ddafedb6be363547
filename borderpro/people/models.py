"""Employees and their FAST / CDRP driver cards: the seed of the people module."""

from __future__ import annotations

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

    def state(self, today: date) -> str:
        """expired, expiring (within 90 days) or valid."""
        if self.expires_on < today:
            return "expired"
        return "expiring" if (self.expires_on - today).days <= 90 else "valid"
