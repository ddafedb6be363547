"""The seminar registration email: confirmed (with an .ics calendar invitation) or on the
waiting list. Sent with ``common/emails.py`` in the registrant's language."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from borderpro.common.emails import send_templated_email


def seminar_ics(registration: Any) -> bytes:
    """A one-event calendar (METHOD:REQUEST) for the registrant: time, place or link."""
    from icalendar import Calendar, Event, vCalAddress, vText

    seminar = registration.seminar
    cal = Calendar()
    cal.add("prodid", "-//Border Pro//Seminars//EN")
    cal.add("version", "2.0")
    cal.add("method", "REQUEST")
    event = Event()
    event.add("uid", f"seminar-{seminar.pk}-{registration.code}@borderpro")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", seminar.starts_at)
    event.add("dtend", seminar.starts_at + timedelta(minutes=seminar.duration_minutes))
    event.add("summary", seminar.title)
    event.add("description", seminar.description or seminar.title)
    location = seminar.online_url if seminar.online and seminar.online_url else seminar.place
    if location:
        event.add("location", vText(location))
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = vText(seminar.organization.name)
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{registration.email}")
    attendee.params["cn"] = vText(registration.full_name)
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    event.add("attendee", attendee)
    cal.add_component(event)
    return bytes(cal.to_ical())


def send_registration_email(registration: Any) -> None:
    seminar = registration.seminar
    confirmed = registration.status == "confirmed"
    page = reverse("training:public_seminar", args=[seminar.organization.code, seminar.pk])
    context = {
        "registration": registration,
        "seminar": seminar,
        "consultancy": seminar.organization,
        "confirmed": confirmed,
        "page_url": f"{settings.SITE_URL}{page}",
    }
    attachments = (
        [("seminar.ics", seminar_ics(registration), "text/calendar; method=REQUEST")]
        if confirmed
        else None
    )
    with timezone.override(seminar.organization.time_zone):
        send_templated_email(
            "training/emails/registration",
            to=[registration.email],
            context=context,
            language=registration.language,
            attachments=attachments,
        )
