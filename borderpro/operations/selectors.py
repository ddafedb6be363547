"""Reads for field operations. Every selector takes the organization explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.daterange import clamp
from borderpro.common.models import ChainedRecord, ChainHead
from borderpro.operations.models import (
    Incident,
    IncidentEvent,
    Inspection,
    Seal,
    SealEvent,
    SealLot,
    Unit,
)


def _day_bounds(organization: Any, day: date, *, end: bool = False) -> datetime:
    """The instant a local day starts (``end``: the next day starts). A day outside the sane
    range is taken as its bound (``?to=9999-12-31`` means "to the end"), never an error."""
    tz = organization.local_now().tzinfo
    day = clamp(day)
    moment = datetime.combine(day + timedelta(days=1) if end else day, time.min, tzinfo=tz)
    return moment


def unit_list(
    organization: Any, *, q: str = "", kind: str = "", status: str = ""
) -> QuerySet[Unit]:
    qs = Unit.objects.filter(organization=organization)
    if q:
        qs = qs.filter(
            Q(unit_number__icontains=q)
            | Q(vin__icontains=q)
            | Q(plate__icontains=q)
            | Q(site__icontains=q)
        )
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("unit_number")


def inspection_list(
    organization: Any,
    *,
    unit: Unit | str = "",
    result: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    q: str = "",
    checklist: str = "",
) -> QuerySet[Inspection]:
    """Inspections, newest first. ``unit`` is a unit or a unit id; ``q`` is a seal number or a
    trip/CCN (exact)."""
    qs = Inspection.objects.filter(organization=organization)
    if unit == "-":  # a unit that does not exist: nothing matches
        return Inspection.objects.none()
    if unit:
        # One column, so the (organization, tractor or trailer, time) index gives the newest
        # first even for a unit idle for years; "tractor OR trailer" made the database walk
        # the whole organization's history back to the unit's last inspection.
        if not isinstance(unit, Unit):
            try:
                found = Unit.objects.filter(organization=organization, pk=unit).first()
            except ValidationError:  # not a unit id
                found = None
            if found is None:
                return Inspection.objects.none()
            unit = found
        if unit.kind == Unit.Kind.TRACTOR:
            qs = qs.filter(tractor_id=unit.pk)
        else:
            qs = qs.filter(trailer_id=unit.pk)
    if result in ("pass", "fail"):
        qs = qs.filter(result=result)
    if checklist:
        qs = qs.filter(checklist=checklist)
    if date_from:
        qs = qs.filter(inspected_at__gte=_day_bounds(organization, date_from))
    if date_to:
        qs = qs.filter(inspected_at__lt=_day_bounds(organization, date_to, end=True))
    if q:
        qs = qs.filter(Q(seal_number=q) | Q(trip_ref=q))
    # "corrects IS NOT NULL" lets PostgreSQL answer from the corrects index instead of
    # hashing every inspection of the organization (185 ms → 1 ms at 200,000 rows).
    corrected = Inspection.objects.filter(
        organization=organization, corrects__isnull=False, corrects=OuterRef("pk")
    )
    return (
        qs.select_related("tractor", "trailer")
        .annotate(is_corrected=Exists(corrected))
        .defer("points", "note")
        .order_by("-inspected_at", "-seq")
    )


def seal_list(organization: Any, *, q: str = "", status: str = "") -> QuerySet[Seal]:
    qs = Seal.objects.filter(organization=organization)
    if q:
        qs = qs.filter(Q(number__startswith=q) | Q(trip_ref=q) | Q(unit__unit_number=q))
    if status:
        qs = qs.filter(status=status)
    return qs.select_related("unit", "lot").order_by("-last_event_at", "number")


def seal_event_list(
    organization: Any,
    *,
    seal_number: str = "",
    kind: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
) -> QuerySet[SealEvent]:
    qs = SealEvent.objects.filter(organization=organization)
    if seal_number:
        qs = qs.filter(seal_number=seal_number)
    if kind:
        qs = qs.filter(kind=kind)
    if date_from:
        qs = qs.filter(occurred_at__gte=_day_bounds(organization, date_from))
    if date_to:
        qs = qs.filter(occurred_at__lt=_day_bounds(organization, date_to, end=True))
    return qs.select_related("unit").order_by("-occurred_at", "-seq")


def seal_custody(organization: Any, seal: Seal) -> QuerySet[SealEvent]:
    """The seal's chain of custody, oldest first."""
    return (
        SealEvent.objects.filter(organization=organization, seal_number=seal.number)
        .select_related("unit", "photo", "recorded_by")
        .order_by("occurred_at", "seq")
    )


