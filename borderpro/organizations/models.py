"""Organizations (consultancies and their client companies), memberships and the activity feed."""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.ids import new_code
from borderpro.common.models import ChainedRecord, UUIDModel
from borderpro.organizations.roles import Role


class BusinessType(models.TextChoices):
    """PIP lines of business (CBSA, "Who can apply")."""

    HIGHWAY_CARRIER = "highway_carrier", _("Highway carrier")
    RAIL_CARRIER = "rail_carrier", _("Rail carrier")
    MARINE_CARRIER = "marine_carrier", _("Marine carrier")
    AIR_CARRIER = "air_carrier", _("Air carrier")
    COURIER = "courier", _("Courier")
    IMPORTER = "importer", _("Importer")
    EXPORTER = "exporter", _("Exporter")
    CUSTOMS_BROKER = "customs_broker", _("Customs broker")
    FREIGHT_FORWARDER = "freight_forwarder", _("Freight forwarder")
    SHIPPING_AGENT = "shipping_agent", _("Shipping agent")
    WAREHOUSE_OPERATOR = "warehouse_operator", _("Warehouse operator")


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


def logo_path(instance: Organization, filename: str) -> str:
    """Logos live in private storage like every file; documents embed them."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "png"
    return f"organizations/{instance.code}/logo.{extension}"


class Organization(UUIDModel):
    class Kind(models.TextChoices):
        CONSULTANCY = "consultancy", _("Consultancy")
        CLIENT = "client", _("Client company")

    class Country(models.TextChoices):
        CANADA = "CA", _("Canada")
        UNITED_STATES = "US", _("United States")

    code = models.CharField(_("code"), max_length=12, unique=True, default=new_code, editable=False)
    name = models.CharField(_("name"), max_length=200)
    legal_name = models.CharField(_("legal name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    business_type = models.CharField(
        _("line of business"), max_length=30, choices=BusinessType.choices, blank=True
    )
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default="CA")
    region = models.CharField(_("province or state"), max_length=3, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="America/Toronto", validators=[validate_time_zone]
    )
    language = models.CharField(
        _("document language"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    logo = models.FileField(
        _("logo"),
        upload_to=logo_path,
        blank=True,
        max_length=255,
        help_text=_("PNG or JPEG, up to 512 KB: shown on the documents the company makes."),
    )
    require_mfa = models.BooleanField(
        _("require two-factor authentication"),
        default=False,
        help_text=_("Everyone who opens this organization must have two-factor authentication."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["consultancy", "client"]),
                name="organization_kind_valid",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_consultancy(self) -> bool:
        return self.kind == self.Kind.CONSULTANCY

    @property
    def kind_label(self) -> str:
        """What the organization is, in words its own people use: "Consultancy", or the line
        of business ("Highway carrier"); "Client company" is the consultant's word only."""
        if self.is_consultancy:
            return str(self.Kind.CONSULTANCY.label)
        if self.business_type:
            return str(self.get_business_type_display())
        return str(_("Company"))

    def local_now(self) -> datetime:
        return timezone.localtime(timezone=zoneinfo.ZoneInfo(self.time_zone))

    def local_today(self) -> date:
        """Today in the organization's time zone: deadlines and expiries are local dates."""
        return self.local_now().date()


class Membership(UUIDModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["organization__name"]
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.get_role_display()})"


class ClientLink(UUIDModel):
    """A consultancy serves a client company."""

    consultancy = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="client_links"
    )
    client = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="consultancy_links"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultancy", "client"], name="clientlink_unique"),
            models.CheckConstraint(
                condition=~models.Q(consultancy=models.F("client")), name="clientlink_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultancy} → {self.client}"


class ConsultantAssignment(UUIDModel):
    """A consultant of the consultancy works on this client."""

    link = models.ForeignKey(ClientLink, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "user"], name="assignment_unique"),
        ]


class Invitation(UUIDModel):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]

    @property
    def is_open(self) -> bool:
        return not self.accepted_at and not self.revoked_at and self.expires_at > timezone.now()


class Activity(ChainedRecord):
    """One business event in an organization's feed (hash-chained, append-only)."""

    verb = models.CharField(max_length=60)
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    params = models.JSONField(default=dict, blank=True)

    class Meta(ChainedRecord.Meta):
        ordering = ["-seq"]
        verbose_name = _("activity")
        verbose_name_plural = _("activity")
        indexes = [models.Index(fields=["organization", "-seq"])]
