"""Sessions: attendees sign in with a typed name or a drawn signature; knowledge checks;
certificates and the public verification page."""

from __future__ import annotations

import base64
import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from borderpro.people.tests.factories import employee_for
from borderpro.training.models import TrainingRecord
from borderpro.training.tests.factories import course, record_for, session_for

pytestmark = pytest.mark.django_db


def _png() -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), "white").save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def test_planning_a_session_names_the_missing_field(as_alice: Client, carrier_a: Any) -> None:
    url = f"/o/{carrier_a.code}/training/sessions/"
    bad = as_alice.post(url, {"course": str(course().pk), "held_on": "2026-11-02", "trainer": ""})
    assert bad.status_code == 400 and "This field is required" in bad.content.decode()
    ok = as_alice.post(
        url,
        {
            "course": str(course().pk),
            "held_on": "2026-11-02",
            "trainer": "Tina",
            "topics": "Threats; reporting",
        },
    )
    assert ok.status_code == 302


def test_sign_in_typed_or_drawn(as_alice: Client, carrier_a: Any) -> None:
    session = session_for(carrier_a)
    ann, ben = employee_for(carrier_a, "Ann"), employee_for(carrier_a, "Ben")
    url = f"/o/{carrier_a.code}/training/sessions/{session.pk}/"
    refused = as_alice.post(url, {"employee": str(ann.pk), "signed_name": "", "signature": ""})
    assert refused.status_code == 400
    assert "type the full name or draw a signature" in refused.content.decode()
    assert not TrainingRecord.objects.filter(organization=carrier_a).exists()
    assert as_alice.post(url, {"employee": str(ann.pk), "signed_name": "Ann"}).status_code == 302
    assert as_alice.post(url, {"employee": str(ben.pk), "signature": _png()}).status_code == 302
    twice = as_alice.post(url, {"employee": str(ann.pk), "signed_name": "Ann"})
    assert "already signed in" in twice.content.decode()
    records = TrainingRecord.objects.filter(session=session).order_by("employee__full_name")
    assert [r.signed_name for r in records] == ["Ann", ""]
    assert records[1].signature is not None
    assert records[0].expires_on == session.held_on.replace(year=session.held_on.year + 1)
    page = as_alice.get(url).content.decode()
    assert "Ann" in page and "drawn signature" in page


def test_knowledge_check_scores_answers(as_alice: Client, carrier_a: Any) -> None:
    record = record_for(employee_for(carrier_a))
    url = f"/o/{carrier_a.code}/training/records/{record.pk}/check/"
    missing = as_alice.post(url, {"q0": "1"})
    assert missing.status_code == 400 and "missing: 2" in missing.content.decode()
    questions = record.course.questions
    as_alice.post(url, {"q0": str(questions[0]["answer"]), "q1": "2"})
    record.refresh_from_db()
    assert record.score == 50 and record.passed is False


def test_certificate_and_public_verification(as_alice: Client, carrier_a: Any) -> None:
    record = record_for(employee_for(carrier_a, "Vera Valid"), completed_on=date.today())
    pdf = as_alice.get(f"/o/{carrier_a.code}/training/records/{record.pk}/certificate/?lang=fr")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    anonymous = Client()
    page = anonymous.get(f"/verify/{record.code}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert (
        "Vera Valid" in text and "Security and threat awareness" in text and "Valid until" in text
    )
    assert carrier_a.name not in text  # only name, course, date and validity
    wrong = anonymous.get("/verify/ZZZZZZZZZZZZ/")
    assert wrong.status_code == 404 and "No certificate has this code" in wrong.content.decode()
    assert anonymous.get("/verify/", {"code": record.code.lower()}).status_code == 302


def test_expired_certificate_says_so(carrier_a: Any) -> None:
    record = record_for(employee_for(carrier_a), completed_on=date.today() - timedelta(days=500))
    text = Client().get(f"/verify/{record.code}/").content.decode()
    assert "Expired on" in text
