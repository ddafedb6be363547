"""Calendar feeds: secret, revocable links; parsed by an independent RFC 5545 reader."""

from __future__ import annotations

from datetime import date
from typing import Any

import icalendar
import pytest
import time_machine
from django.test import Client

from borderpro.deadlines.models import CalendarFeed
from borderpro.deadlines.services import calendar_feed_rotate
from borderpro.evidence.tests.factories import evidence_for
from borderpro.people.tests.factories import card_for, employee_for

pytestmark = pytest.mark.django_db


def unfold_and_parse(text: str) -> list[dict[str, str]]:
    """A tiny RFC 5545 reader, independent of the library that wrote the feed: unfold lines
    (CRLF + space), then collect each VEVENT's properties (name without parameters → value)."""
    assert text.endswith("\r\n"), "lines end with CRLF"
    lines: list[str] = []
    for raw in text.split("\r\n")[:-1]:
        assert len(raw.encode()) <= 75, f"a line longer than 75 octets: {raw!r}"
        if raw.startswith((" ", "\t")):
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    depth = 0
    for line in lines:
        name, _sep, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current, depth = {}, 0
        elif line.startswith("BEGIN:") and current is not None:
            depth += 1
        elif line.startswith("END:") and current is not None and depth:
            depth -= 1
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None and not depth:
            current[name.split(";")[0]] = value.replace("\\,", ",").replace("\\n", "\n")
    return events


@pytest.fixture
def records(carrier_a: Any, alice: Any) -> None:
    evidence_for(carrier_a, title="Seal certificate", actor=alice, expires_on=date(2027, 3, 15))
    card_for(employee_for(carrier_a, "Gary Olsen"), expires_on=date(2027, 6, 20))


def _feed_url(raw: str) -> str:
    return f"/calendar/{raw}.ics"


@time_machine.travel("2027-01-10 12:00 -05:00", tick=False)
def test_an_organization_feed_lists_its_deadlines_with_stable_ids(
    records: None, carrier_a: Any, alice: Any
) -> None:
    _feed, raw = calendar_feed_rotate(user=alice, organization=carrier_a)
    response = Client().get(_feed_url(raw))  # no session
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    text = response.content.decode()
    events = unfold_and_parse(text)
    summaries = sorted(e["SUMMARY"] for e in events)
    assert summaries == [
        "Evidence expires: Seal certificate (Carrier A)",
        "FAST card expiry: Gary Olsen (Carrier A)",
    ]
    by_summary = {e["SUMMARY"]: e for e in events}
    assert by_summary["Evidence expires: Seal certificate (Carrier A)"]["DTSTART"] == "20270315"
    assert "DTSTART;VALUE=DATE:20270315" in text  # an all-day event
    # the same link read again: the same UIDs, so a calendar updates instead of duplicating
    again = unfold_and_parse(Client().get(_feed_url(raw)).content.decode())
    assert sorted(e["UID"] for e in again) == sorted(e["UID"] for e in events)
    # the maintained library reads it too
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(list(calendar.walk("VEVENT"))) == 2


@time_machine.travel("2027-01-10 12:00 -05:00", tick=False)
def test_a_personal_feed_covers_every_organization(
    records: None, carrier_a: Any, carrier_b: Any, carol: Any, charlie: Any
) -> None:
    evidence_for(carrier_b, title="B's insurance", actor=charlie, expires_on=date(2027, 2, 1))
    _feed, raw = calendar_feed_rotate(user=carol, organization=None)
    summaries = [e["SUMMARY"] for e in unfold_and_parse(Client().get(_feed_url(raw)).text)]
    assert "Evidence expires: Seal certificate (Carrier A)" in summaries
    assert not any("Carrier B" in s for s in summaries)  # not Carol's client


def test_a_wrong_rotated_or_revoked_link_is_a_404(
    records: None, carrier_a: Any, alice: Any
) -> None:
    _feed, first = calendar_feed_rotate(user=alice, organization=carrier_a)
    _feed, second = calendar_feed_rotate(user=alice, organization=carrier_a)
    assert Client().get(_feed_url(first)).status_code == 404
    assert Client().get(_feed_url(second)).status_code == 200
    assert Client().get(_feed_url("not-a-token")).status_code == 404
    as_alice = Client()
    as_alice.force_login(alice)
    as_alice.post("/calendar/change/", {"organization": carrier_a.code, "action": "revoke"})
    assert Client().get(_feed_url(second)).status_code == 404


def test_a_person_who_lost_access_gets_nothing(records: None, carrier_a: Any, alice: Any) -> None:
    _feed, raw = calendar_feed_rotate(user=alice, organization=carrier_a)
    alice.memberships.all().delete()
    assert Client().get(_feed_url(raw)).status_code == 404


def test_the_links_page_shows_a_new_link_once(as_alice: Client, carrier_a: Any) -> None:
    page = as_alice.get("/calendar/").content.decode()
    assert "All my organizations" in page and "Carrier A" in page
    response = as_alice.post("/calendar/change/", {"organization": "", "action": "rotate"})
    assert response.status_code == 302
    shown = as_alice.get("/calendar/").content.decode()
    assert "http://testserver/calendar/" in shown
    assert "http://testserver/calendar/" not in as_alice.get("/calendar/").content.decode()
    assert CalendarFeed.objects.filter(organization=None, revoked_at=None).count() == 1


def test_someone_else_s_organization_cannot_get_a_link(as_charlie: Client, carrier_a: Any) -> None:
    response = as_charlie.post("/calendar/change/", {"organization": carrier_a.code})
    assert response.status_code == 404
    assert not CalendarFeed.objects.exists()


def test_the_api_makes_shows_and_turns_off_the_link(as_alice: Client, carrier_a: Any) -> None:
    url = f"/api/v1/o/{carrier_a.code}/deadlines/calendar-link/"
    assert as_alice.get(url).json()["active"] is False
    made = as_alice.post(url).json()
    assert made["active"] is True and made["url"].startswith("http://testserver/calendar/")
    assert as_alice.get(url).json()["url"] is None  # shown once
    assert Client().get(made["url"].removeprefix("http://testserver")).status_code == 200
    assert as_alice.delete(url).status_code == 204
    assert Client().get(made["url"].removeprefix("http://testserver")).status_code == 404
