"""Writes of incident files: the report that opens one and every entry added after it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.chain import chain_append
from borderpro.operations.models import Incident, IncidentEvent, Inspection, Seal
from borderpro.operations.services.common import _evidence_of, _idempotent, _unit_of
from borderpro.organizations.activity import activity_record, choice_label


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
