"""Field operations on the record registry (``common/records.py``): what a review samples
(inspections, seal events, incidents) and what the validation binder holds (the inspection
log, the seal log and the incident log of the period, each saying whether its hash chain
verified intact at build time). One query per source or extract."""

from __future__ import annotations

import zoneinfo
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.common.chain import verify_chain
from borderpro.common.documents import CHOICE, DATE, Column, write_csv, write_xlsx
from borderpro.common.records import (
    BinderFile,
    SampledRecord,
    register_binder_part,
    register_record_source,
)
from borderpro.operations.models import Incident, IncidentEvent, Inspection, SealEvent
from borderpro.operations.selectors import _day_bounds


def _bounds(organization: Any, start: date, end: date) -> tuple[Any, Any]:
    return _day_bounds(organization, start), _day_bounds(organization, end, end=True)


def _local(organization: Any) -> Any:
    return zoneinfo.ZoneInfo(organization.time_zone)


def inspection_records(organization: Any, start: date, end: date) -> list[SampledRecord]:
    low, high = _bounds(organization, start, end)
    tz = _local(organization)
    labels = dict(Inspection.Result.choices)
    rows = Inspection.objects.filter(
        organization=organization, inspected_at__gte=low, inspected_at__lt=high
    ).values_list(
        "id",
        "inspected_at",
        "result",
        "tractor__unit_number",
        "trailer__unit_number",
        "inspector_name",
    )
    code = organization.code
    return [
        SampledRecord(
            "operations.inspections",
            str(pk),
            at.astimezone(tz).date(),
            _("Inspection of %(units)s by %(who)s: %(result)s")
            % {
                "units": " + ".join(u for u in (tractor, trailer) if u) or "—",
                "who": who,
                "result": labels.get(result, result),
            },
            reverse("operations:inspection", args=[code, pk]),
        )
        for pk, at, result, tractor, trailer, who in rows
    ]


def seal_event_records(organization: Any, start: date, end: date) -> list[SampledRecord]:
    low, high = _bounds(organization, start, end)
    tz = _local(organization)
    kinds = dict(SealEvent.Kind.choices)
    rows = SealEvent.objects.filter(
        organization=organization, occurred_at__gte=low, occurred_at__lt=high
    ).values_list("id", "occurred_at", "kind", "seal_number", "seal_id", "actor_name")
    code = organization.code
    return [
        SampledRecord(
            "operations.seals",
            str(pk),
            at.astimezone(tz).date(),
            _("Seal %(number)s %(event)s by %(who)s")
            % {"number": number, "event": str(kinds.get(kind, kind)).lower(), "who": who},
            reverse("operations:seal", args=[code, seal_id]),
        )
        for pk, at, kind, number, seal_id, who in rows
    ]


def incident_records(organization: Any, start: date, end: date) -> list[SampledRecord]:
    low, high = _bounds(organization, start, end)
    tz = _local(organization)
    rows = Incident.objects.filter(
        organization=organization, discovered_at__gte=low, discovered_at__lt=high
    ).values_list("id", "discovered_at", "reference", "summary")
    code = organization.code
    return [
        SampledRecord(
            "operations.incidents",
            str(pk),
            at.astimezone(tz).date(),
            f"{reference} {summary}",
            reverse("operations:incident", args=[code, pk]),
        )
        for pk, at, reference, summary in rows
    ]


def _intact(model: Any, organization: Any) -> bool:
    return verify_chain(model, organization).ok


