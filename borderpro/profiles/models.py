"""The carrier profile (identity, identifiers, sites, fleet) and the security profile
responses written against the requirements catalogue."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from borderpro.common.models import TenantModel
from borderpro.profiles import identifiers as ids

PROVINCES = [
    ("AB", "Alberta"),
    ("BC", "British Columbia"),
    ("MB", "Manitoba"),
    ("NB", "New Brunswick"),
    ("NL", "Newfoundland and Labrador"),
    ("NS", "Nova Scotia"),
    ("NT", "Northwest Territories"),
    ("NU", "Nunavut"),
    ("ON", "Ontario"),
    ("PE", "Prince Edward Island"),
    ("QC", "Québec"),
    ("SK", "Saskatchewan"),
    ("YT", "Yukon"),
]


class Mode(models.TextChoices):
    HIGHWAY = "highway", _("Highway")
    RAIL = "rail", _("Rail")
    MARINE = "marine", _("Marine")
    AIR = "air", _("Air")


class LineOfBusiness(models.TextChoices):
    TRUCKLOAD = "truckload", _("Truckload (TL)")
    LTL = "ltl", _("Less than truckload (LTL)")
    TEMPERATURE = "temperature", _("Temperature-controlled")
    FLATBED = "flatbed", _("Flatbed and oversize")
    BULK = "bulk", _("Bulk and tanker")
    DRAYAGE = "drayage", _("Drayage and intermodal")
    WAREHOUSING = "warehousing", _("Warehousing and cross-dock")
    COURIER = "courier", _("Courier and expedited")


class CarrierProfile(TenantModel):
    """Who the carrier is: what goes on the first pages of a PIP / C-TPAT security profile."""

    legal_name = models.CharField(_("legal name"), max_length=200)
    operating_name = models.CharField(_("operating name"), max_length=200, blank=True)
    lines_of_business = models.JSONField(_("lines of business"), default=list, blank=True)
    modes = models.JSONField(_("modes"), default=list, blank=True)
    business_number = models.CharField(
        _("Business Number (BN)"),
        max_length=9,
        blank=True,
        validators=[ids.validate_business_number],
    )
    rm_account = models.CharField(
        _("RM program account"),
        max_length=15,
        blank=True,
        validators=[ids.validate_rm_account],
        help_text=_(
            "The 15-character import/export account, e.g. 123456782RM0001 (hyphens and "
            "spaces are removed)."
        ),
    )
    cbsa_carrier_code = models.CharField(
        _("CBSA carrier code"),
        max_length=4,
        blank=True,
        validators=[ids.validate_cbsa_carrier_code],
    )
    bonded = models.BooleanField(_("bonded carrier"), default=False)
    bond_type = models.CharField(_("bond type"), max_length=100, blank=True)
    bond_amount = models.DecimalField(
        _("bond amount (CAD)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    bond_surety = models.CharField(_("surety company"), max_length=200, blank=True)
    bond_number = models.CharField(_("bond number"), max_length=60, blank=True)
    bond_effective_on = models.DateField(_("bond effective"), null=True, blank=True)
    bond_expires_on = models.DateField(_("bond expires"), null=True, blank=True)
    carm_registered = models.BooleanField(_("registered in the CARM Client Portal"), default=False)
    carm_registered_on = models.DateField(_("CARM registration date"), null=True, blank=True)
    scac = models.CharField(_("SCAC"), max_length=4, blank=True, validators=[ids.validate_scac])
    usdot_number = models.CharField(
        _("U.S. DOT number"), max_length=8, blank=True, validators=[ids.validate_usdot_number]
    )
    mc_number = models.CharField(
        _("MC number"),
        max_length=11,
        blank=True,
        validators=[ids.validate_mc_number],
        help_text=_(
            "Optional: an FMCSA docket (MC, MX or FF number); FMCSA is phasing out MC numbers."
        ),
    )
    rfc = models.CharField(
        _("Mexican RFC"), max_length=13, blank=True, validators=[ids.validate_rfc]
    )
    officer_name = models.CharField(_("company officer"), max_length=200, blank=True)
    officer_title = models.CharField(_("officer's title"), max_length=120, blank=True)
    officer_email = models.EmailField(_("officer's email"), blank=True)
    contact_name = models.CharField(_("security contact"), max_length=200, blank=True)
    contact_title = models.CharField(_("contact's title"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact's email"), blank=True)
    contact_phone = models.CharField(_("contact's phone"), max_length=40, blank=True)
    tractors = models.PositiveIntegerField(_("tractors"), default=0)
    straight_trucks = models.PositiveIntegerField(_("straight trucks"), default=0)
    dry_vans = models.PositiveIntegerField(_("dry van trailers"), default=0)
    reefers = models.PositiveIntegerField(_("reefer trailers"), default=0)
    flatbeds = models.PositiveIntegerField(_("flatbed trailers"), default=0)
    other_trailers = models.PositiveIntegerField(_("other trailers"), default=0)
    company_drivers = models.PositiveIntegerField(_("company drivers"), default=0)
    owner_operators = models.PositiveIntegerField(_("owner-operators"), default=0)
    office_staff = models.PositiveIntegerField(_("office staff"), default=0)
    yard_staff = models.PositiveIntegerField(_("yard and warehouse staff"), default=0)
    border_crossings = models.TextField(
        _("border crossings used"),
        blank=True,
        help_text=_("One per line, e.g. Ambassador Bridge (Windsor-Detroit)."),
    )
    lanes = models.TextField(
        _("main lanes"), blank=True, help_text=_("One per line, e.g. Mississauga ON → Chicago IL.")
    )
    in_business_since = models.DateField(_("in business since"), null=True, blank=True)
    cross_border_since = models.DateField(_("crossing the border since"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("carrier profile")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="profiles_one_profile_per_org"),
            models.CheckConstraint(
                condition=Q(business_number="") | Q(business_number__regex=r"^[0-9]{9}$"),
                name="profiles_bn_format",
            ),
            models.CheckConstraint(
                condition=Q(rm_account="") | Q(rm_account__regex=r"^[0-9]{9}RM[0-9]{4}$"),
                name="profiles_rm_format",
            ),
            models.CheckConstraint(
                condition=Q(scac="") | Q(scac__regex=r"^([A-Z]{2,3}|[A-Z]{3}[A-TVWY])$"),
                name="profiles_scac_format",
            ),
            models.CheckConstraint(
                condition=Q(bond_amount__isnull=True) | Q(bond_amount__gte=0),
                name="profiles_bond_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.operating_name or self.legal_name

    @property
    def fleet_total(self) -> int:
        return self.tractors + self.straight_trucks

    @property
    def trailer_total(self) -> int:
        return self.dry_vans + self.reefers + self.flatbeds + self.other_trailers

    @property
    def employee_total(self) -> int:
        return self.company_drivers + self.owner_operators + self.office_staff + self.yard_staff


class Division(TenantModel):
    """PIP needs one security profile per division (business unit) of a company."""

    name = models.CharField(_("division"), max_length=200)
    description = models.CharField(_("what it does"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("division")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="profiles_division_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class SecurityProfile(TenantModel):
    """One security profile per division: PIP asks a separate profile for each division.

    The primary profile is the one every organization has (created on first use; existing
    responses, readiness points and packages moved onto it): a carrier with one division keeps
    just that one and sees no change. It may name the division it covers; each other division
    that needs its own profile gets one. A division's profile answers the same requirements; an answer that is the
    same in two divisions is written once and shared (``Response.same_as``).
    """

    PRIMARY_CODE = "main"

    division = models.OneToOneField(
        Division,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="security_profile",
        verbose_name=_("division"),
    )
    code = models.SlugField(_("code"), max_length=60)
    is_primary = models.BooleanField(_("main profile"), default=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("security profile")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], name="profiles_security_profile_code_unique"
            ),
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(is_primary=True),
                name="profiles_one_primary_security_profile",
            ),
            models.CheckConstraint(
                condition=Q(is_primary=True) | Q(division__isnull=False),
                name="profiles_security_profile_needs_division",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.division_id and self.division:
            return self.division.name
        return str(_("Main profile"))


class Site(TenantModel):
    class Kind(models.TextChoices):
        TERMINAL = "terminal", _("Terminal")
        YARD = "yard", _("Yard")
        OFFICE = "office", _("Office")
        CROSSDOCK = "crossdock", _("Cross-dock or warehouse")
        DROP_YARD = "drop_yard", _("Drop yard")

    name = models.CharField(_("site"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TERMINAL)
    address = models.CharField(_("address"), max_length=300)
    activity = models.CharField(_("activity"), max_length=300, blank=True)
    hours = models.CharField(_("hours"), max_length=120, blank=True)
    security_features = models.TextField(_("security features"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("site")

    def __str__(self) -> str:
        return self.name


class SafetyCertificate(TenantModel):
    """Safety fitness number by province (NSC; CVOR in Ontario; NIR in Québec)."""

    class Kind(models.TextChoices):
        NSC = "nsc", _("NSC safety fitness certificate")
        CVOR = "cvor", _("CVOR (Ontario)")
        NIR = "nir", _("NIR (Québec)")

    class Rating(models.TextChoices):
        EXCELLENT = "excellent", _("Excellent")
        SATISFACTORY = "satisfactory", _("Satisfactory")
        UNAUDITED = "unaudited", _("Satisfactory-Unaudited")
        CONDITIONAL = "conditional", _("Conditional")
        UNSATISFACTORY = "unsatisfactory", _("Unsatisfactory")

    jurisdiction = models.CharField(_("province or territory"), max_length=2, choices=PROVINCES)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NSC)
    number = models.CharField(_("number"), max_length=40)
    rating = models.CharField(_("safety rating"), max_length=20, choices=Rating.choices, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["jurisdiction"]
        verbose_name = _("safety fitness number")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "jurisdiction", "kind"], name="profiles_safety_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction} {self.number}"


# --- Security profile responses ------------------------------------------------------


class FrameworkSelection(TenantModel):
    """A framework the organization pursues (default: PIP and C-TPAT Highway for carriers)."""

    framework = models.ForeignKey(
        "catalogue.Framework",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("framework"),
    )

    class Meta:
        verbose_name = _("framework pursued")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "framework"], name="profiles_selection_unique"
            )
        ]


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    PARTIAL = "partial", _("Partially implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ACCEPTED = "accepted", _("Accepted")


class Response(TenantModel):
    """How the company meets one requirement: status, narrative, owner, evidence, review.

    A response belongs to one security profile (division). ``same_as`` shares the answer of
    the same requirement in another division: while set, this response shows that answer
    (status, narrative, evidence) and is not written separately."""

    security_profile = models.ForeignKey(
        SecurityProfile,
        on_delete=models.PROTECT,
        related_name="responses",
        verbose_name=_("security profile"),
    )
    same_as = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="shared_with",
        verbose_name=_("same answer as"),
    )
    requirement = models.ForeignKey(
        "catalogue.Requirement",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requirement"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    justification = models.TextField(
        _("why it does not apply"),
        blank=True,
        help_text=_("Required when the requirement does not apply to the company."),
    )
    narrative = models.TextField(
        _("how the company meets it"),
        blank=True,
        help_text=_(
            "Company-specific: who does what, where, how often, and which record proves it."
        ),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    review_state = models.CharField(
        _("review"), max_length=20, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    reuse_mapped = models.BooleanField(
        _("reuse the answer of mapped requirements"),
        default=True,
        help_text=_(
            "While this response is empty, it shows the answer written for an equivalent requirement."
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("response")
        constraints = [
            models.UniqueConstraint(
                fields=["security_profile", "requirement"], name="profiles_response_unique"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="profiles_response_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(review_state__in=ReviewState.values),
                name="profiles_response_review_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.NOT_APPLICABLE) | ~Q(justification=""),
                name="profiles_na_needs_justification",
            ),
        ]

    def __str__(self) -> str:
        return str(self.requirement)

    @property
    def has_own_answer(self) -> bool:
        return self.status != Status.NOT_STARTED or bool(self.narrative.strip())


class ResponseEvidence(TenantModel):
    """A file of the evidence vault that proves a response."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="evidence_links")
    evidence = models.ForeignKey(
        "evidence.EvidenceFile", on_delete=models.PROTECT, related_name="+"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "evidence"], name="profiles_link_unique")
        ]


