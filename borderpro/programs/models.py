"""Program memberships (PIP, C-TPAT, LVS, CSA) and the declarations eligibility needs.

Membership: where the company stands in each program, with its numbers and key dates;
deadlines are derived from these dates by the rules file. Declarations: the few
eligibility facts no other module records (solvency, convictions, last crossing...); an
empty answer means "not declared" and the engine reports it as unknown.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel


class Program(models.TextChoices):
    PIP = "PIP", _("Partners in Protection (PIP)")
    CTPAT = "CTPAT", _("C-TPAT")
    LVS = "LVS", _("Courier Low Value Shipment (LVS)")
    CSA = "CSA", _("Customs Self Assessment (CSA)")


class Status(models.TextChoices):
    NONE = "none", _("Not a member")
    PREPARING = "preparing", _("Preparing")
    APPLIED = "applied", _("Applied")
    UNDER_REVIEW = "under_review", _("Under review")
    VALIDATION_SCHEDULED = "validation_scheduled", _("Validation scheduled")
    APPROVED = "approved", _("Approved")
    ACTION_PLAN_OPEN = "action_plan_open", _("Action plan open")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")
    UNDER_APPEAL = "under_appeal", _("Under appeal")


ACTIVE = (Status.APPROVED, Status.ACTION_PLAN_OPEN)
NEEDS_APPROVAL_DATE = (Status.APPROVED, Status.ACTION_PLAN_OPEN, Status.SUSPENDED)


class Membership(TenantModel):
    PAST_DATES = (
        "applied_on",
        "approved_on",
        "last_portal_sign_in",
        "revalidated_on",
        "validation_report_on",
        "cancelled_on",
    )

    program = models.CharField(_("program"), max_length=8, choices=Program.choices)
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NONE
    )
    number = models.CharField(
        _("membership number"),
        max_length=40,
        blank=True,
        help_text=_("PIP number, or C-TPAT account number."),
    )
    svi_number = models.CharField(
        _("SVI number"),
        max_length=40,
        blank=True,
        help_text=_("C-TPAT Status Verification Interface number, given to partners."),
    )
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    validation_on = models.DateField(_("site validation"), null=True, blank=True)
    approved_on = models.DateField(
        _("approved or certified on"),
        null=True,
        blank=True,
        help_text=_("Revalidation and yearly obligations count from this date."),
    )
    last_portal_sign_in = models.DateField(_("last portal sign-in"), null=True, blank=True)
    revalidated_on = models.DateField(_("last revalidation"), null=True, blank=True)
    validation_report_on = models.DateField(_("validation report received"), null=True, blank=True)
    action_plan_due = models.DateField(_("action plan deadline"), null=True, blank=True)
    cancelled_on = models.DateField(_("cancellation notice date"), null=True, blank=True)
    decision_letter_on = models.DateField(
        _("date on CBSA's decision letter"),
        null=True,
        blank=True,
        help_text=_(
            "The 30-day appeal period counts from this date; while it is empty, the earliest "
            "possible deadline is shown."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["program"]
        verbose_name = _("program membership")
        verbose_name_plural = _("program memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "program"], name="programs_one_membership_per_program"
            ),
            models.CheckConstraint(
                condition=Q(program__in=Program.values), name="programs_program_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="programs_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[s.value for s in NEEDS_APPROVAL_DATE])
                | Q(approved_on__isnull=False),
                name="programs_approved_needs_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="action_plan_open") | Q(action_plan_due__isnull=False),
                name="programs_action_plan_needs_deadline",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["cancelled", "under_appeal"])
                | Q(cancelled_on__isnull=False),
                name="programs_cancelled_needs_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_program_display()}: {self.get_status_display()}"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.status in NEEDS_APPROVAL_DATE and not self.approved_on:
            errors["approved_on"] = _(
                "Give the approval date: revalidation and yearly deadlines count from it."
            )
        if self.status == Status.ACTION_PLAN_OPEN and not self.action_plan_due:
            errors["action_plan_due"] = _("Give the deadline the CBSA set for the action plan.")
        if self.status in (Status.CANCELLED, Status.UNDER_APPEAL) and not self.cancelled_on:
            errors["cancelled_on"] = _(
                "Give the date of the cancellation: the earliest possible appeal deadline counts from it."
            )
        if (
            self.decision_letter_on
            and self.cancelled_on
            and self.decision_letter_on < self.cancelled_on
        ):
            errors["decision_letter_on"] = _(
                "The decision letter cannot be dated before the cancellation it announces."
            )
        if self.applied_on and self.approved_on and self.approved_on < self.applied_on:
            errors["approved_on"] = _("The approval date cannot be before the application date.")
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude: Any = None) -> None:
        # clean() already named the field for the date rules; do not repeat them unnamed
        exclude = {*(exclude or ()), "approved_on", "action_plan_due", "cancelled_on"}
        super().validate_constraints(exclude=exclude)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE


class Declarations(TenantModel):
    """Answers the company gives about itself that eligibility rules read (PIP §1.3, LVS)."""

    PAST_DATES = ("last_cross_border_movement",)

    last_cross_border_movement = models.DateField(
        _("last cross-border movement"), null=True, blank=True
    )
    crown_debt = models.BooleanField(_("unresolved debt to the Crown"), null=True, blank=True)
    undischarged_bankruptcy = models.BooleanField(
        _("undischarged bankruptcy"), null=True, blank=True
    )
    unpardoned_convictions = models.BooleanField(
        _("convictions without a record suspension"), null=True, blank=True
    )
    foreign_convictions = models.BooleanField(_("foreign convictions"), null=True, blank=True)
    significant_contraventions = models.BooleanField(
        _("significant customs contraventions"), null=True, blank=True
    )
    shipment_tracking = models.BooleanField(
        _("every shipment can be located at any time"), null=True, blank=True
    )
    pre_arrival_data = models.BooleanField(
        _("pre-arrival cargo data transmitted"), null=True, blank=True
    )
    carm_statement_of_account = models.BooleanField(
        _("a CARM statement of account or daily notice is received"), null=True, blank=True
    )
    carrier_code_changes_notified = models.BooleanField(
        _("every change to the carrier-code profile notified to CBSA"), null=True, blank=True
    )
    files_canadian_declarations = models.BooleanField(
        _("files Canadian customs declarations (U.S.-based importers)"), null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("program declarations")
        verbose_name_plural = _("program declarations")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"], name="programs_one_declarations_per_org"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Program declarations"))


DECLARATION_FIELDS = (
    "last_cross_border_movement",
    "crown_debt",
    "undischarged_bankruptcy",
    "unpardoned_convictions",
    "foreign_convictions",
    "significant_contraventions",
    "shipment_tracking",
    "pre_arrival_data",
    "carm_statement_of_account",
    "carrier_code_changes_notified",
    "files_canadian_declarations",
)
