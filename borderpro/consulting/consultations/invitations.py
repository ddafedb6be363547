"""The calendar invitation of a consultation and its emails.

One event per booking, made with the ``icalendar`` library: its UID never changes, its
SEQUENCE is the booking's revision (bumped on each reschedule and on cancellation), so the
calendar that received the first invitation updates or removes that same event.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from borderpro.common.emails import send_templated_email

PRODID = "-//Border Pro//Consultations//EN"
# The calendar that accepts the invitation reminds its owner (a prospect has no account to
# be reminded through): the day before and an hour before.
REMINDERS = (timedelta(days=-1), timedelta(hours=-1))


def _sender() -> str:
    return settings.DEFAULT_FROM_EMAIL.split("<")[-1].rstrip(">").strip()


def booking_ics(booking: Any, *, method: str = "REQUEST") -> bytes:
    """A one-event calendar: ``REQUEST`` (new or moved) or ``CANCEL``."""
    consultancy = booking.organization
    with translation.override(booking.language):
        summary = _("Consultation with %(org)s") % {"org": consultancy.name}
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", method)
    event = Event()
    event.add("uid", booking.uid)
    event.add("sequence", booking.sequence)
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.starts_at)
    event.add("dtend", booking.ends_at)
    event.add("summary", summary)
    event.add("description", booking.topic)
    event.add("location", vText(booking.where))
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    if method != "CANCEL":
        for before in REMINDERS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary)
            alarm.add("trigger", before)
            event.add_component(alarm)
    organizer = vCalAddress(f"mailto:{_sender()}")
    organizer.params["cn"] = vText(consultancy.name)
    event.add("organizer", organizer)
    for email, name, role in (
        (booking.email, booking.name, "REQ-PARTICIPANT"),
        (booking.consultant.email, booking.consultant.display_name, "CHAIR"),
    ):
        attendee = vCalAddress(f"mailto:{email}")
        attendee.params["cn"] = vText(name)
        attendee.params["role"] = vText(role)
        event.add("attendee", attendee)
    cal.add_component(event)
    return bytes(cal.to_ical())


def manage_url(booking: Any, token: str) -> str:
    path = reverse("consulting:public_booking", args=[booking.organization.code, token])
    return f"{settings.SITE_URL}{path}"


def send_booking_emails(booking: Any, *, event: str, token: str = "") -> None:
    """``event`` is ``booked``, ``rescheduled`` or ``cancelled``: the person who booked
    (in their language and time zone, with the manage link when there is one) and the
    consultant (in the consultancy's time zone) each get the invitation or its cancellation."""
    method = "CANCEL" if event == "cancelled" else "REQUEST"
    ics = booking_ics(booking, method=method)
    attachments = [("consultation.ics", ics, f"text/calendar; method={method}")]
    consultancy = booking.organization
    context = {
        "booking": booking,
        "consultancy": consultancy,
        "event": event,
        "manage_url": manage_url(booking, token) if token else "",
    }
    with timezone.override(booking.time_zone):
        send_templated_email(
            "consulting/email/booking",
            to=[booking.email],
            context={**context, "time_zone": booking.time_zone},
            language=booking.language,
            attachments=attachments,
        )
    office = reverse("consulting:booking", args=[consultancy.code, booking.pk])
    with timezone.override(consultancy.time_zone):
        send_templated_email(
            "consulting/email/booking_consultant",
            to=[booking.consultant.email],
            context={
                **context,
                "time_zone": consultancy.time_zone,
                "office_url": f"{settings.SITE_URL}{office}",
            },
            language=booking.consultant.language,
            attachments=attachments,
        )
