"""Seminars: a prospect registers on the public page and gets the email with the calendar
invitation; a full seminar puts people on the waiting list; a cancellation gives the seat to
the first person waiting; spam is refused; attendees get certificates."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client

from borderpro.training.models import Registration
from borderpro.training.tests.factories import seminar_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> Any:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _register(
    client: Client, consultancy: Any, seminar: Any, name: str, email: str, **extra: str
) -> Any:
    return client.post(
        f"/p/{consultancy.code}/seminars/{seminar.pk}/",
        {"full_name": name, "email": email, "company": "Acme", "consent": "on", **extra},
    )


def test_a_prospect_registers_and_gets_the_invitation(
    consultancy: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seminar = seminar_for(consultancy, capacity=1)
    client = Client()
    listing = client.get(f"/p/{consultancy.code}/seminars/").content.decode()
    assert seminar.title in listing
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, consultancy, seminar, "Pat Prospect", "pat@example.com")
    assert response.status_code == 302
    assert "registered" in client.get(response["Location"]).content.decode()
    message = mail.outbox[-1]
    assert message.to == ["pat@example.com"] and "You are registered" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name == "seminar.ics" and mimetype.startswith("text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text and seminar.title in text and "pat@example.com" in text
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, consultancy, seminar, "Wes Waiting", "wes@example.com")
    wes = Registration.objects.get(email="wes@example.com")
    assert wes.status == "waitlisted"
    assert "waiting list" in mail.outbox[-1].subject.lower() and not mail.outbox[-1].attachments


def test_bad_input_names_the_field_and_saves_nothing(consultancy: Any) -> None:
    seminar = seminar_for(consultancy)
    response = _register(Client(), consultancy, seminar, "", "not-an-email")
    text = response.content.decode()
    assert response.status_code == 400
    assert "This field is required" in text and "email address like name@company.ca" in text
    assert not Registration.objects.filter(seminar=seminar).exists()


def test_registration_needs_consent_and_keeps_its_wording(
    consultancy: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seminar = seminar_for(consultancy)
    client = Client()
    url = f"/p/{consultancy.code}/seminars/{seminar.pk}/"
    refused = client.post(url, {"full_name": "Pat Prospect", "email": "pat@example.com"})
    page = refused.content.decode()
    assert refused.status_code == 400 and not Registration.objects.exists()
    assert "Tick the box to agree" in page and 'value="Pat Prospect"' in page
    # the wording the box agrees to stays beside the error, and is read out with it
    assert f"I agree that {consultancy.name} keeps these details" in page
    assert 'aria-describedby="id_consent_errors id_consent_help"' in page
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, consultancy, seminar, "Pat Prospect", "pat@example.com")
    pat = Registration.objects.get(email="pat@example.com")
    assert pat.consent_at is not None and consultancy.name in pat.consent_text


def test_the_same_registration_sent_twice_counts_once(
    consultancy: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A double click (or a reload of the answer) posts the form twice: the second post
    shows the same confirmation, not an "already registered" error."""
    seminar = seminar_for(consultancy, capacity=1)
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        first = _register(client, consultancy, seminar, "Pat Prospect", "Pat@Example.com")
        again = _register(client, consultancy, seminar, "Pat Prospect", "pat@example.com ")
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] and "registered=1" in again["Location"]
    assert Registration.objects.filter(seminar=seminar).count() == 1 and len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, consultancy, seminar, "Wes Waiting", "wes@example.com")
        twice = _register(client, consultancy, seminar, "Wes Waiting", "wes@example.com")
    assert "registered=waitlisted" in twice["Location"]
    assert Registration.objects.filter(seminar=seminar).count() == 2


def test_honeypot_and_rate_limit(consultancy: Any) -> None:
    seminar = seminar_for(consultancy, capacity=50)
    client = Client()
    bot = _register(client, consultancy, seminar, "Bot", "bot@example.com", website="http://spam")
    assert bot.status_code == 302
    assert not Registration.objects.filter(email="bot@example.com").exists()
    for n in range(5):
        assert (
            _register(client, consultancy, seminar, f"P{n}", f"p{n}@example.com").status_code == 302
        )
    limited = _register(client, consultancy, seminar, "P9", "p9@example.com")
    assert limited.status_code == 429 and "Too many registrations" in limited.content.decode()


def test_unpublished_or_unknown_seminars_are_404(consultancy: Any, carrier_a: Any) -> None:
    draft = seminar_for(consultancy, published=False)
    client = Client()
    assert client.get(f"/p/{consultancy.code}/seminars/{draft.pk}/").status_code == 404
    assert client.get(f"/p/{carrier_a.code}/seminars/").status_code == 404


def test_cancel_promotes_the_waiting_list_and_attendees_get_certificates(
    as_carol: Client, consultancy: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seminar = seminar_for(consultancy, capacity=1)
    client = Client()
    _register(client, consultancy, seminar, "First", "first@example.com")
    _register(client, consultancy, seminar, "Second", "second@example.com")
    first = Registration.objects.get(email="first@example.com")
    second = Registration.objects.get(email="second@example.com")
    base = f"/o/{consultancy.code}/seminars/registrations/"
    refused = as_carol.post(f"{base}{second.pk}/", {"action": "attended"})
    assert refused.status_code == 302
    second.refresh_from_db()
    assert not second.attended
    with django_capture_on_commit_callbacks(execute=True):
        as_carol.post(f"{base}{first.pk}/", {"action": "cancel"})
    second.refresh_from_db()
    assert second.status == "confirmed" and mail.outbox[-1].to == ["second@example.com"]
    as_carol.post(f"{base}{second.pk}/", {"action": "attended"})
    pdf = as_carol.get(f"{base}{second.pk}/certificate/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    second.refresh_from_db()
    assert "Second" in Client().get(f"/verify/{second.code}/").content.decode()
    page = as_carol.get(f"/o/{consultancy.code}/seminars/{seminar.pk}/").content.decode()
    assert "First" in page and "Cancelled" in page


def test_consultants_create_seminars_and_carriers_cannot(
    as_carol: Client, as_alice: Client, consultancy: Any, carrier_a: Any
) -> None:
    url = f"/o/{consultancy.code}/seminars/"
    bad = as_carol.post(
        url,
        {
            "title": "Morning",
            "starts_at": "2027-02-01T09:00",
            "duration_minutes": "120",
            "language": "en",
            "capacity": "20",
            "price": "0",
            "place": "",
        },
    )
    assert "Give the place, or mark the seminar as online." in bad.content.decode()
    ok = as_carol.post(
        url,
        {
            "title": "Morning",
            "starts_at": "2027-02-01T09:00",
            "duration_minutes": "120",
            "language": "en",
            "capacity": "20",
            "price": "0",
            "online": "on",
            "published": "on",
        },
    )
    assert ok.status_code == 302
    assert as_alice.get(f"/o/{carrier_a.code}/seminars/").status_code == 404
