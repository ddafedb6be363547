"""Conveyance inspections: the checklists and the chained inspection record."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from borderpro.operations.models.common import DeviceRecord, Place
from borderpro.operations.models.fleet import Unit


class Checklist(models.TextChoices):
    MSC17 = "msc17", _("17-point: tractor 7 + trailer 10 (current)")
    TRACTOR7 = "tractor7", _("Tractor 7 points")
    TRAILER10 = "trailer10", _("Trailer 10 points")
    LEGACY17 = "legacy17", _("Legacy 17-point (CBP 2010)")
    CONTAINER7 = "container7", _("Empty container 7 points")
    REEFER8 = "reefer8", _("Reefer container 8 points")
    AGRI = "agri", _("Agricultural contamination")


class Inspection(DeviceRecord):
    """One completed conveyance inspection; every point's result is part of the record."""

    class Result(models.TextChoices):
        PASS = "pass", _("Passed")
        FAIL = "fail", _("Failed")

    checklist = models.CharField(_("checklist"), max_length=12, choices=Checklist.choices)
    tractor = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("tractor"),
    )
    trailer = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("trailer or container"),
    )
    place = models.CharField(_("where"), max_length=12, choices=Place.choices)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    inspector_name = models.CharField(_("inspector"), max_length=120)
    inspected_at = models.DateTimeField(_("inspected at"))
    trip_ref = models.CharField(_("trip or cargo control number"), max_length=40, blank=True)
    seal_number = models.CharField(_("seal number"), max_length=40, blank=True)
    points = models.JSONField(_("points"), default=list)
    result = models.CharField(_("result"), max_length=4, choices=Result.choices)
    failed_points = models.PositiveSmallIntegerField(_("failed points"), default=0)
    note = models.TextField(_("note"), blank=True)
    supervisor_name = models.CharField(_("supervisor sign-off"), max_length=120, blank=True)
    signature = models.ForeignKey(
        "evidence.EvidenceFile",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("driver's signature"),
    )

    class Meta(DeviceRecord.Meta):
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        constraints = [
            *DeviceRecord.Meta.constraints,
            models.CheckConstraint(
                condition=models.Q(result__in=["pass", "fail"]), name="inspection_result_valid"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(result="pass", failed_points=0)
                    | models.Q(result="fail", failed_points__gt=0)
                ),
                name="inspection_result_matches_points",
            ),
        ]
        indexes = [
            models.Index(
                fields=["organization", "-inspected_at", "result", "seal_number"],
                name="insp_org_time_seal",
            ),
            models.Index(
                fields=["organization", "result", "-inspected_at"], name="insp_org_result_time"
            ),
            models.Index(
                fields=["organization", "trailer", "-inspected_at"], name="insp_org_trailer_time"
            ),
            models.Index(
                fields=["organization", "tractor", "-inspected_at"], name="insp_org_tractor_time"
            ),
            models.Index(fields=["organization", "seal_number"], name="insp_org_seal"),
            models.Index(fields=["organization", "trip_ref"], name="insp_org_trip"),
        ]

    def __str__(self) -> str:
        return f"{self.get_checklist_display()} {self.inspected_at:%Y-%m-%d %H:%M}"
