"""Factories for field operations, keeping every object inside one tenant."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

from django.core.management import call_command

from borderpro.catalogue.models import Requirement
from borderpro.operations import services
from borderpro.operations.checklists import checklist_points
from borderpro.operations.models import Incident, Inspection, Seal, SealLot, Unit


def ensure_checklists() -> None:
    """Load the INSP checklists of the shipped catalogue once per test database."""
    if not Requirement.objects.filter(framework__code="INSP").exists():
        call_command("load_catalogue", verbosity=0)


def unit_for(organization: Any, *, number: str = "", kind: str = "trailer", **fields: Any) -> Unit:
    number = number or f"{kind[:2].upper()}-{uuid4().hex[:6]}"
    unit = Unit.objects.filter(organization=organization, unit_number=number).first()
    if unit is None:
        unit = services.unit_create(
            actor=None,
            organization=organization,
            unit_number=number,
            kind=kind,
            body_type=fields.pop("body_type", "dry_van" if kind == "trailer" else ""),
            **fields,
        )
    return unit


def points_for(checklist: str = "msc17", *, fail: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    ensure_checklists()
    return [
        {
            "ref": p.ref,
            "result": "fail" if p.ref in fail else "pass",
            "note": "Hole in the floor" if p.ref in fail else "",
            "photos": [],
        }
        for p in checklist_points(checklist)
    ]


def inspection_for(
    organization: Any, *, actor: Any = None, fail: tuple[str, ...] = (), **fields: Any
) -> Inspection:
    ensure_checklists()
    trailer = fields.pop("trailer", None) or unit_for(organization, kind="trailer")
    tractor = fields.pop("tractor", None) or unit_for(organization, kind="tractor")
    inspection, _ = services.inspection_record(
        actor=actor,
        organization=organization,
        client_id=fields.pop("client_id", uuid4()),
        checklist="msc17",
        place=fields.pop("place", "yard_exit"),
        inspector_name=fields.pop("inspector_name", "Bob Singh"),
        points=points_for("msc17", fail=fail),
        tractor=tractor,
        trailer=trailer,
        **fields,
    )
    return inspection


def lot_for(organization: Any, *, first: int = 1000, last: int = 1009, prefix: str = "") -> SealLot:
    return services.seal_lot_receive(
        actor=None,
        organization=organization,
        manufacturer="TydenBrooks",
        first_number=first,
        last_number=last,
        received_on=date(2026, 1, 5),
        storage_location="Locked cabinet, dispatch office",
        prefix=prefix,
    )


def affixed_seal(organization: Any, *, number: str = "", unit: Any = None) -> Seal:
    number = number or f"S{uuid4().int % 10**8:08d}"
    unit = unit or unit_for(organization, kind="trailer")
    services.seal_event_record(
        actor=None,
        organization=organization,
        client_id=uuid4(),
        seal_number=number,
        kind="affixed",
        actor_name="Bob Singh",
        unit=unit,
        trip_ref="CCN-1",
    )
    return Seal.objects.get(organization=organization, number=number)


def incident_for(organization: Any, **fields: Any) -> Incident:
    incident, _ = services.incident_report(
        actor=None,
        organization=organization,
        client_id=uuid4(),
        kind=fields.pop("kind", "seal"),
        summary=fields.pop("summary", "Seal number does not match the bill of lading"),
        discovered_by="Bob Singh",
        location="Highway 401, Windsor",
        **fields,
    )
    return incident


def sample_unit_id(organization: Any) -> Unit:
    return unit_for(organization)


def sample_inspection_id(organization: Any) -> Inspection:
    return inspection_for(organization)


def sample_seal_id(organization: Any) -> Seal:
    return affixed_seal(organization)


def sample_incident_id(organization: Any) -> Incident:
    return incident_for(organization)
