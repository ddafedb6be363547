"""The fleet: tractors, trailers and containers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel


class Unit(TenantModel):
    """A tractor, trailer or container of the fleet."""

    class Kind(models.TextChoices):
        TRACTOR = "tractor", _("Tractor")
        TRAILER = "trailer", _("Trailer")
        CONTAINER = "container", _("Container")

    class BodyType(models.TextChoices):
        NONE = "", _("Not applicable")
        DRY_VAN = "dry_van", _("Dry van")
        REEFER = "reefer", _("Reefer")
        FLATBED = "flatbed", _("Flatbed")
        TANKER = "tanker", _("Tanker")
        CONTAINER = "container", _("Container")

    class Status(models.TextChoices):
        ACTIVE = "active", _("In service")
        HELD = "held", _("Held after a failed inspection")
        OUT_OF_SERVICE = "out_of_service", _("Out of service")
        RETIRED = "retired", _("Retired")

    unit_number = models.CharField(_("unit number"), max_length=30)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    body_type = models.CharField(_("type"), max_length=12, choices=BodyType.choices, blank=True)
    vin = models.CharField(_("VIN"), max_length=17, blank=True)
    plate = models.CharField(_("plate"), max_length=15, blank=True)
    plate_jurisdiction = models.CharField(
        _("plate jurisdiction"),
        max_length=3,
        blank=True,
        help_text=_("Province or state, e.g. ON, QC, MI."),
    )
    owner_operator = models.BooleanField(_("owner-operator"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    site = models.CharField(
        _("site"), max_length=100, blank=True, help_text=_("Home yard or terminal.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["unit_number"]
        verbose_name = _("fleet unit")
        verbose_name_plural = _("fleet units")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "unit_number"], name="unit_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["tractor", "trailer", "container"]),
                name="unit_kind_valid",
            ),
        ]
        indexes = [models.Index(fields=["organization", "kind", "unit_number"])]

    def __str__(self) -> str:
        return self.unit_number
