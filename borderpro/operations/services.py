"""Writes for field operations: fleet, inspections, seals, incidents.

Records coming from devices carry a client-generated ``client_id``: sending the same
record again returns the stored one (``created`` is False) instead of making a duplicate.
Routine inspections and seal events are their own hash-chained log, so only what a manager
must notice (failed inspections, lots, incidents, fleet changes) goes to the activity feed.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from contextlib import nullcontext
from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderpro.common import rows
from borderpro.common.chain import chain_append
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_upload
from borderpro.operations.checklists import checklist_refs
from borderpro.operations.models import (
    DeviceRecord,
    Incident,
    IncidentEvent,
    Inspection,
    Seal,
    SealEvent,
    SealLot,
    Unit,
    UploadReceipt,
)
from borderpro.organizations.activity import activity_record, choice_label

POINT_RESULTS = ("pass", "fail", "na")
MAX_LOT_SIZE = 2000
UNIT_FIELDS = (
    "unit_number",
    "kind",
    "body_type",
    "vin",
    "plate",
    "plate_jurisdiction",
    "owner_operator",
    "status",
    "site",
)


# --- idempotency -----------------------------------------------------------------------


def _idempotent[R: DeviceRecord](
    model: type[R],
    organization: Any,
    client_id: UUID,
    create: Callable[[], R],
    *,
    look_first: bool = True,
    atomic: bool = True,
) -> tuple[R, bool]:
    """Return the record already stored under ``client_id``, or create it.

    ``look_first=False`` skips the lookup and lets a retry meet the unique constraint on
    (organization, client_id) instead: one query less per submission, for records whose
    creation does not depend on state a first try may already have changed (inspections).
    Seal and incident events must look first: a retried "affix" would otherwise be refused
    because the seal is already affixed. ``atomic=False`` runs ``create`` without a
    transaction of its own, for a creation that writes in a single statement.
    """
    if look_first:
        existing = _stored(model, organization, client_id)
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic() if atomic else nullcontext():
            return create(), True
    except IntegrityError:
        existing = _stored(model, organization, client_id)
        if existing is None:
            raise
        return existing, False


def _stored[R: DeviceRecord](model: type[R], organization: Any, client_id: UUID) -> R | None:
    """The record a device already sent under ``client_id`` (a retry), if any."""
    try:
        found = rows.select(model, organization=organization.pk, client_id=client_id)
    except ValidationError:  # not a UUID: nothing was stored under it
        return None
    return found[0] if found else None


def _evidence_of(organization: Any, evidence_id: Any, field: str) -> EvidenceFile | None:
    if not evidence_id:
        return None
    evidence = EvidenceFile.objects.filter(organization=organization, pk=evidence_id).first()
    if evidence is None:
        raise ValidationError(
            {
                field: _("The photo or file %(id)s is not in this organization's vault.")
                % {"id": evidence_id}
            }
        )
    return evidence


def _unit_of(organization: Any, unit_id: Any, field: str, kinds: tuple[str, ...]) -> Unit | None:
    if not unit_id:
        return None
    unit = Unit.objects.filter(organization=organization, pk=unit_id).first()
    if unit is None or unit.kind not in kinds:
        raise ValidationError({field: _("Choose a unit of the fleet of the right kind.")})
    return unit


_UNITS: dict[tuple[str, str], tuple[float, Unit]] = {}
UNITS_TTL = 60.0


def _fleet_units(organization: Any, wanted: list[Any]) -> dict[str, Unit]:
    """Units of the organization by id, kept in memory for a minute: every submission names
    its tractor and trailer, and what is checked here (the unit is in this fleet and of the
    right kind) barely changes; units are never deleted. ``unit_update`` forgets its unit in
    this process; other processes see a change of kind or number within the minute."""
    now = time.monotonic()
    org = str(organization.pk)
    found: dict[str, Unit] = {}
    missing = []
    for pk in wanted:
        hit = _UNITS.get((org, str(pk)))
        if hit is not None and now - hit[0] < UNITS_TTL:
            found[str(pk)] = hit[1]
        else:
            missing.append(pk)
    if missing:
        try:
            loaded = rows.select(Unit, organization=organization.pk, id=missing)
        except ValidationError:  # not a UUID: no such unit
            loaded = []
        if len(_UNITS) > 10_000:
            _UNITS.clear()
        for unit in loaded:
            _UNITS[(org, str(unit.pk))] = (now, unit)
            found[str(unit.pk)] = unit
    return found


def _conveyance_of(
    organization: Any, tractor_id: Any, trailer_id: Any
) -> tuple[Unit | None, Unit | None]:
    """The tractor and the trailer (or container) of an inspection, in one query."""
    found = _fleet_units(organization, [pk for pk in (tractor_id, trailer_id) if pk])
    tractor = found.get(str(tractor_id)) if tractor_id else None
    trailer = found.get(str(trailer_id)) if trailer_id else None
    if tractor_id and (tractor is None or tractor.kind != Unit.Kind.TRACTOR):
        raise ValidationError({"tractor": _("Choose a unit of the fleet of the right kind.")})
    if trailer_id and (trailer is None or trailer.kind == Unit.Kind.TRACTOR):
        raise ValidationError({"trailer": _("Choose a unit of the fleet of the right kind.")})
    return tractor, trailer


# --- fleet -----------------------------------------------------------------------------


@transaction.atomic
def unit_create(*, actor: Any, organization: Any, **fields: Any) -> Unit:
    unit = Unit(organization=organization, **{k: v for k, v in fields.items() if k in UNIT_FIELDS})
    unit.full_clean()
    unit.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="unit.added",
        target=unit,
        unit=unit.unit_number,
    )
    return unit


@transaction.atomic
def unit_update(*, actor: Any, unit: Unit, **fields: Any) -> Unit:
    for key, value in fields.items():
        if key not in UNIT_FIELDS:
            raise ValidationError({key: _("This field cannot be changed.")})
        setattr(unit, key, value)
    unit.full_clean()
    unit.save()
    _UNITS.pop((str(unit.organization_id), str(unit.pk)), None)
    activity_record(
        organization=unit.organization,
        actor=actor,
        verb="unit.updated",
        target=unit,
        unit=unit.unit_number,
    )
    return unit


@transaction.atomic
def unit_release(*, actor: Any, unit: Unit) -> Unit:
    """Put a unit held after a failed inspection back in service."""
    if unit.status != Unit.Status.HELD:
        raise ValidationError({"status": _("This unit is not on hold.")})
    unit.status = Unit.Status.ACTIVE
    unit.save(update_fields=["status", "updated_at"])
    activity_record(
        organization=unit.organization,
        actor=actor,
        verb="unit.released",
        target=unit,
        unit=unit.unit_number,
    )
    return unit


# --- photos from devices ---------------------------------------------------------------


def photo_upload(
    *, actor: Any, organization: Any, client_id: UUID, upload: UploadedFile, title: str = ""
) -> tuple[EvidenceFile, bool]:
    """Store a photo or signature in the evidence vault once, however often the device retries."""
    receipt = (
        UploadReceipt.objects.filter(organization=organization, client_id=client_id)
        .select_related("evidence")
        .first()
    )
    if receipt is not None:
        return receipt.evidence, False
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    evidence = EvidenceFile.objects.filter(
        organization=organization, sha256=digest.hexdigest()
    ).first()
    created = evidence is None
    if evidence is None:
        with translation.override(organization.language):  # stored text: the company's language
            default_title, proves = _("Field photo"), _("Photo taken during field operations")
        evidence = evidence_upload(
            actor=actor,
            organization=organization,
            upload=upload,
            title=title or default_title,
            proves=proves,
        )
    try:
        with transaction.atomic():
            UploadReceipt.objects.create(
                organization=organization, client_id=client_id, evidence=evidence, uploaded_by=actor
            )
    except IntegrityError:
        pass
    return evidence, created


# --- inspections -----------------------------------------------------------------------


def _clean_points(
    organization: Any, checklist: str, points: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    expected = checklist_refs(checklist)
    if not expected:
        raise ValidationError(
            {"checklist": _("This checklist is not in the requirements catalogue.")}
        )
    given = {str(p.get("ref", "")): p for p in points if isinstance(p, dict)}
    missing = [ref for ref in expected if ref not in given]
    if missing:
        raise ValidationError(
            {
                "points": _("Every point needs a result; missing: %(refs)s.")
                % {"refs": ", ".join(missing)}
            }
        )
    extra = sorted(set(given) - set(expected))
    if extra:
        raise ValidationError(
            {
                "points": _("These points are not on the checklist: %(refs)s.")
                % {"refs": ", ".join(extra)}
            }
        )
    cleaned = []
    photo_ids = {str(pid) for p in given.values() for pid in (p.get("photos") or [])}
    known = (
        {
            str(pk)
            for pk in EvidenceFile.objects.filter(
                organization=organization, pk__in=list(photo_ids)
            ).values_list("pk", flat=True)
        }
        if photo_ids
        else set()
    )
    for ref in expected:
        point = given[ref]
        result = point.get("result")
        if result not in POINT_RESULTS:
            raise ValidationError(
                {"points": _("Point %(ref)s: choose pass, fail or not applicable.") % {"ref": ref}}
            )
        photos = [str(pid) for pid in (point.get("photos") or [])]
        unknown = [pid for pid in photos if pid not in known]
        if unknown:
            raise ValidationError(
                {
                    "points": _("Point %(ref)s: photo %(id)s is not in the vault.")
                    % {"ref": ref, "id": unknown[0]}
                }
            )
        note = str(point.get("note") or "")[:1000]
        if result == "fail" and not note and not photos:
            raise ValidationError(
                {
                    "points": _(
                        "Point %(ref)s failed: add a note or a photo that says what was found."
                    )
                    % {"ref": ref}
                }
            )
        cleaned.append({"ref": ref, "result": result, "note": note, "photos": photos})
    return cleaned


def inspection_record(
    *,
    actor: Any,
    organization: Any,
    client_id: UUID,
    checklist: str,
    place: str,
    inspector_name: str,
    points: list[dict[str, Any]],
    inspected_at: datetime | None = None,
    tractor: Any = None,
    trailer: Any = None,
    latitude: Any = None,
    longitude: Any = None,
    trip_ref: str = "",
    seal_number: str = "",
    note: str = "",
    supervisor_name: str = "",
    signature: Any = None,
    corrects: Inspection | None = None,
) -> tuple[Inspection, bool]:
    """Store a completed inspection. A failed point holds the units inspected."""

    def create() -> Inspection:
        cleaned = _clean_points(organization, checklist, points)
        tractor_unit, trailer_unit = _conveyance_of(
            organization, getattr(tractor, "pk", tractor), getattr(trailer, "pk", trailer)
        )
        if tractor_unit is None and trailer_unit is None:
            raise ValidationError(
                {"trailer": _("Say which tractor, trailer or container was inspected.")}
            )
        if corrects is not None and corrects.organization_id != organization.pk:
            raise ValidationError(
                {"corrects": _("The corrected inspection is not in this organization.")}
            )
        failed = sum(1 for p in cleaned if p["result"] == "fail")
        inspection = chain_append(
            Inspection(
                organization=organization,
                recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
                client_id=client_id,
                checklist=checklist,
                place=place,
                inspector_name=inspector_name.strip(),
                inspected_at=inspected_at or timezone.now(),
                tractor=tractor_unit,
                trailer=trailer_unit,
                latitude=latitude,
                longitude=longitude,
                trip_ref=trip_ref.strip(),
                seal_number=seal_number.strip(),
                points=cleaned,
                result="fail" if failed else "pass",
                failed_points=failed,
                note=note,
                supervisor_name=supervisor_name.strip(),
                signature=_evidence_of(
                    organization, getattr(signature, "pk", signature), "signature"
                ),
                corrects=corrects,
            )
        )
        if failed:
            held = [u for u in (tractor_unit, trailer_unit) if u is not None]
            Unit.objects.filter(pk__in=[u.pk for u in held]).exclude(
                status__in=[Unit.Status.RETIRED, Unit.Status.OUT_OF_SERVICE]
            ).update(status=Unit.Status.HELD, updated_at=timezone.now())
            activity_record(
                organization=organization,
                actor=actor,
                verb="inspection.failed",
                target=inspection,
                units=", ".join(u.unit_number for u in held),
                count=failed,
            )
        return inspection

    # A passing inspection is one statement (the chain append), so it needs no transaction of
    # its own; a failing one also holds its units and records the activity, all or nothing.
    failing = any(isinstance(p, dict) and p.get("result") == "fail" for p in points)
    return _idempotent(
        Inspection, organization, client_id, create, look_first=False, atomic=failing
    )


# --- seals -----------------------------------------------------------------------------


def _seal_event(
    seal: Seal,
    *,
    actor: Any,
    client_id: UUID,
    kind: str,
    occurred_at: datetime,
    actor_name: str,
    **fields: Any,
) -> SealEvent:
    return chain_append(
        SealEvent(
            organization=seal.organization,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            client_id=client_id,
            seal=seal,
            seal_number=seal.number,
            kind=kind,
            occurred_at=occurred_at,
            actor_name=actor_name,
            **fields,
        )
    )


@transaction.atomic
def seal_lot_receive(
    *,
    actor: Any,
    organization: Any,
    manufacturer: str,
    first_number: int,
    last_number: int,
    received_on: date,
    storage_location: str,
    iso_class: str = "H",
    prefix: str = "",
    digits: int = 6,
    certificate: Any = None,
    client_id: UUID | None = None,
) -> SealLot:
    """Receive a lot of seals: the lot, one seal per number and a "received" event for each."""
    from borderpro.common.ids import uuid7

    lot = SealLot(
        organization=organization,
        manufacturer=manufacturer,
        iso_class=iso_class,
        prefix=prefix,
        first_number=first_number,
        last_number=last_number,
        digits=digits,
        received_on=received_on,
        storage_location=storage_location,
        certificate=_evidence_of(
            organization, getattr(certificate, "pk", certificate), "certificate"
        ),
    )
    lot.full_clean()
    if lot.size > MAX_LOT_SIZE:
        raise ValidationError(
            {"last_number": _("A lot holds at most %(n)s seals; split it.") % {"n": MAX_LOT_SIZE}}
        )
    numbers = [lot.number(n) for n in range(first_number, last_number + 1)]
    taken = list(
        Seal.objects.filter(organization=organization, number__in=numbers).values_list(
            "number", flat=True
        )[:5]
    )
    if taken:
        raise ValidationError(
            {
                "first_number": _("These seal numbers are already in the seal log: %(n)s.")
                % {"n": ", ".join(taken)}
            }
        )
    lot.save()
    now = timezone.now()
    name = getattr(actor, "display_name", "") or _("Seal inventory")
    seals = Seal.objects.bulk_create(
        [
            Seal(organization=organization, number=number, lot=lot, last_event_at=now)
            for number in numbers
        ]
    )
    for seal in seals:
        _seal_event(
            seal,
            actor=actor,
            client_id=uuid7(),
            kind="received",
            occurred_at=now,
            actor_name=name,
            note=storage_location,
        )
    activity_record(
        organization=organization,
        actor=actor,
        verb="seals.received",
        target=lot,
        count=lot.size,
        first=numbers[0],
        last=numbers[-1],
    )
    return lot


ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "issued": ("in_stock",),
    "affixed": ("in_stock", "issued"),
    "verified": ("affixed",),
    "removed": ("affixed",),
    "void": ("in_stock", "issued"),
    "missing": ("in_stock", "issued", "affixed"),
}
STATUS_AFTER = {
    "issued": "issued",
    "affixed": "affixed",
    "removed": "removed",
    "void": "void",
    "missing": "missing",
}


def _check_seal_event(seal: Seal, kind: str, fields: dict[str, Any]) -> None:
    if kind not in ALLOWED_FROM:
        raise ValidationError({"kind": _("Choose what happened to the seal.")})
    if seal.status not in ALLOWED_FROM[kind]:
        raise ValidationError(
            {
                "seal_number": _("Seal %(n)s is %(status)s; it cannot be %(kind)s now.")
                % {
                    "n": seal.number,
                    "status": seal.get_status_display().lower(),
                    "kind": SealEvent.Kind(kind).label.lower(),
                }
            }
        )
    if kind == "issued" and not fields.get("issued_to") and not fields.get("trip_ref"):
        raise ValidationError({"issued_to": _("Say to whom or to which trip the seal is issued.")})
    if kind == "affixed" and fields.get("unit") is None:
        raise ValidationError({"unit": _("Say which trailer or container the seal is on.")})
    if kind == "verified":
        if not fields.get("stage"):
            raise ValidationError(
                {
                    "stage": _(
                        "Say when the seal was checked: pickup, after a stop or at the border."
                    )
                }
            )
        if fields.get("number_matches") is None:
            raise ValidationError(
                {"number_matches": _("Say whether the seal number matches the documents.")}
            )
    if kind == "removed" and not fields.get("authority"):
        raise ValidationError({"authority": _("Say on whose authority the seal was removed.")})


def seal_event_record(
    *,
    actor: Any,
    organization: Any,
    client_id: UUID,
    seal_number: str,
    kind: str,
    actor_name: str,
    occurred_at: datetime | None = None,
    unit: Any = None,
    **fields: Any,
) -> tuple[SealEvent, bool]:
    """Record issue, affix, VVTT verification, removal, void or missing for one seal."""

    def create() -> SealEvent:
        number = seal_number.strip()
        if not number:
            raise ValidationError({"seal_number": _("Enter the seal number.")})
        seal = (
            Seal.objects.select_for_update()
            .filter(organization=organization, number=number)
            .first()
        )
        if seal is None:
            if kind != "affixed":
                raise ValidationError(
                    {"seal_number": _("Seal %(n)s is not in the seal log.") % {"n": number}}
                )
            # a seal applied by a shipper or an agency: it enters the log when it is affixed
            seal = Seal.objects.create(
                organization=organization, number=number, status=Seal.Status.IN_STOCK
            )
        values = dict(fields)
        values["unit"] = _unit_of(
            organization, getattr(unit, "pk", unit), "unit", ("trailer", "container")
        )
        values["photo"] = _evidence_of(
            organization, getattr(values.get("photo"), "pk", values.get("photo")), "photo"
        )
        _check_seal_event(seal, kind, values)
        when = occurred_at or timezone.now()
        event = _seal_event(
            seal,
            actor=actor,
            client_id=client_id,
            kind=kind,
            occurred_at=when,
            actor_name=actor_name.strip(),
            **values,
        )
        _project(seal, event)
        if kind == "removed" and event.replacement_number:
            _replace(event, actor=actor)
        return event

    return _idempotent(SealEvent, organization, client_id, create)


def _project(seal: Seal, event: SealEvent) -> None:
    """Keep the seal's current state in step with its latest event."""
    if event.kind in STATUS_AFTER:
        seal.status = STATUS_AFTER[event.kind]
    if event.kind == "issued":
        seal.holder = event.issued_to
    if event.kind == "affixed":
        seal.unit = event.unit
    if event.trip_ref:
        seal.trip_ref = event.trip_ref
    seal.last_event_at = event.occurred_at
    seal.save(update_fields=["status", "holder", "unit", "trip_ref", "last_event_at", "updated_at"])


