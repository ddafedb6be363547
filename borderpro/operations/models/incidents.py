"""Incidents: the incident file header, who must be told, and the chained incident events."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel
from borderpro.operations.models.common import DeviceRecord
from borderpro.operations.models.fleet import Unit
from borderpro.operations.models.inspections import Inspection
from borderpro.operations.models.seals import Seal


class Incident(TenantModel):
    """The header of an incident file; its story is the chain of incident events."""

    class Kind(models.TextChoices):
        SEAL_DISCREPANCY = "seal", _("Seal discrepancy")
        TAMPERING = "tampering", _("Tampering")
        UNAUTHORIZED_ACCESS = "access", _("Unauthorized access")
        CONTRABAND = "contraband", _("Contraband or stowaway found")
        THEFT = "theft", _("Cargo theft")
        PEST = "pest", _("Pest contamination")
        CYBER = "cyber", _("Cyber incident")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("incident status", "Open")
        INVESTIGATING = "investigating", _("Under investigation")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=20)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.OPEN
    )
    summary = models.CharField(_("summary"), max_length=200)
    discovered_at = models.DateTimeField(_("discovered at"))
    discovered_by = models.CharField(_("discovered by"), max_length=120)
    location = models.CharField(_("where"), max_length=200)
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("trailer or container"),
    )
    seal = models.ForeignKey(
        Seal,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("seal"),
    )
    inspection = models.ForeignKey(
        Inspection,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("inspection"),
    )
    trip_ref = models.CharField(_("trip or cargo control number"), max_length=40, blank=True)
    us_bound = models.BooleanField(_("U.S.-bound conveyance"), default=False)
    root_cause = models.TextField(_("root cause"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-discovered_at"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "reference"], name="incident_reference_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(status="closed", closed_at__isnull=False)
                | ~models.Q(status="closed"),
                name="incident_closed_has_date",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "status", "-discovered_at"], name="incident_org_status"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} · {self.summary}"


class Recipient(models.TextChoices):
    CBSA_PIP = "cbsa_pip", _("CBSA PIP office")
    CBSA_PORT = "cbsa_port", _("CBSA port of entry")
    CBP_SCSS = "cbp_scss", _("CBP supply chain security specialist")
    CBP_PORT = "cbp_port", _("CBP port of entry")
    POLICE = "police", _("Police")
    SHIPPER = "shipper", _("Shipper")
    BROKER = "broker", _("Customs broker")
    IMPORTER = "importer", _("Importer")


# Who each type of incident requires to be told (C-TPAT 7.23, 6.1 D; PIP: CBSA).
REQUIRED_RECIPIENTS: dict[str, tuple[str, ...]] = {
    "seal": ("cbsa_pip", "cbp_scss", "shipper", "broker", "importer"),
    "tampering": ("cbsa_pip", "cbp_scss", "cbp_port", "police", "shipper"),
    "access": ("cbsa_pip", "cbp_scss", "police"),
    "contraband": ("cbsa_port", "cbp_port", "cbsa_pip", "cbp_scss", "police"),
    "theft": ("police", "cbsa_pip", "cbp_scss", "shipper", "importer"),
    "pest": ("cbsa_port", "cbp_port", "shipper", "importer"),
    "cyber": ("cbsa_pip", "cbp_scss"),
    "other": ("cbsa_pip", "cbp_scss"),
}


class IncidentEvent(DeviceRecord):
    """One entry of an incident file: report, notification, investigation, action, closure."""

    class Kind(models.TextChoices):
        REPORTED = "reported", _("Reported")
        NOTIFIED = "notified", _("Notification")
        INVESTIGATION = "investigation", _("Investigation note")
        ROOT_CAUSE = "root_cause", _("Root cause")
        CORRECTIVE_ACTION = "action", _("Corrective action")
        CLOSED = "closed", _("Closed")

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="events", verbose_name=_("incident")
    )
    kind = models.CharField(_("entry"), max_length=14, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("when"))
    actor_name = models.CharField(_("by"), max_length=120)
    recipient = models.CharField(
        _("recipient"), max_length=10, choices=Recipient.choices, blank=True
    )
    contact = models.CharField(_("contact"), max_length=200, blank=True)
    before_border = models.BooleanField(
        _("before the conveyance crossed the border"), null=True, blank=True
    )
    text = models.TextField(_("details"), blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    evidence = models.ForeignKey(
        "evidence.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("evidence"),
    )

    class Meta(DeviceRecord.Meta):
        verbose_name = _("incident event")
        verbose_name_plural = _("incident events")
        constraints = [
            *DeviceRecord.Meta.constraints,
            models.CheckConstraint(
                condition=~models.Q(kind="notified") | ~models.Q(recipient=""),
                name="incidentevent_notification_has_recipient",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "incident", "occurred_at"], name="incev_org_incident"
            )
        ]

    def __str__(self) -> str:
        return f"{self.incident_id} {self.get_kind_display()}"