def inspection_extract(
    organization: Any, start: date, end: date, language: str
) -> list[BinderFile]:
    low, high = _bounds(organization, start, end)
    tz = _local(organization)
    columns = [
        Column("at", _("Inspected at"), width=18),
        Column("checklist", _("Checklist")),
        Column("tractor", _("Tractor")),
        Column("trailer", _("Trailer or container")),
        Column("place", _("Where")),
        Column("inspector", _("Inspector"), width=20),
        Column("seal", _("Seal number")),
        Column("result", _("Result"), kind=CHOICE, choices=dict(Inspection.Result.choices)),
        Column("failed", _("Failed points")),
        Column("hash", _("Record hash"), width=20),
    ]
    rows = (
        {
            "at": at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            "checklist": checklist,
            "tractor": tractor,
            "trailer": trailer,
            "place": place,
            "inspector": who,
            "seal": seal,
            "result": result,
            "failed": failed,
            "hash": record_hash,
        }
        for at, checklist, tractor, trailer, place, who, seal, result, failed, record_hash in (
            Inspection.objects.filter(
                organization=organization, inspected_at__gte=low, inspected_at__lt=high
            )
            .order_by("inspected_at", "seq")
            .values_list(
                "inspected_at",
                "checklist",
                "tractor__unit_number",
                "trailer__unit_number",
                "place",
                "inspector_name",
                "seal_number",
                "result",
                "failed_points",
                "record_hash",
            )
            .iterator(5000)
        )
    )
    # CSV (UTF-8 with a byte-order mark: opens in Excel): a year of a fleet's inspections is
    # tens of thousands of rows, written in a fraction of the time of a styled workbook
    data = write_csv(columns, rows, language=language)
    return [
        BinderFile(
            "operations/inspection-log.csv",
            data,
            _("Inspection log"),
            chain_intact=_intact(Inspection, organization),
        )
    ]


def seal_extract(organization: Any, start: date, end: date, language: str) -> list[BinderFile]:
    low, high = _bounds(organization, start, end)
    tz = _local(organization)
    columns = [
        Column("at", _("When"), width=18),
        Column("seal", _("Seal number")),
        Column("kind", _("Event"), kind=CHOICE, choices=dict(SealEvent.Kind.choices)),
        Column("unit", _("Trailer or container")),
        Column("who", _("By"), width=20),
        Column("trip", _("Trip or cargo control number")),
        Column("hash", _("Record hash"), width=20),
    ]
    rows = (
        {
            "at": at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            "seal": seal,
            "kind": kind,
            "unit": unit,
            "who": who,
            "trip": trip,
            "hash": record_hash,
        }
        for at, seal, kind, unit, who, trip, record_hash in (
            SealEvent.objects.filter(
                organization=organization, occurred_at__gte=low, occurred_at__lt=high
            )
            .order_by("occurred_at", "seq")
            .values_list(
                "occurred_at",
                "seal_number",
                "kind",
                "unit__unit_number",
                "actor_name",
                "trip_ref",
                "record_hash",
            )
            .iterator(5000)
        )
    )
    data = write_csv(columns, rows, language=language)
    return [
        BinderFile(
            "operations/seal-log.csv",
            data,
            _("Seal log"),
            chain_intact=_intact(SealEvent, organization),
        )
    ]


def incident_extract(organization: Any, start: date, end: date, language: str) -> list[BinderFile]:
    low, high = _bounds(organization, start, end)
    columns = [
        Column("reference", _("Reference")),
        Column("discovered", _("Discovered"), kind=DATE),
        Column("kind", _("Type"), kind=CHOICE, choices=dict(Incident.Kind.choices)),
        Column("status", _("Status"), kind=CHOICE, choices=dict(Incident.Status.choices)),
        Column("summary", _("Summary"), width=50, wrap=True),
        Column("closed", _("Closed"), kind=DATE),
    ]
    rows = [
        {
            "reference": i.reference,
            "discovered": i.discovered_at,
            "kind": i.kind,
            "status": i.status,
            "summary": i.summary,
            "closed": i.closed_at,
        }
        for i in Incident.objects.filter(
            organization=organization, discovered_at__gte=low, discovered_at__lt=high
        ).order_by("discovered_at")
    ]
    data = write_xlsx(columns, rows, title=_("Incident log"), language=language)
    return [
        BinderFile(
            "operations/incident-log.xlsx",
            data,
            _("Incident log"),
            chain_intact=_intact(IncidentEvent, organization),
        )
    ]


def register() -> None:
    register_record_source(
        "operations.inspections",
        label=gettext_lazy("Conveyance inspections"),
        records=inspection_records,
        order=20,
    )
    register_record_source(
        "operations.seals", label=gettext_lazy("Seal events"), records=seal_event_records, order=25
    )
    register_record_source(
        "operations.incidents",
        label=gettext_lazy("Incidents"),
        records=incident_records,
        order=70,
    )
    register_binder_part(
        "operations.inspections",
        label=gettext_lazy("Inspection log"),
        build=inspection_extract,
        order=40,
    )
    register_binder_part(
        "operations.seals", label=gettext_lazy("Seal log"), build=seal_extract, order=45
    )
    register_binder_part(
        "operations.incidents",
        label=gettext_lazy("Incident log"),
        build=incident_extract,
        order=70,
    )