def _replace(removal: SealEvent, *, actor: Any) -> None:
    from borderpro.common.ids import uuid7

    seal_event_record(
        actor=actor,
        organization=removal.organization,
        client_id=uuid7(),
        seal_number=removal.replacement_number,
        kind="affixed",
        actor_name=removal.actor_name,
        occurred_at=removal.occurred_at,
        unit=removal.unit_id,
        trip_ref=removal.trip_ref,
        note=_("Replaces seal %(n)s (%(why)s)")
        % {"n": removal.seal_number, "why": removal.get_authority_display()},
    )


# --- incidents -------------------------------------------------------------------------


def _next_reference(organization: Any, when: datetime) -> str:
    year = when.year
    count = Incident.objects.filter(
        organization=organization, reference__startswith=f"INC-{year}-"
    ).count()
    return f"INC-{year}-{count + 1:03d}"


def incident_report(
    *,
    actor: Any,
    organization: Any,
    client_id: UUID,
    kind: str,
    summary: str,
    discovered_by: str,
    location: str,
    discovered_at: datetime | None = None,
    unit: Any = None,
    seal_number: str = "",
    inspection: Any = None,
    trip_ref: str = "",
    us_bound: bool = False,
    details: str = "",
) -> tuple[Incident, bool]:
    """Open an incident file; the "reported" entry is the first link of its story."""
    existing = (
        IncidentEvent.objects.filter(organization=organization, client_id=client_id)
        .select_related("incident")
        .first()
    )
    if existing is not None:
        return existing.incident, False

    def create() -> IncidentEvent:
        when = discovered_at or timezone.now()
        seal = None
        if seal_number.strip():
            seal = Seal.objects.filter(
                organization=organization, number=seal_number.strip()
            ).first()
            if seal is None:
                raise ValidationError(
                    {"seal_number": _("Seal %(n)s is not in the seal log.") % {"n": seal_number}}
                )
        linked = None
        if inspection:
            linked = Inspection.objects.filter(
                organization=organization, pk=getattr(inspection, "pk", inspection)
            ).first()
            if linked is None:
                raise ValidationError(
                    {"inspection": _("That inspection is not in this organization.")}
                )
        incident = Incident(
            organization=organization,
            reference=_next_reference(organization, when),
            kind=kind,
            summary=summary.strip(),
            discovered_at=when,
            discovered_by=discovered_by.strip(),
            location=location.strip(),
            trip_ref=trip_ref.strip(),
            us_bound=us_bound,
            seal=seal,
            inspection=linked,
            unit=_unit_of(
                organization, getattr(unit, "pk", unit), "unit", ("tractor", "trailer", "container")
            ),
        )
        incident.full_clean()
        incident.save()
        event = chain_append(
            IncidentEvent(
                organization=organization,
                recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
                client_id=client_id,
                incident=incident,
                kind="reported",
                occurred_at=when,
                actor_name=discovered_by.strip(),
                text=details or summary,
            )
        )
        activity_record(
            organization=organization,
            actor=actor,
            verb="incident.reported",
            target=incident,
            reference=incident.reference,
            kind=choice_label(incident, "kind"),
        )
        return event

    event, created = _idempotent(IncidentEvent, organization, client_id, create)
    return event.incident, created


