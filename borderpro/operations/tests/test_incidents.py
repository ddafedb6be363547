from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from borderpro.operations.models import Incident, IncidentEvent
from borderpro.operations.selectors import operations_summary
from borderpro.operations.tests.factories import affixed_seal, incident_for

pytestmark = pytest.mark.django_db


def test_a_driver_reports_a_seal_discrepancy_once_even_if_sent_twice(
    as_bob: Any, carrier_a: Any
) -> None:
    seal = affixed_seal(carrier_a, number="777")
    payload = {
        "client_id": str(uuid4()),
        "kind": "seal",
        "summary": "Seal number differs from BOL",
        "discovered_by": "Bob",
        "location": "Ambassador Bridge approach",
        "seal_number": "777",
        "us_bound": True,
    }
    url = f"/api/v1/o/{carrier_a.code}/incidents/"
    first = as_bob.post(url, payload, content_type="application/json")
    second = as_bob.post(url, payload, content_type="application/json")
    assert (first.status_code, second.status_code) == (201, 200)
    incident = Incident.objects.get(organization=carrier_a)
    assert incident.seal == seal and incident.reference.startswith("INC-")
    assert IncidentEvent.objects.filter(incident=incident).count() == 1


def test_notifications_show_who_must_still_be_told(as_alice: Any, carrier_a: Any) -> None:
    incident = incident_for(carrier_a)
    url = f"/o/{carrier_a.code}/operations/incidents/{incident.pk}/"
    response = as_alice.post(
        url,
        {
            "kind": "notified",
            "recipient": "cbp_scss",
            "contact": "SCSS J. Doe",
            "before_border": "true",
        },
    )
    assert response.status_code == 302
    page = as_alice.get(url).content.decode()
    assert "CBP supply chain security specialist" in page and "before the border" in page
    assert page.count("Not yet") == 4


def test_a_notification_without_recipient_is_refused_naming_it(
    as_alice: Any, carrier_a: Any
) -> None:
    incident = incident_for(carrier_a)
    response = as_alice.post(
        f"/o/{carrier_a.code}/operations/incidents/{incident.pk}/", {"kind": "notified"}
    )
    assert response.status_code == 400
    assert "Say who was notified." in response.content.decode()
    assert IncidentEvent.objects.filter(incident=incident).count() == 1


def test_closing_needs_a_root_cause_first(as_alice: Any, carrier_a: Any) -> None:
    incident = incident_for(carrier_a)
    url = f"/o/{carrier_a.code}/operations/incidents/{incident.pk}/"
    assert as_alice.post(url, {"kind": "closed"}).status_code == 400
    as_alice.post(
        url, {"kind": "root_cause", "text": "Shipper applied a seal from an unverified lot"}
    )
    as_alice.post(
        url, {"kind": "action", "text": "Retrain shipper dock staff", "due_on": "2026-12-01"}
    )
    assert as_alice.post(url, {"kind": "closed"}).status_code == 302
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.closed_at is not None
    assert as_alice.post(url, {"kind": "action", "text": "late"}).status_code == 400


def test_field_staff_report_but_do_not_investigate(as_bob: Any, carrier_a: Any) -> None:
    incident = incident_for(carrier_a)
    response = as_bob.post(
        f"/o/{carrier_a.code}/operations/incidents/{incident.pk}/", {"kind": "action", "text": "x"}
    )
    assert response.status_code == 403


def test_post_incident_analysis_pdf_in_english_and_french(as_alice: Any, carrier_a: Any) -> None:
    incident = incident_for(carrier_a)
    for lang in ("en", "fr"):
        response = as_alice.get(
            f"/o/{carrier_a.code}/operations/incidents/{incident.pk}/analysis.pdf?lang={lang}"
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_summary_counts_open_incidents(carrier_a: Any, carrier_b: Any) -> None:
    incident_for(carrier_a)
    assert operations_summary(carrier_a)["open_incidents"] == 1
    assert operations_summary(carrier_b)["open_incidents"] == 0