def seal_lots(organization: Any, *, limit: int = 20) -> list[SealLot]:
    """The latest lots, each with ``in_stock`` (two queries, whatever the size of the lots)."""
    lots = list(
        SealLot.objects.filter(organization=organization)
        .select_related("certificate")
        .order_by("-received_on")[:limit]
    )
    stock = dict(
        Seal.objects.filter(organization=organization, status="in_stock", lot__in=lots)
        .values_list("lot")
        .annotate(n=Count("id"))
    )
    for lot in lots:
        lot.in_stock = stock.get(lot.pk, 0)  # type: ignore[attr-defined]
    return lots


@dataclass(frozen=True)
class Discrepancy:
    kind: str
    seal_number: str
    text: str
    when: datetime | None = None


AUDIT_LIMIT = 200
AUDIT_PERIODS = (7, 30, 90, 365)
# a seal named on an inspection should have a seal-log entry within this many days before the period
SEAL_LOG_MARGIN_DAYS = 30
AUDIT_STATUSES = ("in_stock", "issued", "affixed", "void", "missing")


# The planner settings of the seal audit's "documents" query (see _hashed_anti_join).
_PLANNER = {"enable_nestloop": "off", "max_parallel_workers_per_gather": "0"}


def _hashed_anti_join(queryset: QuerySet[Any, Any]) -> list[Any]:
    """The rows of the "inspections whose seal is not in the log" query, read on PostgreSQL
    with nested loops (and parallel workers) off for that one query (decision 0017).

    The planner cannot know that an inspection's seal was logged around the same time, so it
    expects almost every inspection of the period to lack one and the first ``AUDIT_LIMIT`` to
    come at once: it walks the inspections newest first probing the seals one at a time, and
    when there are none to find (the usual case) it probes for every inspection of the period
    — 110,000 probes, 200-400 ms, for 30 days of a 2,000-unit fleet. One hash of the seals
    logged since the period's margin (index-only) probed by one index-only pass over the
    period's inspections (then the newest ``AUDIT_LIMIT`` sorted out) costs a sixth of that.
    When many inspections lack a logged seal the probing plan would stop early (a few ms) where
    this one still reads the whole period (~25 ms for 30 days): the bounded worst case is what
    the page's budget needs. Parallel workers only slow the pass down on a small host serving
    other requests.
    ``set_config(…, true)`` lasts until the transaction ends: the atomic block gives it one (its
    commit undoes them), and within an enclosing transaction the server's values are put back."""
    if connection.vendor != "postgresql":
        return list(queryset)
    names = list(_PLANNER)
    enclosed = connection.in_atomic_block
    with transaction.atomic(using=queryset.db), connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join("set_config(%s, %s, true)" for _ in names),
            [v for name in names for v in (name, _PLANNER[name])],
        )
        rows = list(queryset)
        if enclosed:
            cursor.execute(
                "SELECT set_config(name, reset_val, true) FROM pg_settings WHERE name = ANY(%s)",
                [names],
            )
    return rows