def incident_add_event(
    *,
    actor: Any,
    incident: Incident,
    client_id: UUID,
    kind: str,
    actor_name: str,
    occurred_at: datetime | None = None,
    recipient: str = "",
    contact: str = "",
    before_border: bool | None = None,
    text: str = "",
    due_on: date | None = None,
    evidence: Any = None,
) -> tuple[IncidentEvent, bool]:
    """Add a notification, investigation note, root cause, corrective action or the closure."""
    organization = incident.organization

    def create() -> IncidentEvent:
        locked = Incident.objects.select_for_update().get(pk=incident.pk)
        if locked.status == Incident.Status.CLOSED:
            raise ValidationError(
                {"kind": _("This incident is closed; nothing more can be added.")}
            )
        if kind not in IncidentEvent.Kind.values or kind == "reported":
            raise ValidationError({"kind": _("Choose what to add to the incident file.")})
        if kind == "notified" and not recipient:
            raise ValidationError({"recipient": _("Say who was notified.")})
        if kind in ("investigation", "root_cause", "action") and not text.strip():
            raise ValidationError({"text": _("Describe it in a few words.")})
        if kind == "closed" and not (
            locked.root_cause
            or IncidentEvent.objects.filter(
                organization=organization, incident=locked, kind="root_cause"
            ).exists()
        ):
            raise ValidationError({"kind": _("Record the root cause before closing the incident.")})
        when = occurred_at or timezone.now()
        event = chain_append(
            IncidentEvent(
                organization=organization,
                recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
                client_id=client_id,
                incident=locked,
                kind=kind,
                occurred_at=when,
                actor_name=actor_name.strip(),
                recipient=recipient,
                contact=contact.strip(),
                before_border=before_border,
                text=text.strip(),
                due_on=due_on,
                evidence=_evidence_of(organization, getattr(evidence, "pk", evidence), "evidence"),
            )
        )
        if kind == "root_cause":
            locked.root_cause = event.text
        if (
            kind in ("investigation", "root_cause", "action")
            and locked.status == Incident.Status.OPEN
        ):
            locked.status = Incident.Status.INVESTIGATING
        if kind == "closed":
            locked.status = Incident.Status.CLOSED
            locked.closed_at = when
        locked.full_clean()
        locked.save()
        activity_record(
            organization=organization,
            actor=actor,
            verb=f"incident.{kind}",
            target=locked,
            reference=locked.reference,
        )
        return event

    return _idempotent(IncidentEvent, organization, client_id, create)
