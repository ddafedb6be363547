"""Writes of consultations: weekly availability, booking a slot (from the public page, from
inside the app or through the API), rescheduling and cancelling (by the private link or
in the office), notes and time, and marking a consultation done.

A slot is booked only if it is still free when the booking is written: the consultant's
availability rows are locked (``select_for_update``) while the free slots are computed
again, and the database refuses a second booking of the same consultant at the same start
(a unique constraint on the not-cancelled bookings), so two people racing for one slot
never both get it; the second is told the time was just taken.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.ids import new_code
from borderpro.consulting.consultations import selectors
from borderpro.consulting.consultations.invitations import send_booking_emails
from borderpro.consulting.consultations.models import Availability, Booking
from borderpro.consulting.models import Engagement
from borderpro.consulting.permissions import CONSULTANCY_STAFF
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Membership, Organization

BOOKER_FIELDS = ("name", "email", "company", "topic", "language", "time_zone")


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def slot_taken_message() -> str:
    return _("Sorry, this time was just taken or is no longer offered. Choose another time below.")


# --- availability ------------------------------------------------------------------------


@transaction.atomic
def availability_add(
    *, actor: Any, consultancy: Organization, fields: dict[str, Any]
) -> Availability:
    consultant: Any = fields.get("consultant")
    if not Membership.objects.filter(
        organization=consultancy, user=consultant, role__in=CONSULTANCY_STAFF
    ).exists():
        raise ValidationError({"consultant": _("Choose a consultant of the consultancy.")})
    window = Availability(organization=consultancy, **fields)
    window.full_clean()
    window.save()
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="availability.added",
        target=window,
        name=consultant.display_name,
        window=str(window),
    )
    return window


@transaction.atomic
def availability_remove(*, actor: Any, consultancy: Organization, window: Availability) -> None:
    """Stop offering a window; consultations already booked in it stay booked."""
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="availability.removed",
        target=window,
        name=window.consultant.display_name,
        window=str(window),
    )
    window.delete()


# --- booking -----------------------------------------------------------------------------


def _free_slot(
    consultancy: Organization,
    consultant_id: Any,
    starts_at: datetime,
    *,
    language: str,
    ignore: Booking | None = None,
) -> selectors.Slot | None:
    """The free slot starting then, computed again under a lock on the consultant's
    windows (rows of one consultant are booked one at a time)."""
    list(
        Availability._base_manager.select_for_update()
        .filter(organization=consultancy, consultant_id=consultant_id)
        .values_list("pk", flat=True)
    )
    wanted = selectors.slot_key(consultant_id, starts_at)
    for slot in selectors.free_slots(
        consultancy, consultant=consultant_id, language=language, ignore=ignore
    ):
        if slot.key == wanted:
            return slot
    return None


def _save_slot(booking: Booking) -> None:
    """Save; the database's one-booking-per-consultant-and-start rule turns a lost race
    into the same clear message."""
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError:
        raise ValidationError({"slot": slot_taken_message()}) from None


@transaction.atomic
def booking_create(
    *,
    consultancy: Organization,
    consultant_id: Any,
    starts_at: datetime,
    fields: dict[str, Any],
    consent_text: str = "",
    actor: Any = None,
    client: Organization | None = None,
    engagement: Engagement | None = None,
) -> tuple[Booking, str]:
    """Book a free slot. Returns the booking and the raw manage token (only its hash is
    kept). The person who booked and the consultant are emailed the invitation."""
    language = fields.get("language") or "en"
    slot = _free_slot(consultancy, consultant_id, starts_at, language=language)
    if slot is None:
        raise ValidationError({"slot": slot_taken_message()})
    if engagement is not None and engagement.organization_id != consultancy.pk:
        raise ValidationError({"engagement": _("This engagement is not one of yours.")})
    raw = secrets.token_urlsafe(32)
    booking = Booking(
        organization=consultancy,
        reference="C-" + new_code(6).upper(),
        consultant=slot.consultant,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        mode=slot.mode,
        where=slot.where,
        client=client or (engagement.client if engagement else None),
        engagement=engagement,
        booked_by=actor if getattr(actor, "is_authenticated", False) else None,
        token_hash=_hash(raw),
        consent_at=timezone.now() if consent_text else None,
        consent_text=consent_text,
        **{name: fields.get(name, "") for name in BOOKER_FIELDS},
    )
    booking.full_clean(validate_constraints=False)
    _save_slot(booking)
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="booking.created",
        target=booking,
        ref=booking.reference,
        name=booking.display_name,
    )
    transaction.on_commit(lambda: send_booking_emails(booking, event="booked", token=raw))
    return booking, raw


def booking_for_token(raw: str, *, now: datetime | None = None) -> Booking | None:
    """The booking of a manage link that still works (booked, not yet started), or None
    whatever the reason (nothing is told)."""
    if not raw or len(raw) > 100:
        return None
    booking = (
        Booking._base_manager.select_related("organization", "consultant")
        .filter(token_hash=_hash(raw))
        .first()
    )
    if booking is None or booking.status != Booking.Status.BOOKED:
        return None
    if booking.starts_at <= (now or timezone.now()):
        return None
    return booking


def _locked(booking: Booking) -> Booking:
    return (
        Booking._base_manager.select_related("organization", "consultant")
        .select_for_update(of=("self",))
        .get(pk=booking.pk)
    )


@transaction.atomic
def booking_reschedule(
    *, actor: Any, booking: Booking, starts_at: datetime, token: str = ""
) -> Booking:
    """Move the consultation to another free slot of the same consultant: the same calendar
    event (same UID), a higher SEQUENCE."""
    booking = _locked(booking)
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("Only a booked consultation can be moved."))
    consultancy = booking.organization
    slot = _free_slot(
        consultancy, booking.consultant_id, starts_at, language=booking.language, ignore=booking
    )
    if slot is None:
        raise ValidationError({"slot": slot_taken_message()})
    previous = booking.starts_at
    booking.starts_at, booking.ends_at = slot.starts_at, slot.ends_at
    booking.mode, booking.where = slot.mode, slot.where
    booking.sequence += 1
    _save_slot(booking)
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="booking.rescheduled",
        target=booking,
        ref=booking.reference,
        name=booking.display_name,
        previous=previous.isoformat(),
    )
    transaction.on_commit(lambda: send_booking_emails(booking, event="rescheduled", token=token))
    return booking


@transaction.atomic
def booking_cancel(*, actor: Any, booking: Booking, reason: str = "") -> Booking:
    """Cancel: the slot is free again, the manage link stops working, and both calendars
    get the cancellation of the same event."""
    booking = _locked(booking)
    if booking.status != Booking.Status.BOOKED:
        raise ValidationError(_("Only a booked consultation can be cancelled."))
    booking.status = Booking.Status.CANCELLED
    booking.cancelled_at = timezone.now()
    booking.cancel_reason = " ".join(reason.split())[:500]
    booking.sequence += 1
    booking.save()
    activity_record(
        organization=booking.organization,
        actor=actor,
        verb="booking.cancelled",
        target=booking,
        ref=booking.reference,
        name=booking.display_name,
    )
    transaction.on_commit(lambda: send_booking_emails(booking, event="cancelled"))
    return booking


# --- office: notes, time, done -----------------------------------------------------------


@transaction.atomic
def booking_update(
    *, actor: Any, consultancy: Organization, booking: Booking, fields: dict[str, Any]
) -> Booking:
    """Notes, minutes spent and the engagement it belongs to."""
    engagement = fields.get("engagement", booking.engagement)
    if engagement is not None and engagement.organization_id != consultancy.pk:
        raise ValidationError({"engagement": _("This engagement is not one of yours.")})
    for name, value in fields.items():
        setattr(booking, name, value)
    if engagement is not None and booking.client_id is None:
        booking.client = engagement.client
    booking.full_clean(validate_constraints=False)
    booking.save()
    return booking


def _hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@transaction.atomic
def booking_mark_done(
    *,
    actor: Any,
    consultancy: Organization,
    booking: Booking,
    notes: str | None = None,
    minutes_spent: int | None = None,
) -> Booking:
    """The consultation took place: kept as done, and its minutes logged as hours on the
    engagement it belongs to (once; the time entry points back to the consultation)."""
    from borderpro.consulting.services import time_log

    booking = _locked(booking)
    if booking.status == Booking.Status.CANCELLED:
        raise ValidationError(_("A cancelled consultation cannot be marked done."))
    if booking.starts_at > timezone.now():
        raise ValidationError(_("A consultation can be marked done once it has started."))
    if notes is not None:
        booking.notes = notes
    if minutes_spent is not None:
        booking.minutes_spent = minutes_spent
    booking.status = Booking.Status.DONE
    if booking.engagement_id and booking.minutes_spent and booking.time_entry_id is None:
        local_day = booking.starts_at.astimezone(ZoneInfo(consultancy.time_zone)).date()
        try:
            booking.time_entry = time_log(
                actor=actor,
                consultancy=consultancy,
                engagement=booking.engagement,  # type: ignore[arg-type]
                fields={
                    "worked_on": local_day,
                    "hours": _hours(booking.minutes_spent),
                    "note": (_("Consultation %(ref)s") % {"ref": booking.reference})[:300],
                },
            )
        except ValidationError as exc:
            if "hours" in getattr(exc, "error_dict", {}):
                raise ValidationError(
                    {"minutes_spent": _("Log at least 15 minutes on the engagement.")}
                ) from None
            raise
    booking.full_clean(validate_constraints=False)
    booking.save()
    activity_record(
        organization=consultancy,
        actor=actor,
        verb="booking.done",
        target=booking,
        ref=booking.reference,
        name=booking.display_name,
    )
    return booking
