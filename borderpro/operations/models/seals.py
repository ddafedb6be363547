"""Seals: lots received, the current state of each seal and the chained seal log."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel
from borderpro.operations.models.common import DeviceRecord
from borderpro.operations.models.fleet import Unit


class SealLot(TenantModel):
    """Seals received together: a number range from one manufacturer."""

    class IsoClass(models.TextChoices):
        H = "H", _("H — high security")
        S = "S", _("S — security")
        I = "I", _("I — indicative")  # noqa: E741

    manufacturer = models.CharField(_("manufacturer"), max_length=100)
    iso_class = models.CharField(
        _("ISO 17712 class"), max_length=1, choices=IsoClass.choices, default="H"
    )
    prefix = models.CharField(_("number prefix"), max_length=10, blank=True)
    first_number = models.PositiveIntegerField(_("first number"))
    last_number = models.PositiveIntegerField(_("last number"))
    digits = models.PositiveSmallIntegerField(_("digits"), default=6)
    received_on = models.DateField(_("received on"))
    storage_location = models.CharField(_("storage location"), max_length=120)
    certificate = models.ForeignKey(
        "evidence.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("ISO 17712 certificate"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on"]
        verbose_name = _("seal lot")
        verbose_name_plural = _("seal lots")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_number__gte=models.F("first_number")),
                name="seallot_range_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.manufacturer} {self.number(self.first_number)} to {self.number(self.last_number)}"

    def number(self, n: int) -> str:
        return f"{self.prefix}{n:0{self.digits}d}"

    @property
    def size(self) -> int:
        return self.last_number - self.first_number + 1


class Seal(TenantModel):
    """The current state of one seal, derived from its seal events."""

    class Status(models.TextChoices):
        IN_STOCK = "in_stock", _("In stock")
        ISSUED = "issued", _("Issued")
        AFFIXED = "affixed", _("Affixed")
        REMOVED = "removed", _("Removed")
        VOID = "void", _("Void")
        MISSING = "missing", _("Missing")

    number = models.CharField(_("seal number"), max_length=40)
    lot = models.ForeignKey(
        SealLot,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="seals",
        verbose_name=_("lot"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_STOCK
    )
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("trailer or container"),
    )
    trip_ref = models.CharField(_("trip or cargo control number"), max_length=40, blank=True)
    holder = models.CharField(_("issued to"), max_length=120, blank=True)
    last_event_at = models.DateTimeField(_("last event"), null=True, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("seal")
        verbose_name_plural = _("seals")
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="seal_number_unique"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="seal_org_status"),
            models.Index(
                fields=["organization", "-last_event_at", "number"], name="seal_org_time_number"
            ),
            models.Index(
                fields=["organization", "-last_event_at"],
                condition=models.Q(lot__isnull=True),
                name="seal_org_outside",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class SealEvent(DeviceRecord):
    """One entry of the seal log."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        ISSUED = "issued", _("Issued")
        AFFIXED = "affixed", _("Affixed")
        VERIFIED = "verified", _("Verified (VVTT)")
        REMOVED = "removed", _("Removed")
        VOID = "void", _("Void")
        MISSING = "missing", _("Missing")

    class Authority(models.TextChoices):
        NONE = "", _("—")
        CBSA_EXAM = "cbsa_exam", _("CBSA examination")
        CBP_EXAM = "cbp_exam", _("CBP examination")
        CONSIGNEE = "consignee", _("Consignee at delivery")
        CARRIER = "carrier", _("Carrier (authorized staff)")
        OTHER = "other", _("Other")

    class Stage(models.TextChoices):
        NONE = "", _("—")
        PICKUP = "pickup", _("At pickup")
        STOP = "stop", _("After a stop")
        BORDER = "border", _("At the border")

    seal = models.ForeignKey(
        Seal, on_delete=models.PROTECT, related_name="events", verbose_name=_("seal")
    )
    seal_number = models.CharField(_("seal number"), max_length=40)
    kind = models.CharField(_("event"), max_length=10, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("when"))
    actor_name = models.CharField(_("by"), max_length=120)
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("trailer or container"),
    )
    trip_ref = models.CharField(_("trip or cargo control number"), max_length=40, blank=True)
    bill_of_lading = models.CharField(_("bill of lading"), max_length=40, blank=True)
    shipper = models.CharField(_("shipper"), max_length=120, blank=True)
    issued_to = models.CharField(_("issued to"), max_length=120, blank=True)
    # The code of the business partner (sub-carrier) that carried the load, when one did.
    # A code, not a key: operations does not know the partner register (decision 0014).
    subcarrier_code = models.CharField(
        _("sub-carrier code"),
        max_length=20,
        blank=True,
        help_text=_("When a sub-carrier carried the load: its code in the partner register."),
    )
    stage = models.CharField(_("stage"), max_length=8, choices=Stage.choices, blank=True)
    viewed = models.BooleanField(_("View"), default=False)
    verified = models.BooleanField(_("Verify"), default=False)
    tugged = models.BooleanField(_("Tug"), default=False)
    twisted = models.BooleanField(_("Twist"), default=False)
    number_matches = models.BooleanField(_("number matches the documents"), null=True, blank=True)
    authority = models.CharField(
        _("on whose authority"), max_length=10, choices=Authority.choices, blank=True
    )
    replacement_number = models.CharField(_("replacement seal"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "evidence.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("photo"),
    )
    note = models.TextField(_("note"), blank=True)

    def hashed_content(self) -> dict[str, Any]:
        # Added after records were chained: left out of the hash while empty, so the records
        # stored before it existed still verify (decision 0014).
        content = super().hashed_content()
        if not content.get("subcarrier_code"):
            content.pop("subcarrier_code", None)
        return content

    class Meta(DeviceRecord.Meta):
        verbose_name = _("seal event")
        verbose_name_plural = _("seal events")
        constraints = [
            *DeviceRecord.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(
                    kind__in=[
                        "received",
                        "issued",
                        "affixed",
                        "verified",
                        "removed",
                        "void",
                        "missing",
                    ]
                ),
                name="sealevent_kind_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "-occurred_at"], name="sealev_org_time"),
            models.Index(
                fields=["organization", "subcarrier_code"],
                condition=~models.Q(subcarrier_code=""),
                name="sealev_org_subcarrier",
            ),
            models.Index(
                fields=["organization", "seal_number", "occurred_at"], name="sealev_org_number"
            ),
            models.Index(
                fields=["organization", "kind", "-occurred_at"], name="sealev_org_kind_time"
            ),
            models.Index(
                fields=["organization", "-occurred_at"],
                name="sealev_org_bad_checks",
                condition=models.Q(kind="verified")
                & (
                    models.Q(number_matches=False)
                    | models.Q(viewed=False)
                    | models.Q(verified=False)
                    | models.Q(tugged=False)
                    | models.Q(twisted=False)
                ),
            ),
            models.Index(
                fields=["organization", "-occurred_at"],
                name="sealev_org_bare_removals",
                condition=models.Q(kind="removed", replacement_number="")
                & ~models.Q(authority="consignee"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seal_number} {self.get_kind_display()}"

    @property
    def vvtt_complete(self) -> bool:
        return self.viewed and self.verified and self.tugged and self.twisted
