"""Individualized consultations: free slots from weekly availability (time zones, DST,
minimum notice), booking without double booking, the public booking page with its calendar
invitation and private manage link (reschedule, cancel), the office's notes and time on the
engagement, the client's page, the API and the deadlines."""

from __future__ import annotations

import re
import time as clock
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from icalendar import Calendar

from borderpro.consulting import spam
from borderpro.consulting.consultations import selectors, services
from borderpro.consulting.consultations.models import Booking
from borderpro.consulting.deadlines import consultation_deadlines
from borderpro.consulting.models import TimeEntry
from borderpro.consulting.tests.factories import (
    availability_for,
    booker_fields,
    booking_for,
    engagement_for,
)
from borderpro.organizations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

TORONTO_MONDAY = {"weekday": 0, "starts": time(9), "ends": time(12)}


def _utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _starts(slots: list[selectors.Slot]) -> list[datetime]:
    return [s.starts_at for s in slots]


# --- slots -------------------------------------------------------------------------------


def test_slots_stay_at_local_time_across_the_spring_change(consultancy: Any) -> None:
    availability_for(consultancy, **TORONTO_MONDAY)
    slots = selectors.free_slots(consultancy, now=_utc(2027, 3, 5, 12), weeks=2)
    # Monday 8 March 9:00 EST is 14:00 UTC; Monday 15 March 9:00 EDT is 13:00 UTC
    assert _starts(slots) == [
        _utc(2027, 3, 8, 14),
        _utc(2027, 3, 8, 15),
        _utc(2027, 3, 8, 16),
        _utc(2027, 3, 15, 13),
        _utc(2027, 3, 15, 14),
        _utc(2027, 3, 15, 15),
    ]
    assert all(s.ends_at - s.starts_at == timedelta(hours=1) for s in slots)


def test_the_skipped_hour_is_not_offered_and_the_repeated_hour_once(consultancy: Any) -> None:
    # Sunday 14 March 2027: clocks go from 2:00 to 3:00 in Toronto
    availability_for(consultancy, weekday=6, starts=time(1), ends=time(4))
    spring = selectors.free_slots(consultancy, now=_utc(2027, 3, 12, 0), weeks=1)
    assert _starts(spring) == [_utc(2027, 3, 14, 6), _utc(2027, 3, 14, 7)]
    # Sunday 7 November 2027: 1:00 happens twice (offered once, EDT), then 2:00 and 3:00 EST
    autumn = selectors.free_slots(consultancy, now=_utc(2027, 11, 5, 0), weeks=1)
    assert _starts(autumn) == [
        _utc(2027, 11, 7, 5),
        _utc(2027, 11, 7, 7),
        _utc(2027, 11, 7, 8),
    ]


def test_slots_stay_at_local_time_across_the_autumn_change(consultancy: Any) -> None:
    availability_for(consultancy, **TORONTO_MONDAY)
    slots = selectors.free_slots(consultancy, now=_utc(2027, 10, 29, 12), weeks=2)
    firsts = sorted({s.starts_at for s in slots if s.starts_at.hour in (13, 14)})
    assert _utc(2027, 11, 1, 13) in firsts  # 9:00 EDT
    assert _utc(2027, 11, 8, 14) in firsts  # 9:00 EST
    assert _utc(2027, 11, 8, 13) not in firsts  # that would be 8:00 EST


def test_slots_are_shown_by_day_in_the_visitors_zone(consultancy: Any) -> None:
    availability_for(consultancy, **TORONTO_MONDAY)
    slots = selectors.free_slots(consultancy, now=_utc(2027, 3, 5, 12), weeks=1)
    # 9:00 in Toronto is 23:00 the same day in Tokyo... and 6:00 in Vancouver
    by_day = selectors.slots_by_day(slots, "Asia/Tokyo")
    assert [d for d, _s in by_day] == [date(2027, 3, 8), date(2027, 3, 9)]


