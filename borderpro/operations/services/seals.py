"""Writes of the seal log: lots received, issue, affix, VVTT verification, removal, void and
missing, with the seal's current state kept in step."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.chain import chain_append
from borderpro.operations.models import Seal, SealEvent, SealLot
from borderpro.operations.services.common import _evidence_of, _idempotent, _unit_of
from borderpro.organizations.activity import activity_record

MAX_LOT_SIZE = 2000


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