class ResponseComment(TenantModel):
    """The thread between the carrier and its consultant on one response."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"))

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")


class CategoryAssignment(TenantModel):
    """A whole category given to a named owner with a due date (the committee way)."""

    category = models.ForeignKey(
        "catalogue.Category", on_delete=models.PROTECT, related_name="+", verbose_name=_("category")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"), null=True, blank=True)

    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.category} → {self.owner}"

    class Meta:
        verbose_name = _("category assignment")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "category"], name="profiles_category_assignment_unique"
            )
        ]


class ReadinessPoint(TenantModel):
    """One day's readiness of one security profile for one framework, for the chart over time."""

    security_profile = models.ForeignKey(
        SecurityProfile, on_delete=models.PROTECT, related_name="readiness_points"
    )
    framework = models.ForeignKey("catalogue.Framework", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    score = models.PositiveSmallIntegerField()
    must_score = models.PositiveSmallIntegerField(null=True, blank=True)
    should_score = models.PositiveSmallIntegerField(null=True, blank=True)
    gaps = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["security_profile", "framework", "day"], name="profiles_readiness_daily"
            ),
            models.CheckConstraint(condition=Q(score__lte=100), name="profiles_readiness_percent"),
        ]


def package_path(instance: PackageSnapshot, filename: str) -> str:
    # Short: a job's result_file (max 100 characters) points at the bundle of the snapshot.
    return f"pkg/{instance.pk}/{filename}"


