"""Reads for partners: the register with each partner's status, in a fixed number of queries.

The register is at most a few thousand partners per organization, so the rating (a pure
function of the row and today's date) runs over the whole filtered list in Python, and the
status and risk filters apply to its result: two queries whatever the size.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from borderpro.partners import rules
from borderpro.partners.models import Certification, Partner, Screening


def _current(today: date) -> Q:
    return (
        Q(program__in=rules.RECOGNISED, evidence__isnull=False)
        & Q(verified_on__gte=today - timedelta(days=rules.CERTIFICATION_EVIDENCE_DAYS))
        & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))
        & (Q(evidence__expires_on__isnull=True) | Q(evidence__expires_on__gte=today))
    )


def current_certifications(organization: Any, today: date) -> QuerySet[Certification]:
    """Certifications under a recognised program that are current proof on ``today``."""
    return Certification.objects.filter(_current(today), organization=organization)


def partners_with_status(organization: Any, today: date) -> QuerySet[Partner]:
    # The subquery is tied to each partner of the organization by its key; it goes through
    # the base manager so the tenant scope does not add a second organization filter, which
    # leads SQLite to scan the organization's certifications for every partner.
    current = Certification._base_manager.filter(_current(today), partner=OuterRef("pk"))
    return Partner.objects.filter(organization=organization).annotate(
        certified=Exists(current),
        ctpat_certified=Exists(current.filter(program="ctpat")),
    )


@dataclass
class PartnerRow:
    pk: Any
    kind: str
    rating: rules.Rating
    state: str
    certified: bool
    meets_subcontract_rule: bool | None  # None: not a sub-carrier
    partner: Partner | None = None  # loaded for the rows shown (see attach_partners)
    code: str = ""
    loads: int = 0  # loads noted in the seal log with this sub-carrier's code

    @property
    def gap_loads(self) -> int:
        """Loads that went to this sub-carrier while it meets neither C-TPAT nor a contract."""
        return self.loads if self.meets_subcontract_rule is False else 0

    @property
    def uncertified(self) -> bool:
        return not self.certified


@lru_cache(maxsize=512)
def _rating(kind: str, country: str, certified: bool, outcome: str, language: str) -> rules.Rating:
    return rules.rate(kind=kind, country=country, certified=certified, outcome=outcome)


def _row(
    pk: Any,
    kind: str,
    country: str,
    outcome: str,
    written_contract_on: date | None,
    next_due: date | None,
    certified: bool,
    ctpat: bool,
    today: date,
) -> PartnerRow:
    rating = _rating(kind, country, certified, outcome, get_language() or "")
    state = rules.screening_state(certified=certified, next_due=next_due, today=today)
    meets = None
    if kind == Partner.Kind.SUB_CARRIER:
        meets = ctpat or bool(written_contract_on)
    return PartnerRow(pk, kind, rating, state, certified, meets)


def partner_row(partner: Partner, today: date) -> PartnerRow:
    """The row of one partner loaded through :func:`partners_with_status`."""
    row = _row(
        partner.pk,
        partner.kind,
        partner.country,
        partner.screening_outcome,
        partner.written_contract_on,
        partner.next_screening_due,
        bool(getattr(partner, "certified", False)),
        bool(getattr(partner, "ctpat_certified", False)),
        today,
    )
    row.partner = partner
    return row


STATUS_FILTERS = ("unscreened", "overdue", "uncertified", "screened", "subcontract_gap")
ROW_FIELDS = (
    "pk",
    "kind",
    "country",
    "screening_outcome",
    "written_contract_on",
    "next_screening_due",
    "certified",
    "ctpat_certified",
    "code",
)


@dataclass
class Register:
    rows: list[PartnerRow]
    counts: Counter[str] = field(default_factory=Counter)
    total: int = 0


def partner_register(
    organization: Any,
    today: date,
    *,
    q: str = "",
    kind: str = "",
    risk: str = "",
    status: str = "",
    active: bool = True,
) -> Register:
    """The register after filters, with the counts of the rows before the status and risk
    filters (at a glance). Rows carry no Partner yet: :func:`attach_partners` loads the ones
    shown. One query, plus one for the rows shown."""
    qs = partners_with_status(organization, today).filter(active=active).order_by("name")
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(services__icontains=q))
    rows = []
    for pk, kind_, country, outcome, contract, due, cert, ctpat, code in qs.values_list(
        *ROW_FIELDS
    ):
        row = _row(pk, kind_, country, outcome, contract, due, bool(cert), bool(ctpat), today)
        row.code = code
        rows.append(row)
    loads = subcarrier_load_counts(organization)
    register = Register(rows=[], total=len(rows))
    for row in rows:
        if row.code and row.meets_subcontract_rule is not None:
            row.loads = loads.get(row.code, 0)
        register.counts["gap_loads"] += row.gap_loads
        register.counts[row.state] += 1
        register.counts["uncertified"] += row.uncertified
        register.counts["subcontract_gap"] += row.meets_subcontract_rule is False
        register.counts[row.rating.level] += 1
    register.rows = [r for r in rows if _matches(r, risk=risk, status=status)]
    return register


LOAD_EVENTS = ("issued", "affixed")


def subcarrier_load_counts(organization: Any) -> dict[str, int]:
    """Per sub-carrier code, how many loads the seal log notes with it (one query): a load is
    a seal issued or affixed for it, counted once per seal."""
    from borderpro.operations.models import SealEvent

    rows = (
        SealEvent.objects.filter(organization=organization, kind__in=LOAD_EVENTS)
        .exclude(subcarrier_code="")
        .values("subcarrier_code")
        .annotate(n=Count("seal_number", distinct=True))
        .values_list("subcarrier_code", "n")
    )
    return dict(rows)


def subcarrier_loads(organization: Any, code: str, limit: int = 50) -> list[Any]:
    """The latest loads of one sub-carrier (one seal log entry per seal)."""
    from borderpro.operations.models import SealEvent

    if not code:
        return []
    events = (
        SealEvent.objects.filter(
            organization=organization, kind__in=LOAD_EVENTS, subcarrier_code=code
        )
        .order_by("-occurred_at")
        .only("seal_number", "occurred_at", "trip_ref", "shipper")[: limit * 2]
    )
    seen: set[str] = set()
    out = []
    for event in events:
        if event.seal_number not in seen:
            seen.add(event.seal_number)
            out.append(event)
    return out[:limit]


def attach_partners(organization: Any, rows: Sequence[PartnerRow]) -> None:
    """Load the Partner of each row shown (one query)."""
    by_pk = Partner.objects.filter(organization=organization).in_bulk([r.pk for r in rows])
    for row in rows:
        row.partner = by_pk[row.pk]


def _matches(row: PartnerRow, *, risk: str, status: str) -> bool:
    if risk and row.rating.level != risk:
        return False
    if status == "uncertified":
        return row.uncertified
    if status == "subcontract_gap":
        return row.meets_subcontract_rule is False
    if status == "screened":
        return row.state in (rules.SCREENED, rules.CERTIFIED)
    if status:
        return row.state == status
    return True


def partner_detail(organization: Any, today: date) -> QuerySet[Partner]:
    return partners_with_status(organization, today).prefetch_related(
        Prefetch(
            "certifications",
            queryset=Certification.objects.filter(organization=organization).select_related(
                "evidence"
            ),
        ),
        Prefetch(
            "screenings",
            queryset=Screening.objects.filter(organization=organization).select_related(
                "screened_by"
            ),
        ),
    )


def certification_is_current(cert: Certification, today: date) -> bool:
    """The same rule as :func:`current_certifications`, for one loaded certification."""
    if cert.program not in rules.RECOGNISED or cert.evidence is None:
        return False
    if cert.verified_on < today - timedelta(days=rules.CERTIFICATION_EVIDENCE_DAYS):
        return False
    if cert.valid_until is not None and cert.valid_until < today:
        return False
    expires = cert.evidence.expires_on
    return expires is None or expires >= today


def high_risk_partners_since(organization: Any, today: date, since: Any) -> list[Partner]:
    """Partners added to the register after ``since`` (a moment) whose risk rates high: each
    is a reason to review the supply chain risk assessment early."""
    partners = partners_with_status(organization, today).filter(created_at__gt=since)
    return [
        p
        for p in partners.order_by("name")[:50]
        if partner_row(p, today).rating.level == rules.HIGH
    ]