def seal_audit(organization: Any, *, days: int = 7) -> dict[str, Any]:
    """Reconcile inventory, seal log and documents (inspections) over the last ``days`` and list
    every discrepancy: missing seals, failed VVTT checks, removals without a replacement, seals
    from outside the inventory, and seal numbers on inspection records that the log lacks.

    Six queries whatever the period: the live seals counted, then each kind reads at most
    ``AUDIT_LIMIT`` rows, newest first, from a partial or covering index, and only the columns
    it shows (decision 0017)."""
    org = organization
    since = timezone.now() - timedelta(days=days)
    # the removed seals are most of a long history: count the live ones, not the archive
    counts = dict(
        Seal.objects.filter(organization=org, status__in=AUDIT_STATUSES)
        .values_list("status")
        .annotate(n=Count("id"))
    )
    found: list[Discrepancy] = []
    text = _("Reported missing.")
    missing = Seal.objects.filter(organization=org, status="missing", last_event_at__gte=since)
    for number, when in missing.order_by("-last_event_at").values_list("number", "last_event_at")[
        :AUDIT_LIMIT
    ]:
        found.append(Discrepancy("missing", number, text, when))
    bad_checks = SealEvent.objects.filter(
        organization=org, kind="verified", occurred_at__gte=since
    ).filter(
        Q(number_matches=False)
        | Q(viewed=False)
        | Q(verified=False)
        | Q(tugged=False)
        | Q(twisted=False)
    )
    mismatch = _("Number does not match the documents.")
    incomplete = _("VVTT check incomplete (View, Verify, Tug, Twist).")
    for number, when, matches in bad_checks.order_by("-occurred_at").values_list(
        "seal_number", "occurred_at", "number_matches"
    )[:AUDIT_LIMIT]:
        found.append(
            Discrepancy("check", number, mismatch if matches is False else incomplete, when)
        )
    removals = SealEvent.objects.filter(
        organization=org, kind="removed", replacement_number="", occurred_at__gte=since
    ).exclude(authority="consignee")
    authorities = dict(SealEvent.Authority.choices)
    texts: dict[str, str] = {}
    for number, when, authority in removals.order_by("-occurred_at").values_list(
        "seal_number", "occurred_at", "authority"
    )[:AUDIT_LIMIT]:
        if authority not in texts:
            texts[authority] = _("Removed (%(why)s) with no replacement seal recorded.") % {
                "why": authorities.get(authority, authority)
            }
        found.append(Discrepancy("removed", number, texts[authority], when))
    outside = Seal.objects.filter(
        organization=org, lot__isnull=True, last_event_at__gte=since
    ).exclude(status__in=["removed", "void"])
    text = _("Not from the seal inventory (applied by a shipper or an agency).")
    for number, when in outside.order_by("-last_event_at").values_list("number", "last_event_at")[
        :AUDIT_LIMIT
    ]:
        found.append(Discrepancy("outside", number, text, when))
    documents = (
        Inspection.objects.filter(organization=org, inspected_at__gte=since)
        .exclude(seal_number="")
        .exclude(
            Exists(
                Seal.objects.filter(
                    organization=org,
                    number=OuterRef("seal_number"),
                    last_event_at__gte=since - timedelta(days=SEAL_LOG_MARGIN_DAYS),
                )
            )
        )
    )
    text = _("On an inspection record but not in the seal log around that time.")
    for number, when in _hashed_anti_join(
        documents.order_by("-inspected_at").values_list("seal_number", "inspected_at")[:AUDIT_LIMIT]
    ):
        found.append(Discrepancy("document", number, text, when))
    found.sort(key=lambda d: d.when or timezone.now(), reverse=True)
    return {
        "counts": counts,
        "discrepancies": found,
        "limit": AUDIT_LIMIT,
        "days": days,
        "periods": AUDIT_PERIODS,
    }


def incident_list(organization: Any, *, status: str = "", kind: str = "") -> QuerySet[Incident]:
    qs = Incident.objects.filter(organization=organization)
    if status == "active":
        qs = qs.exclude(status="closed")
    elif status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.select_related("unit", "seal").order_by("-discovered_at")


def incident_events(incident: Incident) -> QuerySet[IncidentEvent]:
    return (
        IncidentEvent.objects.filter(organization=incident.organization, incident=incident)
        .select_related("evidence")
        .order_by("occurred_at", "seq")
    )


def operations_summary(organization: Any) -> dict[str, int]:
    """Dashboard figures for a carrier, from four small queries (index-only where it counts)."""
    since = timezone.now() - timedelta(days=30)
    inspections = Inspection.objects.filter(
        organization=organization, inspected_at__gte=since
    ).aggregate(total=Count("inspected_at"), failed=Count("result", filter=Q(result="fail")))
    held = Unit.objects.filter(organization=organization, status=Unit.Status.HELD).count()
    seals = Seal.objects.filter(
        organization=organization, status__in=["missing", "void"]
    ).aggregate(
        missing=Count("id", filter=Q(status="missing")), void=Count("id", filter=Q(status="void"))
    )
    incidents = Incident.objects.filter(organization=organization).exclude(status="closed").count()
    return {
        "inspections_30d": inspections["total"],
        "failed_30d": inspections["failed"],
        "held_units": held,
        "seals_missing": seals["missing"],
        "seals_void": seals["void"],
        "open_incidents": incidents,
    }


def record_integrity(record: ChainedRecord) -> dict[str, Any]:
    """Whether this record is intact and linked, and the last full verification of its chain."""
    model = type(record)
    own = record.compute_hash() == record.record_hash
    previous = (
        model.objects.filter(organization=record.organization_id, seq=record.seq - 1)
        .only("record_hash")
        .first()
        if record.seq > 1
        else None
    )
    linked = (previous.record_hash if previous else "0" * 64) == record.prev_hash
    head = ChainHead.objects.filter(
        organization_id=record.organization_id, chain=model.chain_name()
    ).first()
    return {"intact": own and linked, "own": own, "linked": linked, "head": head}
