"""Reminders through a real SMTP server started by the test on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from datetime import date
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from borderpro.deadlines.reminders import send_due_reminders
from borderpro.evidence.tests.factories import evidence_for

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content)
        self.messages.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox(settings: Any, monkeypatch: Any) -> Iterator[Inbox]:
    from django.core.mail.utils import DNS_NAME

    # the SMTP greeting names this host: skip the DNS lookup of the machine's own name
    monkeypatch.setattr(DNS_NAME, "_fqdn", "localhost", raising=False)
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": controller.port, "use_tls": False},
        }
    }
    settings.SITE_URL = "https://app.borderpro.example"
    try:
        yield handler
    finally:
        controller.stop()


def _parts(message: Message) -> dict[str, str]:
    parts: dict[str, str] = {}
    for part in message.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            parts[part.get_content_type()] = payload.decode(part.get_content_charset() or "utf-8")
    return parts


def _subject(message: Message) -> str:
    return str(email.header.make_header(email.header.decode_header(message["Subject"])))


def test_a_reminder_arrives_with_both_parts_and_an_unsubscribe_link(
    inbox: Inbox, carrier_a: Any, alice: Any
) -> None:
    evidence_for(carrier_a, title="Seal certificate", actor=alice, expires_on=date(2027, 3, 15))
    send_due_reminders(today=date(2027, 2, 13), organizations=[carrier_a])
    [(to, message)] = inbox.messages
    assert to == [alice.email]
    assert _subject(message) == "Due in 30 days: Evidence expires — Seal certificate (Carrier A)"
    parts = _parts(message)
    assert set(parts) == {"text/plain", "text/html"}
    assert "due 15 Mar 2027 (in 30 days)" in parts["text/plain"]
    assert "due 15 Mar 2027 (in 30 days)" in parts["text/html"]
    assert '<html lang="en">' in parts["text/html"]
    link = next(
        line.split(": ", 1)[1]
        for line in parts["text/plain"].splitlines()
        if line.startswith("Stop emails about")
    )
    assert link.startswith("https://app.borderpro.example/reminders/unsubscribe/")
    assert link in parts["text/html"]
    # the link works without signing in and stops that kind
    path = link.removeprefix("https://app.borderpro.example")
    assert "Unsubscribed" in Client().post(path).content.decode()
    assert alice.reminder_preference.muted_kinds == ["evidence.expiry"]


def test_a_french_reader_gets_the_reminder_in_french(
    inbox: Inbox, carrier_a: Any, alice: Any, carol: Any
) -> None:
    carol.language = "fr"
    carol.save()
    evidence_for(
        carrier_a, title="Certificat de scellés", actor=alice, expires_on=date(2027, 3, 15)
    )
    send_due_reminders(today=date(2027, 3, 18), organizations=[carrier_a])
    [message] = [m for to, m in inbox.messages if to == [carol.email]]
    assert _subject(message) == (
        "En retard : Expiration d'une preuve — Certificat de scellés (Carrier A)"
    )
    parts = _parts(message)
    assert "en retard depuis le 15 mars 2027 (3 jours de retard)" in parts["text/plain"]
    assert '<html lang="fr">' in parts["text/html"]
    assert "Ne plus recevoir de courriels sur" in parts["text/html"]
    # the consultant is told why an overdue reminder reached them
    assert "administrez ou conseillez" in parts["text/plain"]
