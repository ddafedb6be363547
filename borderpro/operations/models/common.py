"""What every device record shares: the chained base stored once per client id, the places
of a record, and the receipts of photo uploads."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from borderpro.common.models import ChainedRecord, TenantModel


class Place(models.TextChoices):
    YARD_ENTRY = "yard_entry", _("Yard entry")
    YARD_EXIT = "yard_exit", _("Yard exit")
    LOADING = "loading", _("Point of loading")
    EN_ROUTE = "en_route", _("En route")
    PRE_BORDER = "pre_border", _("Before the border")


class DeviceRecord(ChainedRecord):
    """A chained record a phone or a telematics device may send more than once: stored once
    per organization under the id the device gave it."""

    client_id = models.UUIDField(_("client id"))
    STORED_ONCE_PER = ("organization", "client_id")

    class Meta(ChainedRecord.Meta):
        abstract = True
        constraints = [
            *ChainedRecord.Meta.constraints,
            models.UniqueConstraint(
                fields=["organization", "client_id"], name="%(class)s_client_id_unique"
            ),
        ]


class UploadReceipt(TenantModel):
    """Idempotent photo uploads from devices: the client id of an upload → the evidence file."""

    client_id = models.UUIDField()
    evidence = models.ForeignKey(
        "evidence.EvidenceFile", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "client_id"], name="upload_client_id_unique"
            )
        ]
