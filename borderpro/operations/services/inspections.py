"""Writes of inspections: a completed inspection stored once; a failed point holds its units."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.chain import chain_append
from borderpro.evidence.models import EvidenceFile
from borderpro.operations.checklists import checklist_refs
from borderpro.operations.models import Inspection, Unit
from borderpro.operations.services.common import _evidence_of, _idempotent
from borderpro.operations.services.fleet import _conveyance_of
from borderpro.organizations.activity import activity_record

POINT_RESULTS = ("pass", "fail", "na")


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