def test_minimum_notice_and_the_past_are_not_offered(consultancy: Any) -> None:
    availability_for(consultancy, **TORONTO_MONDAY)
    # Sunday 7 March, 15:00 in Toronto: Monday's slots are less than 24 hours away
    slots = selectors.free_slots(consultancy, now=_utc(2027, 3, 7, 20), weeks=2)
    assert min(_starts(slots)) == _utc(2027, 3, 15, 13)
    without_notice = selectors.free_slots(
        consultancy, now=_utc(2027, 3, 7, 20), weeks=2, notice=timedelta(0)
    )
    assert min(_starts(without_notice)) == _utc(2027, 3, 8, 14)


def test_a_booked_slot_and_a_language_not_offered_are_not_offered(consultancy: Any) -> None:
    window = availability_for(consultancy, languages=["en"])
    before = selectors.free_slots(consultancy)
    booking = booking_for(consultancy, window)
    after = selectors.free_slots(consultancy)
    assert booking.starts_at in _starts(before) and booking.starts_at not in _starts(after)
    assert len(after) == len(before) - 1
    assert selectors.free_slots(consultancy, language="fr") == []


# --- booking and double booking ----------------------------------------------------------


def test_a_taken_slot_is_refused_with_a_clear_message(consultancy: Any) -> None:
    booking = booking_for(consultancy)
    with pytest.raises(ValidationError) as refused:
        services.booking_create(
            consultancy=consultancy,
            consultant_id=booking.consultant_id,
            starts_at=booking.starts_at,
            fields=booker_fields(email="other@example.com"),
        )
    assert "just taken" in refused.value.message_dict["slot"][0]


