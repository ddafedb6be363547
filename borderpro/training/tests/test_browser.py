"""The Done-when flow in real headless Chromium: a prospect finds the consultancy's upcoming
seminar from its public page (by clicking), registers (a bad field first: the message names
it and keeps what was typed; then correctly, with consent, by a double click that registers
once), and gets the email with the calendar invitation; the next person finds the seminar
full and joins the waiting list. At phone and desktop widths, and once in French."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone

from borderpro.training.models import Registration
from borderpro.training.tests.factories import seminar_for
from tests.browser import DESKTOP, PHONE, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(os.environ.get("BORDERPRO_SHOTS", "/tmp/seminar-shots"))
# what the prospect reads, in their language (the .po file's words)
SEEN = {
    "en": {
        "switch": None,
        "register": "Register",
        "waitlist": "Join the waiting list",
        "errors": "You are not registered yet",
        "email": "Enter an email address like name@company.ca.",
        "consent": "Tick the box to agree",
        "registered": "You are registered.",
        "waitlisted": "you are on the waiting list",
        "subject": "You are registered",
        "waiting_subject": "Waiting list",
    },
    "fr": {
        "switch": "Français",
        "register": "S'inscrire",
        "waitlist": "S'inscrire sur la liste d'attente",
        "errors": "Vous n'êtes pas encore inscrit",
        "email": "Entrez une adresse courriel comme nom@entreprise.ca.",
        "consent": "Cochez la case pour donner votre accord",
        "registered": "Vous êtes inscrit.",
        "waitlisted": "vous êtes sur la liste d'attente",
        "subject": "Vous êtes inscrit",
        "waiting_subject": "Liste d'attente",
    },
}


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_sideways_scroll(page: Any, viewport: dict) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def open_seminar(page: Any, base: str, title: str, seen: dict) -> None:
    """From the consultancy's public home to the seminar page, by clicking as people do."""
    page.goto(base)
    if seen["switch"]:
        page.locator("button", has_text=seen["switch"]).click()
        page.wait_for_load_state("networkidle")
    page.locator(".seminar-list a", has_text=title).click()
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == title


@pytest.mark.parametrize(
    ("viewport", "language"),
    [(DESKTOP, "en"), (PHONE, "en"), (PHONE, "fr")],
    ids=["desktop-en", "phone-en", "phone-fr"],
)
def test_a_prospect_registers_for_a_seminar_and_gets_the_invitation(
    browser: Any, live_server: Any, consultancy: Any, viewport: dict, language: str
) -> None:
    from django.core.cache import cache
    from icalendar import Calendar

    cache.clear()  # the registration rate limit counts per address
    seen = SEEN[language]
    tag = f"{'phone' if viewport == PHONE else 'desktop'}-{language}"
    starts = (timezone.now() + timedelta(days=12)).replace(microsecond=0, second=0)
    seminar = seminar_for(
        consultancy,
        capacity=1,
        title="Border security morning",
        starts_at=starts,
        place="Windsor, 350 City Hall Square",
    )
    base = f"{live_server.url}/p/{consultancy.code}/"

    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15000)
    open_seminar(page, base, seminar.title, seen)
    assert page.evaluate("document.documentElement.lang") == language
    no_sideways_scroll(page, viewport)

    # a bad field, no consent: nothing is kept but what was typed, and the page says why
    page.fill("input[name=full_name]", "Pat Prospect")
    page.fill("input[name=email]", "pat@example")
    page.fill("input[name=company]", "Maple Freight")
    page.locator("form[data-submit-once] button[type=submit]", has_text=seen["register"]).click()
    page.wait_for_load_state("networkidle")
    errors = page.locator("form[data-submit-once]").inner_text()
    assert seen["errors"] in errors and seen["email"] in errors and seen["consent"] in errors
    assert page.input_value("input[name=full_name]") == "Pat Prospect"
    assert page.input_value("input[name=email]") == "pat@example"
    assert page.input_value("input[name=company]") == "Maple Freight"
    # the message sits with the field it is about
    email_field = page.locator(".field", has=page.locator("input[name=email]"))
    assert seen["email"] in email_field.inner_text()
    assert not Registration.objects.exists()
    no_sideways_scroll(page, viewport)
    shot(page, f"seminar-{tag}-errors")

    # corrected, with consent, and a double click on the button: one registration
    page.fill("input[name=email]", "pat@example.com")
    page.check("input[name=consent]")
    page.locator("form[data-submit-once] button[type=submit]", has_text=seen["register"]).dblclick()
    page.wait_for_load_state("networkidle")
    assert seen["registered"] in page.locator("[role=status]").inner_text()
    no_sideways_scroll(page, viewport)
    shot(page, f"seminar-{tag}-registered")
    wait_for(lambda: len(mail.outbox) >= 1, page)
    pat = Registration.objects.get()
    assert (pat.email, pat.status, pat.language) == ("pat@example.com", "confirmed", language)
    assert pat.consent_at is not None
    page.wait_for_timeout(500)  # a second post would have arrived by now
    assert Registration.objects.count() == 1 and len(mail.outbox) == 1

    # the email carries the calendar invitation: the seminar's start, end and place
    message = mail.outbox[0]
    assert message.to == ["pat@example.com"] and seen["subject"] in message.subject
    (name, content, mimetype) = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    event = next(iter(Calendar.from_ical(content).walk("VEVENT")))
    assert event.decoded("dtstart") == seminar.starts_at
    assert event.decoded("dtend") == seminar.starts_at + timedelta(minutes=120)
    assert str(event.get("location")) == "Windsor, 350 City Hall Square"
    assert str(event.get("summary")) == seminar.title
    context.close()

    # the seminar is full now: the next person joins the waiting list, and is told so
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15000)
    open_seminar(page, base, seminar.title, seen)
    page.fill("input[name=full_name]", "Wes Waiting")
    page.fill("input[name=email]", "wes@example.com")
    page.check("input[name=consent]")
    page.locator("form[data-submit-once] button[type=submit]", has_text=seen["waitlist"]).click()
    page.wait_for_load_state("networkidle")
    assert seen["waitlisted"] in page.locator("[role=status]").inner_text()
    no_sideways_scroll(page, viewport)
    shot(page, f"seminar-{tag}-waitlisted")
    wait_for(lambda: len(mail.outbox) >= 2, page)
    wes = Registration.objects.get(email="wes@example.com")
    assert wes.status == "waitlisted"
    assert seen["waiting_subject"] in mail.outbox[1].subject and not mail.outbox[1].attachments
    context.close()
