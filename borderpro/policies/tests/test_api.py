"""Policies API: templates, documents, edit, versions, approvals (checked), acknowledgements;
outsiders get 404, field staff cannot write, the list's queries do not grow with rows."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.policies import services
from borderpro.policies.models import Document
from borderpro.policies.tests.factories import document_for

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def _api(org: Any, rest: str = "") -> str:
    return f"/api/v1/o/{org.code}/policies/{rest}"


def test_generate_edit_and_read_versions_and_approvals(
    carrier_a: Any, alice: Any, as_alice: Client
) -> None:
    templates = as_alice.get(_api(carrier_a, "templates/")).json()
    assert templates["count"] >= 17
    assert {"key", "version", "title_fr", "refs", "origin"} <= set(templates["results"][0])
    bad = as_alice.post(_api(carrier_a, "documents/"), {"template": "nope", "language": "en"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "template"
    made = as_alice.post(
        _api(carrier_a, "documents/"), {"template": "seal-control", "language": "fr"}
    )
    assert made.status_code == 201
    doc_id = made.json()["id"]
    assert made.json()["title"] == "Contrôle des scellés" and made.json()["template_version"] == 1
    edited = as_alice.patch(
        _api(carrier_a, f"documents/{doc_id}/"),
        {"title": "Scellés", "body": "# Scellés\n\nNotre texte."},
        content_type="application/json",
    )
    assert edited.status_code == 200 and edited.json()["version"] == 2
    versions = as_alice.get(_api(carrier_a, f"documents/{doc_id}/versions/")).json()
    assert [v["number"] for v in versions["results"]] == [2, 1]
    doc = Document.objects.get(pk=doc_id)
    services.document_sign(
        actor=alice,
        organization=carrier_a,
        document=doc,
        step="approved",
        signer_name="Alice",
        password=PASSWORD,
    )
    [approval] = as_alice.get(_api(carrier_a, f"documents/{doc_id}/approvals/")).json()["results"]
    assert approval["valid"] is True and approval["version"] == 2
    listed = as_alice.get(_api(carrier_a, "documents/")).json()["results"]
    assert [d["approval_valid"] for d in listed] == [True]


def test_acknowledgements_over_the_api(carrier_a: Any, alice: Any, as_alice: Client) -> None:
    from borderpro.people.tests.factories import employee_for

    driver = employee_for(carrier_a, "Dan Driver", role="driver")
    doc = document_for(carrier_a)
    url = _api(carrier_a, f"documents/{doc.pk}/acknowledgements/")
    body = {"employees": [str(driver.pk)], "acknowledged_on": str(carrier_a.local_today())}
    refused = as_alice.post(url, body, content_type="application/json")
    assert refused.status_code == 400  # not published yet
    services.document_sign(
        actor=alice,
        organization=carrier_a,
        document=doc,
        step="approved",
        signer_name="Alice",
        password=PASSWORD,
    )
    services.document_publish(actor=alice, organization=carrier_a, document=doc)
    done = as_alice.post(url, body, content_type="application/json")
    assert done.status_code == 201 and done.json()["count"] == 1


def test_outsiders_get_404_and_field_staff_cannot_write(
    carrier_a: Any, as_charlie: Client, as_bob: Client
) -> None:
    doc = document_for(carrier_a)
    assert as_charlie.get(_api(carrier_a, "documents/")).status_code == 404
    assert as_charlie.get(_api(carrier_a, f"documents/{doc.pk}/")).status_code == 404
    assert as_bob.get(_api(carrier_a, "documents/")).status_code == 403  # field staff: no view
    assert (
        as_bob.post(
            _api(carrier_a, "documents/"), {"template": "seal-control", "language": "en"}
        ).status_code
        == 403
    )


def test_the_document_list_queries_do_not_grow_with_rows(
    carrier_a: Any, alice: Any, as_alice: Client
) -> None:
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert as_alice.get(_api(carrier_a, "documents/")).status_code == 200
        return len(queries)

    document_for(carrier_a, "seal-control")
    few = count()
    for key in ("incident-reporting", "cybersecurity", "training"):
        doc = document_for(carrier_a, key)
        services.document_sign(
            actor=alice,
            organization=carrier_a,
            document=doc,
            step="approved",
            signer_name="Alice",
            password=PASSWORD,
        )
    assert count() == few