def test_the_database_refuses_a_double_booking(consultancy: Any) -> None:
    booking = booking_for(consultancy)
    twin = Booking(
        organization=consultancy,
        reference="C-TWIN01",
        consultant=booking.consultant,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        mode="video",
        where="x",
        **booker_fields(),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    # a cancelled booking frees the slot for someone else
    services.booking_cancel(actor=None, booking=booking)
    twin.save()
    assert Booking.objects.filter(starts_at=booking.starts_at).count() == 2


def test_a_lost_race_gets_the_same_clear_message(consultancy: Any, monkeypatch: Any) -> None:
    """Two people compute the slot as free at the same moment: the second write is refused
    by the constraint and told the slot was just taken."""
    window = availability_for(consultancy)
    stale = selectors.free_slots(consultancy)
    booking = booking_for(consultancy, window)
    monkeypatch.setattr(selectors, "free_slots", lambda *a, **k: stale)
    with pytest.raises(ValidationError) as refused:
        services.booking_create(
            consultancy=consultancy,
            consultant_id=window.consultant_id,
            starts_at=booking.starts_at,
            fields=booker_fields(email="late@example.com"),
        )
    assert "just taken" in refused.value.message_dict["slot"][0]
    assert Booking.objects.filter(starts_at=booking.starts_at).count() == 1


# --- the public page, the invitation and the manage link --------------------------------


def _ics(message: Any) -> Calendar:
    name, content, mimetype = message.attachments[0]
    assert name == "consultation.ics" and mimetype.startswith("text/calendar")
    return Calendar.from_ical(content if isinstance(content, bytes) else content.encode())


def _event(calendar: Calendar) -> Any:
    return next(iter(calendar.walk("VEVENT")))


def _public_post(consultancy: Any, data: dict[str, Any]) -> Any:
    page = reverse("consulting:public_consultations", args=[consultancy.code])
    return Client(REMOTE_ADDR="10.1.0.1").post(page, data, follow=True)


def _booking_data(slot: selectors.Slot, **overrides: Any) -> dict[str, Any]:
    return {
        "slot": slot.key,
        "name": "Nadia Roy",
        "email": "nadia@nordcargo.example",
        "company": "Nord Cargo",
        "topic": "FAST cards for our drivers",
        "language": "en",
        "time_zone": "America/Vancouver",
        "consent": "on",
        "website": "",
        "started": spam.form_stamp(clock.time() - 30),
        **overrides,
    }


def test_public_booking_end_to_end(
    consultancy: Any, django_capture_on_commit_callbacks: Any
) -> None:
    window = availability_for(consultancy)
    home = Client().get(reverse("consulting:public_home", args=[consultancy.code]))
    url = reverse("consulting:public_consultations", args=[consultancy.code])
    assert url in home.content.decode()
    page = Client().get(url + "?tz=America/Vancouver")
    assert page.status_code == 200 and "America/Vancouver" in page.content.decode()
    first, second = selectors.free_slots(consultancy)[:2]
    assert first.key in page.content.decode()

    # book: confirmation page, an email to each side with the invitation
    with django_capture_on_commit_callbacks(execute=True):
        done = _public_post(consultancy, _booking_data(first))
    assert done.status_code == 200 and "Your consultation is booked" in done.content.decode()
    booking = Booking.objects.get()
    assert booking.starts_at == first.starts_at and booking.time_zone == "America/Vancouver"
    assert booking.consent_text and booking.token_hash and booking.history.count() == 1
    to_booker, to_consultant = mail.outbox[-2:]
    assert to_booker.to == ["nadia@nordcargo.example"]
    assert to_consultant.to == [window.consultant.email]
    calendar = _ics(to_booker)
    event = _event(calendar)
    assert str(calendar["method"]) == "REQUEST"
    assert str(event["uid"]) == booking.uid and int(event["sequence"]) == 0
    assert event.decoded("dtstart") == first.starts_at
    assert str(event["location"]) == window.where
    # the booker's calendar reminds them the day before and an hour before
    alarms = [a.decoded("trigger") for a in event.walk("VALARM")]
    assert alarms == [timedelta(days=-1), timedelta(hours=-1)]
    # times in the booker's zone, the house format: "Monday 4 Jan 2027, 06:00" in Vancouver
    local = first.starts_at.astimezone(ZoneInfo("America/Vancouver"))
    assert local.strftime("%H:%M") in to_booker.body
    found = re.search(r"/consultations/([\w-]{20,})/", to_booker.body)
    assert found is not None
    token = found.group(1)
    manage = reverse("consulting:public_booking", args=[consultancy.code, token])
    assert token not in booking.token_hash

    # reschedule: same event (UID), higher SEQUENCE, new start
    visitor = Client()
    shown = visitor.get(manage)
    assert shown.status_code == 200 and second.key in shown.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        moved = visitor.post(manage, {"action": "reschedule", "slot": second.key}, follow=True)
    assert moved.status_code == 200
    booking.refresh_from_db()
    assert booking.starts_at == second.starts_at and booking.sequence == 1
    event = _event(_ics(mail.outbox[-2]))
    assert str(event["uid"]) == booking.uid and int(event["sequence"]) == 1
    assert event.decoded("dtstart") == second.starts_at
    assert first.key in [s.key for s in selectors.free_slots(consultancy)]

    # cancel: METHOD:CANCEL for the same event; the link then stops working
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(manage, {"action": "cancel", "reason": "Plans changed"})
    booking.refresh_from_db()
    assert booking.status == "cancelled" and booking.cancelled_at is not None
    cancel = _ics(mail.outbox[-2])
    assert str(cancel["method"]) == "CANCEL"
    assert str(_event(cancel)["uid"]) == booking.uid and int(_event(cancel)["sequence"]) == 2
    gone = visitor.get(manage)
    assert gone.status_code == 404 and "This link does not work" in gone.content.decode()


def test_a_slot_taken_meanwhile_is_refused_on_the_page(consultancy: Any) -> None:
    availability_for(consultancy)
    slot = selectors.free_slots(consultancy)[0]
    _public_post(consultancy, _booking_data(slot))
    again = _public_post(consultancy, _booking_data(slot, email="second@example.com"))
    assert again.status_code == 200
    assert "this time was just taken" in again.content.decode()
    assert Booking.objects.count() == 1


def test_the_public_form_keeps_its_spam_protection(consultancy: Any) -> None:
    availability_for(consultancy)
    slot = selectors.free_slots(consultancy)[0]
    _public_post(consultancy, _booking_data(slot, website="http://spam.example"))
    too_fast = _public_post(consultancy, _booking_data(slot, started=spam.form_stamp()))
    assert "sent too quickly" in too_fast.content.decode()
    no_consent = _public_post(consultancy, _booking_data(slot, consent=""))
    assert "Tick the box" in no_consent.content.decode()
    assert Booking.objects.count() == 0


def test_an_altered_or_expired_link_is_refused_and_reveals_nothing(consultancy: Any) -> None:
    window = availability_for(consultancy)
    slot = selectors.free_slots(consultancy)[0]
    booking, token = services.booking_create(
        consultancy=consultancy,
        consultant_id=window.consultant_id,
        starts_at=slot.starts_at,
        fields=booker_fields(name="Secret Name"),
    )
    good = reverse("consulting:public_booking", args=[consultancy.code, token])
    assert Client().get(good).status_code == 200
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    refusals = [
        Client().get(reverse("consulting:public_booking", args=[consultancy.code, altered])),
        Client().get(reverse("consulting:public_booking", args=["other", token])),
        Client().post(
            reverse("consulting:public_booking", args=[consultancy.code, altered]),
            {"action": "cancel"},
        ),
    ]
    with time_machine.travel(booking.starts_at + timedelta(minutes=1), tick=False):
        refusals.append(Client().get(good))  # the consultation has started: expired
    for response in refusals:
        assert response.status_code == 404
        text = response.content.decode()
        assert "This link does not work" in text and "Secret Name" not in text
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_the_booking_page_reads_in_french(consultancy: Any) -> None:
    availability_for(consultancy)
    page = Client(HTTP_ACCEPT_LANGUAGE="fr").get(
        reverse("consulting:public_consultations", args=[consultancy.code])
    )
    text = page.content.decode()
    assert "Réserver une consultation" in text and "Appel vidéo" in text


# --- the office --------------------------------------------------------------------------


def test_notes_and_time_go_on_the_engagement(consultancy: Any, carol: Any) -> None:
    engagement = engagement_for(consultancy)
    window = availability_for(consultancy, consultant=carol)
    booking = booking_for(consultancy, window)
    url = reverse("consulting:booking", args=[consultancy.code, booking.pk])
    office = Client()
    office.force_login(carol)
    early = office.post(
        url, {"action": "done", "notes": "x", "minutes_spent": "45", "engagement": engagement.pk}
    )
    assert "once it has started" in early.content.decode()
    with time_machine.travel(booking.ends_at + timedelta(hours=1), tick=False):
        office = Client()
        office.force_login(carol)
        response = office.post(
            url,
            {
                "action": "done",
                "notes": "Walked through the FAST driver card renewal.",
                "minutes_spent": "45",
                "engagement": str(engagement.pk),
            },
        )
        assert response.status_code == 302
        booking.refresh_from_db()
        assert booking.status == "done" and booking.minutes_spent == 45
        assert booking.client == engagement.client
        entry = TimeEntry.objects.get(engagement=engagement, note__contains=booking.reference)
        assert entry.hours == Decimal("0.75") and entry.user == carol
        assert booking.time_entry == entry
        # saving again does not log the time twice
        office.post(url, {"action": "save", "notes": "More", "minutes_spent": "45"})
        assert TimeEntry.objects.filter(engagement=engagement).count() == 1
        page = office.get(url)
        assert "0.75 h on the engagement" in page.content.decode()
    assert booking.history.count() >= 2


def test_the_office_cancels_and_manages_availability(
    consultancy: Any, carol: Any, django_capture_on_commit_callbacks: Any
) -> None:
    office = Client()
    office.force_login(carol)
    url = reverse("consulting:availability", args=[consultancy.code])
    added = office.post(
        url,
        {
            "action": "add",
            "consultant": str(carol.pk),
            "weekday": "2",
            "starts": "13:00",
            "ends": "15:00",
            "time_zone": "America/Winnipeg",
            "slot_minutes": "30",
            "languages": ["fr"],
            "mode": "place",
            "where": "123 rue Principale, Montréal",
        },
    )
    assert added.status_code == 302
    slots = selectors.free_slots(consultancy)
    assert slots and all(s.languages == ("fr",) and s.mode == "place" for s in slots)
    bad = office.post(url, {**{"action": "add", "consultant": str(carol.pk)}, "weekday": "2"})
    assert bad.status_code == 200 and "Nothing was saved" in bad.content.decode()
    booking, _t = services.booking_create(
        consultancy=consultancy,
        consultant_id=carol.pk,
        starts_at=slots[0].starts_at,
        fields=booker_fields(language="fr"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        office.post(
            reverse("consulting:booking", args=[consultancy.code, booking.pk]),
            {"action": "cancel", "reason": "Sick"},
        )
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert str(_ics(mail.outbox[-2])["method"]) == "CANCEL"
    assert "annulée" in mail.outbox[-2].subject  # the booker's language
    window = selectors.availability_of(consultancy).get()
    office.post(url, {"action": "remove", "window": str(window.pk)})
    assert selectors.free_slots(consultancy) == []


def test_outsiders_get_404_on_office_routes(
    consultancy: Any, carol: Any, alice: Any, charlie: Any
) -> None:
    booking = booking_for(consultancy)
    urls = [
        reverse("consulting:bookings", args=[consultancy.code]),
        reverse("consulting:booking", args=[consultancy.code, booking.pk]),
        reverse("consulting:availability", args=[consultancy.code]),
    ]
    for outsider in (alice, charlie):
        client = Client()
        client.force_login(outsider)
        for url in urls:
            assert client.get(url).status_code == 404
            assert client.post(url, {"action": "cancel"}).status_code == 404
    insider = Client()
    insider.force_login(carol)
    assert all(insider.get(url).status_code == 200 for url in urls)
    booking.refresh_from_db()
    assert booking.status == "booked"


def test_the_bookings_list_runs_a_constant_number_of_queries(consultancy: Any, carol: Any) -> None:
    office = Client()
    office.force_login(carol)
    url = reverse("consulting:bookings", args=[consultancy.code])
    engagement = engagement_for(consultancy)
    booking_for(consultancy)
    services.booking_update(
        actor=None,
        consultancy=consultancy,
        booking=booking_for(consultancy),
        fields={"engagement": engagement},
    )
    office.get(url)
    with CaptureQueriesContext(connection) as few:
        assert office.get(url).status_code == 200
    for _n in range(4):
        booking_for(consultancy)
    with CaptureQueriesContext(connection) as many:
        response = office.get(url)
    assert response.content.decode().count("C-") >= 6
    assert len(many) == len(few)


# --- client side, deadlines, API -----------------------------------------------------------


def test_a_client_books_from_inside_the_app(
    consultancy: Any,
    carrier_a: Any,
    alice: Any,
    carol: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    availability_for(consultancy, consultant=carol)
    url = reverse("consulting:client_consultations", args=[carrier_a.code])
    member = Client()
    member.force_login(alice)
    page = member.get(url)
    assert page.status_code == 200 and alice.email in page.content.decode()  # prefilled
    slot = selectors.free_slots(consultancy)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = member.post(
            url,
            {
                "consultancy": consultancy.code,
                "slot": slot.key,
                "name": "Alice",
                "email": alice.email,
                "company": carrier_a.name,
                "topic": "Annual review",
                "language": "en",
                "time_zone": "America/Toronto",
            },
        )
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.client == carrier_a and booking.booked_by == alice
    assert "Annual review" in member.get(url).content.decode()
    assert mail.outbox[-2].to == [alice.email]
    other = Client()
    other.force_login(MembershipFactory(organization=consultancy, role="consultant").user)
    assert other.get(url).status_code == 404


def test_upcoming_consultations_are_deadlines_with_a_one_day_reminder(
    consultancy: Any, carrier_a: Any, alice: Any
) -> None:
    from borderpro.deadlines.registry import kind

    window = availability_for(consultancy)
    slot = selectors.free_slots(consultancy)[0]
    booking, _t = services.booking_create(
        consultancy=consultancy,
        consultant_id=window.consultant_id,
        starts_at=slot.starts_at,
        fields=booker_fields(),
        actor=alice,
        client=carrier_a,
    )
    info = kind("consulting.consultation")
    assert info.reminder_days == (1,)
    start = date.today()
    found = list(
        consultation_deadlines([consultancy, carrier_a], start, start + timedelta(days=40))
    )
    assert {d.organization for d in found} == {consultancy, carrier_a}
    ours = next(d for d in found if d.organization == consultancy)
    assert ours.owner == window.consultant and ours.ref == str(booking.pk)
    theirs = next(d for d in found if d.organization == carrier_a)
    assert theirs.owner == alice
    services.booking_cancel(actor=None, booking=booking)
    assert list(consultation_deadlines([consultancy], start, start + timedelta(days=40))) == []


def test_the_api_lists_and_books_and_names_a_bad_field(consultancy: Any, carol: Any) -> None:
    window = availability_for(consultancy)
    api = Client()
    api.force_login(carol)
    base = f"/api/v1/o/{consultancy.code}/consulting/"
    slots = api.get(base + "slots/").json()["results"]
    assert slots and slots[0]["consultant"] == window.consultant.email
    body = {
        "consultant": slots[0]["consultant"],
        "starts_at": slots[0]["starts_at"],
        "name": "Api Person",
        "email": "api@example.com",
        "topic": "Integration",
        "language": "fr",
        "time_zone": "Mars/Olympus_Mons",
    }
    bad = api.post(base + "bookings/", body, content_type="application/json")
    assert bad.status_code == 400
    assert [e["field"] for e in bad.json()["errors"]] == ["time_zone"]
    made = api.post(
        base + "bookings/", {**body, "time_zone": "Europe/Paris"}, content_type="application/json"
    )
    assert made.status_code == 201, made.content
    created = made.json()
    assert created["status"] == "booked" and created["time_zone"] == "Europe/Paris"
    again = api.post(
        base + "bookings/", {**body, "time_zone": "Europe/Paris"}, content_type="application/json"
    )
    assert again.status_code == 400
    assert again.json()["errors"][0]["field"] == "starts_at"
    assert "just taken" in again.json()["errors"][0]["message"]
    listed = api.get(base + "bookings/").json()
    assert listed["count"] == 1
    one = api.get(base + f"bookings/{created['id']}/").json()
    assert one["reference"] == created["reference"]


def test_the_demo_publishes_availability_and_three_consultations() -> None:
    from io import StringIO

    from django.core.management import call_command

    call_command("seed_demo", stdout=StringIO())
    bookings = list(Booking.objects.select_related("client", "engagement").order_by("starts_at"))
    assert len(bookings) == 3
    past, *upcoming = bookings
    assert past.status == "done" and past.minutes_spent == 50 and past.notes
    assert past.time_entry is not None and past.time_entry.engagement == past.engagement
    maple = next(b for b in upcoming if b.client is not None)
    assert maple.client.code == "mapleleaf" and maple.engagement is not None
    prospect = next(b for b in upcoming if b.client is None)
    assert prospect.language == "fr" and prospect.status == "booked"
    call_command("seed_demo", stdout=StringIO())
    assert Booking.objects.count() == 3


def test_the_consultant_is_reminded_the_day_before_a_prospects_consultation(
    consultancy: Any,
) -> None:
    """A prospect's booking (no client company): the daily reminders run covers the
    consultancy too, so its consultant gets the reminder the day before."""
    from borderpro.deadlines.reminders import send_due_reminders

    booking = booking_for(consultancy)
    assert booking.client is None
    due = booking.starts_at.astimezone(ZoneInfo(consultancy.time_zone)).date()
    mail.outbox.clear()
    send_due_reminders(today=due - timedelta(days=1))
    to_consultant = [m for m in mail.outbox if m.to == [booking.consultant.email]]
    assert len(to_consultant) == 1
    assert booking.display_name in to_consultant[0].body
