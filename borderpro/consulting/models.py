"""The consultancy's front office: what it sells (services and their sizing), what prospects
ask (quote requests and questions, with their thread), quotes and their acceptance, and the
engagements that follow (milestones, hours, yearly renewal).

Every row belongs to the consultancy (``organization``); an engagement also names its client
organization, which sees the engagement's status on its own page.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel
from borderpro.profiles.models import PROVINCES

ZERO = Decimal("0.00")
CURRENCIES = [("CAD", "CAD"), ("USD", "USD")]


class Pricing(models.TextChoices):
    FIXED = "fixed", _("Fixed package")
    HOURLY = "hourly", _("Hourly estimate")
    DAILY = "daily", _("Daily estimate")
    RETAINER = "retainer", _("Yearly retainer")
    PER_SEAT = "per_seat", _("Per seat (training)")
    PER_ATTENDEE = "per_attendee", _("Per attendee (seminar)")


class Service(TenantModel):
    """One service the consultancy sells, with its price model and its base price."""

    name = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    description = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    pricing = models.CharField(_("price model"), max_length=16, choices=Pricing.choices)
    unit_price = models.DecimalField(
        _("unit price"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(ZERO)],
        help_text=_("The package price, or the price of one hour, day, year, seat or attendee."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="CAD")
    default_quantity = models.DecimalField(
        _("usual quantity"),
        max_digits=8,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Hours, days, seats or attendees a quote starts from (1 for a package)."),
    )
    milestone_verb = models.CharField(
        _("delivered when"),
        max_length=60,
        blank=True,
        help_text=_("The client's event that marks this service's deliverable as reached."),
    )
    active = models.BooleanField(_("offered"), default=True)
    order = models.PositiveIntegerField(_("order"), default=100)

    history = HistoricalRecords()

    TEXT_MAX_LENGTHS = {"description": 2000, "description_fr": 2000}

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return self.name

    def label(self, language: str) -> str:
        return self.name_fr if language == "fr" and self.name_fr else self.name

    def text(self, language: str) -> str:
        return self.description_fr if language == "fr" and self.description_fr else self.description


class SizingRule(TenantModel):
    """What a service costs more for a bigger carrier: per site, or by fleet-size band."""

    class Basis(models.TextChoices):
        PER_SITE = "per_site", _("Per site beyond the first")
        FLEET_BAND = "fleet_band", _("Fleet-size band")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="sizing_rules")
    basis = models.CharField(_("basis"), max_length=12, choices=Basis.choices)
    min_units = models.PositiveIntegerField(
        _("from"), default=0, help_text=_("Fleet band: the smallest fleet (power units) it covers.")
    )
    max_units = models.PositiveIntegerField(
        _("to"),
        null=True,
        blank=True,
        help_text=_("Fleet band: the largest fleet; empty: no limit."),
    )
    amount = models.DecimalField(
        _("amount"), max_digits=10, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["basis", "min_units"]
        verbose_name = _("sizing rule")
        constraints = [
            models.CheckConstraint(
                condition=Q(max_units__isnull=True) | Q(max_units__gte=models.F("min_units")),
                name="sizingrule_band_ordered",
            )
        ]


class ProspectRequest(TenantModel):
    """A quote request or a question sent from the consultancy's public page."""

    class Kind(models.TextChoices):
        QUOTE = "quote", _("Quote request")
        QUESTION = "question", _("Question")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        QUOTED = "quoted", _("Quoted")
        WON = "won", _("Won")
        LOST = "lost", _("Lost")

    class Timeline(models.TextChoices):
        NOW = "now", _("As soon as possible")
        QUARTER = "quarter", _("Within three months")
        YEAR = "year", _("Within a year")
        EXPLORING = "exploring", _("Just exploring")

    reference = models.CharField(_("reference"), max_length=12, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="new")
    company = models.CharField(_("company"), max_length=200, blank=True)
    contact_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    province = models.CharField(_("province"), max_length=2, choices=PROVINCES, blank=True)
    fleet_size = models.PositiveIntegerField(_("fleet size (power units)"), null=True, blank=True)
    sites = models.PositiveIntegerField(_("sites"), null=True, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    lines_of_business = models.JSONField(_("lines of business"), default=list, blank=True)
    programs = models.JSONField(_("programs wanted"), default=list, blank=True)
    services = models.ManyToManyField(
        Service, blank=True, related_name="requests", verbose_name=_("services wanted")
    )
    timeline = models.CharField(_("timeline"), max_length=10, choices=Timeline.choices, blank=True)
    cross_border_since = models.PositiveIntegerField(
        _("crossing the border since (year)"), null=True, blank=True
    )
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    consent_at = models.DateTimeField(_("consent given"))
    consent_text = models.TextField(_("consent wording"))
    eligibility = models.JSONField(_("pre-eligibility"), default=list, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("consultant"),
    )
    client = models.ForeignKey(
        "organizations.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("client organization"),
    )

    history = HistoricalRecords()

    TEXT_MAX_LENGTHS = {"message": 5000, "consent_text": 1000}

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "reference"], name="prospectrequest_reference_unique"
            )
        ]
        indexes = [models.Index(fields=["organization", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.company or self.contact_name}"

    @property
    def display_name(self) -> str:
        return self.company or self.contact_name


class RequestMessage(TenantModel):
    """One message of a request's thread: what the prospect wrote, a reply sent by email,
    or an internal note."""

    class Direction(models.TextChoices):
        IN = "in", _("From the prospect")
        OUT = "out", _("Reply sent")
        NOTE = "note", _("Internal note")

    request = models.ForeignKey(ProspectRequest, on_delete=models.CASCADE, related_name="thread")
    direction = models.CharField(_("kind"), max_length=4, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("message"))

    TEXT_MAX_LENGTHS = {"body": 10_000}

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("message")


class Quote(TenantModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent")
        ACCEPTED = "accepted", _("Accepted")
        REVOKED = "revoked", _("Withdrawn")

    request = models.ForeignKey(ProspectRequest, on_delete=models.PROTECT, related_name="quotes")
    number = models.CharField(_("number"), max_length=20, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="draft")
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="CAD")
    province = models.CharField(
        _("province of supply"),
        max_length=2,
        choices=PROVINCES,
        help_text=_("Sales taxes are those of this province."),
    )
    valid_until = models.DateField(_("valid until"))
    notes = models.TextField(_("notes"), blank=True)
    subtotal = models.DecimalField(_("subtotal"), max_digits=12, decimal_places=2, default=ZERO)
    tax_total = models.DecimalField(_("taxes"), max_digits=12, decimal_places=2, default=ZERO)
    total = models.DecimalField(_("total"), max_digits=12, decimal_places=2, default=ZERO)
    taxes = models.JSONField(_("tax lines"), default=list, blank=True)
    token_hash = models.CharField(max_length=64, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    link_expires_at = models.DateTimeField(_("link expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_name = models.CharField(_("signed by"), max_length=200, blank=True)
    accepted_address = models.CharField(max_length=64, blank=True, editable=False)

    history = HistoricalRecords()

    TEXT_MAX_LENGTHS = {"notes": 4000}

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("quote")
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="quote_number_unique")
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def link_open(self) -> bool:
        return (
            self.status == self.Status.SENT
            and self.link_expires_at is not None
            and self.link_expires_at > timezone.now()
        )


class QuoteLine(TenantModel):
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="lines")
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = models.CharField(_("description"), max_length=300)
    pricing = models.CharField(_("price model"), max_length=16, choices=Pricing.choices)
    quantity = models.DecimalField(
        _("quantity"), max_digits=8, decimal_places=2, validators=[MinValueValidator(ZERO)]
    )
    unit_price = models.DecimalField(_("unit price"), max_digits=10, decimal_places=2)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "created_at"]
        verbose_name = _("quote line")


class Engagement(TenantModel):
    """The work a client bought: its milestones, the hours spent, its yearly renewal."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    client = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("client"),
    )
    quote = models.OneToOneField(
        Quote, null=True, blank=True, on_delete=models.PROTECT, related_name="engagement"
    )
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="active")
    started_on = models.DateField(_("started"))
    renews_on = models.DateField(
        _("renews on"), null=True, blank=True, help_text=_("Yearly maintenance: the renewal date.")
    )
    hours_estimated = models.DecimalField(
        _("hours estimated"), max_digits=8, decimal_places=2, default=ZERO
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-started_on", "-created_at"]
        verbose_name = _("engagement")

    def __str__(self) -> str:
        return self.title


class Milestone(TenantModel):
    """A deliverable of an engagement. One tied to a module (``verb``) is reached when the
    client's activity feed records that event after the engagement started."""

    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("deliverable"), max_length=200)
    verb = models.CharField(_("reached when"), max_length=60, blank=True)
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "due_on", "created_at"]
        verbose_name = _("milestone")


class TimeEntry(TenantModel):
    engagement = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="time")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    worked_on = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25"))],
    )
    note = models.CharField(_("what was done"), max_length=300, blank=True)

    PAST_DATES = ("worked_on",)

    class Meta:
        ordering = ["-worked_on", "-created_at"]
        verbose_name = _("time entry")
        verbose_name_plural = _("time entries")


from borderpro.consulting.consultations.models import Availability, Booking  # noqa: E402

__all__ = [
    "Availability",
    "Booking",
    "Engagement",
    "Milestone",
    "Pricing",
    "ProspectRequest",
    "Quote",
    "QuoteLine",
    "RequestMessage",
    "Service",
    "SizingRule",
    "TimeEntry",
]
