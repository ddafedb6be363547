"""Field operations: fleet units, inspections, seals and incidents.

Operational records (inspections, seal events, incident events) are append-only and
hash-chained (:class:`ChainedRecord`); a correction is a new record whose ``corrects``
points to the old one. ``Seal`` and ``Incident`` are current-state projections that the
services keep in step with the events; they can always be rebuilt from them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from borderpro.common.models import ChainedRecord, TenantModel


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


class Checklist(models.TextChoices):
    MSC17 = "msc17", _("17-point: tractor 7 + trailer 10 (current)")
    TRACTOR7 = "tractor7", _("Tractor 7 points")
    TRAILER10 = "trailer10", _("Trailer 10 points")
    LEGACY17 = "legacy17", _("Legacy 17-point (CBP 2010)")
    CONTAINER7 = "container7", _("Empty container 7 points")
    REEFER8 = "reefer8", _("Reefer container 8 points")
    AGRI = "agri", _("Agricultural contamination")


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