class PackageSnapshot(TenantModel):
    """An application package of one security profile as built on one day: PDF, Word and
    evidence ZIP, with hashes."""

    class Variant(models.TextChoices):
        SUBMISSION = "submission", _("Submission copy")
        GAP_REPORT = "gap_report", _("Internal gap report")

    class Unanswered(models.TextChoices):
        OMIT = "omit", _("Leave them out")
        APPENDIX = "appendix", _("List them in an appendix")

    security_profile = models.ForeignKey(
        SecurityProfile,
        on_delete=models.PROTECT,
        related_name="packages",
        verbose_name=_("security profile"),
    )
    framework = models.ForeignKey(
        "catalogue.Framework",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("framework"),
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    variant = models.CharField(
        _("document"), max_length=12, choices=Variant.choices, default=Variant.SUBMISSION
    )
    unanswered = models.CharField(
        _("requirements not yet answered"),
        max_length=10,
        choices=Unanswered.choices,
        default=Unanswered.OMIT,
    )
    pdf = models.FileField(upload_to=package_path, max_length=255)
    docx = models.FileField(upload_to=package_path, max_length=255)
    bundle = models.FileField(upload_to=package_path, max_length=255)
    pdf_sha256 = models.CharField(max_length=64)
    docx_sha256 = models.CharField(max_length=64)
    bundle_sha256 = models.CharField(max_length=64)
    content = models.JSONField(default=dict, help_text="What the package said, to compare later.")
    content_sha256 = models.CharField(max_length=64)
    readiness = models.PositiveSmallIntegerField(default=0)
    evidence_count = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application package")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} ({self.language})"


class Submission(TenantModel):
    """The profile was submitted to CBSA (Trusted Trader Portal) or CBP (C-TPAT Portal)."""

    class Agency(models.TextChoices):
        CBSA = "cbsa", _("CBSA — Trusted Trader Portal (PIP)")
        CBP = "cbp", _("CBP — C-TPAT Portal")

    agency = models.CharField(_("submitted to"), max_length=4, choices=Agency.choices)
    submitted_on = models.DateField(_("submitted on"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    snapshot = models.ForeignKey(
        PackageSnapshot,
        on_delete=models.PROTECT,
        related_name="submissions",
        verbose_name=_("package submitted"),
    )
    reference = models.CharField(_("portal reference"), max_length=100, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_on", "-created_at"]
        verbose_name = _("submission")
