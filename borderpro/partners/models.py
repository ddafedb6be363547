"""Business partners, their security certifications and their screenings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

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
        ]
        indexes = [
            models.Index(fields=["organization", "kind"]),
            models.Index(fields=["organization", "next_screening_due"]),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
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
        return f"{self.partner} {self.screened_on}"
