"""In-app notifications (the bell, the page, read/unread), reminder preferences and stages."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from borderpro.deadlines.models import Notification, ReminderPreference, ReminderSetting
from borderpro.deadlines.reminders import send_due_reminders
from borderpro.evidence.tests.factories import evidence_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def reminded(carrier_a: Any, alice: Any, carol: Any) -> None:
    evidence_for(carrier_a, title="Seal certificate", actor=alice, expires_on=date(2027, 3, 15))
    evidence_for(carrier_a, title="Insurance", actor=alice, expires_on=date(2027, 3, 20))
    send_due_reminders(today=date(2027, 3, 10), organizations=[carrier_a])


def test_the_bell_counts_unread_and_the_page_marks_them_read(
    reminded: None, as_alice: Client, alice: Any, carrier_a: Any
) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Notifications: 2 unread" in page
    listing = as_alice.get("/notifications/").content.decode()
    assert "Seal certificate" in listing and "Insurance" in listing
    first = Notification.objects.filter(user=alice).order_by("due").first()
    assert first is not None
    opened = as_alice.post(f"/notifications/{first.pk}/read/", {"open": "1"})
    assert opened.status_code == 302 and opened["Location"] == first.action_url
    assert "Notifications: 1 unread" in as_alice.get("/notifications/").content.decode()
    as_alice.post("/notifications/read-all/")
    assert not Notification.objects.filter(user=alice, read_at=None).exists()
    assert "Notifications: 0 unread" in as_alice.get("/notifications/?show=unread").content.decode()


def test_someone_else_s_notification_is_a_404(
    reminded: None, as_charlie: Client, alice: Any
) -> None:
    theirs = Notification.objects.filter(user=alice).first()
    assert theirs is not None
    assert as_charlie.post(f"/notifications/{theirs.pk}/read/").status_code == 404
    assert Notification.objects.get(pk=theirs.pk).read_at is None
    assert "Seal certificate" not in as_charlie.get("/notifications/").content.decode()


def test_the_empty_notifications_page(as_bob: Client) -> None:
    assert "No notifications" in as_bob.get("/notifications/").content.decode()


def test_the_api_lists_and_marks_notifications(
    reminded: None, as_alice: Client, alice: Any, carrier_a: Any
) -> None:
    base = f"/api/v1/o/{carrier_a.code}/notifications/"
    body = as_alice.get(base + "?unread=1").json()
    assert body["count"] == 2 and {r["subject"] for r in body["results"]} == {
        "Seal certificate",
        "Insurance",
    }
    first = body["results"][0]["id"]
    assert as_alice.post(base + "read/", {"ids": [first]}, "application/json").json() == {
        "marked": 1
    }
    assert as_alice.post(base + "read-all/").json() == {"marked": 1}
    assert as_alice.get(base + "?unread=1").json()["count"] == 0
    bad = as_alice.post(base + "read/", {"ids": ["nope"]}, "application/json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "ids.0"


def test_the_api_is_a_404_to_outsiders(as_charlie: Client, carrier_a: Any) -> None:
    assert as_charlie.get(f"/api/v1/o/{carrier_a.code}/notifications/").status_code == 404


def test_preferences_choose_the_frequency_and_the_kinds(as_alice: Client, alice: Any) -> None:
    page = as_alice.get("/reminders/preferences/").content.decode()
    assert "A weekly digest" in page and "Evidence expires" in page
    response = as_alice.post(
        "/reminders/preferences/", {"frequency": "weekly", "muted": ["evidence.expiry"]}
    )
    assert response.status_code == 302
    pref = ReminderPreference.objects.get(user=alice)
    assert (pref.frequency, pref.muted_kinds) == ("weekly", ["evidence.expiry"])
    refused = as_alice.post("/reminders/preferences/", {"frequency": "hourly"})
    assert refused.status_code == 400
    assert "Select a valid choice" in refused.content.decode()
    assert ReminderPreference.objects.get(user=alice).frequency == "weekly"


def test_an_administrator_sets_the_stages_of_a_kind(
    as_alice: Client, carrier_a: Any, alice: Any
) -> None:
    url = f"/o/{carrier_a.code}/deadlines/reminders/"
    page = as_alice.get(url).content.decode()
    assert "Evidence expires" in page and "60, 30, 7" in page
    saved = as_alice.post(url, {"kind": "evidence.expiry", "stages": "45, 10", "overdue": "on"})
    assert saved.status_code == 302
    setting = ReminderSetting.objects.get(organization=carrier_a, kind="evidence.expiry")
    assert (setting.stages, setting.overdue) == ([45, 10], True)
    refused = as_alice.post(url, {"kind": "evidence.expiry", "stages": "45, soon"})
    assert refused.status_code == 400
    assert "“soon” is not a number of days from 0 to 365." in refused.content.decode()
    assert ReminderSetting.objects.get(pk=setting.pk).stages == [45, 10]  # nothing half-saved
    as_alice.post(url, {"kind": "evidence.expiry", "stages": "", "reset": "1"})
    assert not ReminderSetting.objects.filter(organization=carrier_a).exists()


def test_only_administrators_set_stages(as_bob: Client, as_charlie: Client, carrier_a: Any) -> None:
    url = f"/o/{carrier_a.code}/deadlines/reminders/"
    assert as_bob.get(url).status_code == 403
    assert as_charlie.get(url).status_code == 404
    assert as_charlie.post(url, {"kind": "evidence.expiry", "stages": "1"}).status_code == 404
