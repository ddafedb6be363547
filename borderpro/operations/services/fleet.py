"""Writes of the fleet: units added, changed, released from hold; the in-memory cache of units
that every submission checks."""

from __future__ import annotations

import time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from borderpro.common import rows
from borderpro.operations.models import Unit
from borderpro.organizations.activity import activity_record

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
