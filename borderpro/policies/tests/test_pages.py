"""Policy pages end to end: generate the manual, edit with preview, sign, publish, export
Word and PDF, coverage and proofs; who may do what; outsiders get 404."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.test import Client

from borderpro.policies.models import Approval, Document
from borderpro.policies.tests.factories import document_for, profile_for

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def _url(org: Any, rest: str = "") -> str:
    return f"/o/{org.code}/policies/{rest}"


def test_a_consultant_generates_the_manual_edits_and_the_officer_approves(
    carrier_a: Any, as_carol: Client, as_alice: Client
) -> None:
    profile_for(carrier_a)
    page = as_carol.get(_url(carrier_a))
    assert page.status_code == 200 and "Generate all 17 documents" in page.content.decode()
    done = as_carol.post(_url(carrier_a, "generate/"), {"language": "en"}, follow=True)
    assert "17 documents drafted from your carrier profile" in done.content.decode()
    doc = Document.objects.get(organization=carrier_a, key="seal-control")
    assert "Acme Freight Ltd." in doc.body

    body = doc.body.replace("Seal control", "Seal control at Acme", 1).replace(
        "Seals are kept locked", "Seals are kept in the dispatch safe"
    )
    preview = as_carol.post(
        _url(carrier_a, f"{doc.pk}/edit/"), {"title": doc.title, "body": body, "preview": "1"}
    )
    assert "<h1>Seal control at Acme</h1>" in preview.content.decode()
    assert Document.objects.get(pk=doc.pk).version == 1  # a preview saves nothing
    as_carol.post(
        _url(carrier_a, f"{doc.pk}/edit/"), {"title": doc.title, "body": body, "note": "ours"}
    )
    assert Document.objects.get(pk=doc.pk).version == 2

    refused = as_carol.post(
        _url(carrier_a, f"{doc.pk}/sign/"),
        {"step": "approved", "signer_name": "Carol", "password": PASSWORD},
    )
    assert refused.status_code == 403  # the consultant does not approve
    wrong = as_alice.post(
        _url(carrier_a, f"{doc.pk}/sign/"),
        {"step": "approved", "signer_name": "Alice", "password": "nope"},
        follow=True,
    )
    assert "The password is not correct." in wrong.content.decode()
    ok = as_alice.post(
        _url(carrier_a, f"{doc.pk}/sign/"),
        {
            "step": "approved",
            "signer_name": "Alice",
            "signer_title": "President",
            "password": PASSWORD,
        },
        follow=True,
    )
    text = ok.content.decode()
    assert "Approved and signed." in text
    assert "Signature valid: the text is exactly what was signed" in text
    assert Approval.objects.get(document=doc).version == 2

    word = as_carol.get(_url(carrier_a, f"{doc.pk}/download/?format=docx"))
    assert word.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(word.content)).read("word/document.xml").decode()
    assert "Seals are kept in the dispatch safe" in xml and "Approved by Alice" in xml
    pdf = as_carol.get(_url(carrier_a, f"{doc.pk}/download/?format=pdf"))
    assert pdf.content.startswith(b"%PDF")


def test_a_changed_signed_text_shows_as_invalid_on_the_page(
    carrier_a: Any, alice: Any, as_alice: Client
) -> None:
    from borderpro.policies import services

    doc = document_for(carrier_a)
    services.document_sign(
        actor=alice,
        organization=carrier_a,
        document=doc,
        step="approved",
        signer_name="Alice",
        password=PASSWORD,
    )
    Document.objects.filter(pk=doc.pk).update(body="tampered")
    from borderpro.policies.models import DocumentVersion

    DocumentVersion.objects.filter(document=doc).update(body="tampered")
    page = as_alice.get(_url(carrier_a, f"{doc.pk}/")).content.decode()
    assert "Signature invalid: the signed text was changed" in page


def test_outsiders_get_404_and_field_staff_cannot_edit(
    carrier_a: Any, as_charlie: Client, as_bob: Client
) -> None:
    doc = document_for(carrier_a)
    for url in (_url(carrier_a), _url(carrier_a, f"{doc.pk}/"), _url(carrier_a, "coverage/")):
        assert as_charlie.get(url).status_code == 404
    assert as_bob.get(_url(carrier_a, f"{doc.pk}/edit/")).status_code == 403
    assert Client().get(_url(carrier_a)).status_code == 302


def test_the_manual_is_built_in_the_background(
    carrier_a: Any, as_alice: Client, django_capture_on_commit_callbacks: Any
) -> None:
    from borderpro.common.models import Job

    document_for(carrier_a, "seal-control")
    document_for(carrier_a, "incident-reporting", language="fr")
    for language, fmt in (("en", "docx"), ("fr", "pdf")):
        with django_capture_on_commit_callbacks(execute=True):
            response = as_alice.post(
                _url(carrier_a, "export/"), {"language": language, "format": fmt}
            )
        assert response.status_code == 302 and "?job=" in response["Location"]
        job = Job.objects.filter(organization=carrier_a).latest("created_at")
        assert job.status == "succeeded", job.error
        assert job.result_file.read().startswith(b"PK" if fmt == "docx" else b"%PDF")
        page = as_alice.get(response["Location"]).content.decode()
        assert f"security-manual-{language}.{fmt}" in page
    refused = as_alice.post(_url(carrier_a, "export/"), {"language": "de"}, follow=True)
    assert "Choose English or French, PDF or Word." in refused.content.decode()


def test_coverage_shows_gaps_and_the_requirement_page_proof(
    carrier_a: Any, alice: Any, as_alice: Client
) -> None:
    from borderpro.catalogue.services import catalogue_load_paths
    from borderpro.common.proofs import proofs_for
    from borderpro.policies import services

    catalogue_load_paths(actor=None)
    doc = document_for(carrier_a)
    page = as_alice.get(_url(carrier_a, "coverage/")).content.decode()
    assert "CTPAT-HC-6.1" in page and "not approved yet" in page and "gap" in page
    assert proofs_for(carrier_a, "CTPAT-HC-6.1") == []
    services.document_sign(
        actor=alice,
        organization=carrier_a,
        document=doc,
        step="approved",
        signer_name="Alice",
        password=PASSWORD,
    )
    [proof] = proofs_for(carrier_a, "CTPAT-HC-6.1")
    assert proof.title.startswith("Policy: Seal control") and str(doc.pk) in proof.url


def test_the_diff_page_compares_two_versions(carrier_a: Any, alice: Any, as_alice: Client) -> None:
    from borderpro.policies import services

    doc = document_for(carrier_a)
    services.document_edit(
        actor=alice,
        organization=carrier_a,
        document=doc,
        title=doc.title,
        body=doc.body.replace("locked", "locked <b>twice</b>"),
    )
    page = as_alice.get(_url(carrier_a, f"{doc.pk}/diff/?a=1&b=2")).content.decode()
    assert "&lt;b&gt;twice&lt;/b&gt;" in page and "<b>twice</b>" not in page


def test_a_consultancy_edits_imports_and_exports_its_templates(
    consultancy: Any, carrier_a: Any, carol: Any
) -> None:
    from borderpro.organizations.tests.factories import MembershipFactory
    from conftest import login

    admin = MembershipFactory(organization=consultancy, role="consultant_admin").user
    client = login(admin)
    url = f"/o/{consultancy.code}/policies/templates/"
    assert client.get(url).status_code == 200
    exported = client.get(url + "export/?key=seal-control")
    text = exported.content.decode()
    assert text.startswith("---\nkey: seal-control")
    mine = text.replace("# Seal control\n", "# Seal control — Northbound edition\n", 1)
    upload = io.BytesIO(mine.encode())
    upload.name = "seal-control.md"
    done = client.post(url + "import/", {"file": upload}, follow=True)
    assert "Template seal-control imported (version 1)." in done.content.decode()
    # the client now drafts from the consultancy's own version
    doc = document_for_from(carrier_a)
    assert doc.template_source == consultancy.code
    assert "Northbound edition" in doc.body

    bad = io.BytesIO(b"---\nkey: seal-control\ntitle: {en: X}\n---\n{{ ''.__class__ }}")
    bad.name = "bad.md"
    refused = client.post(url + "import/", {"file": bad}, follow=True)
    assert "is not one of the variables offered to templates" in refused.content.decode()


def document_for_from(organization: Any) -> Document:
    from borderpro.policies import selectors, services

    template = selectors.template_by_key(organization, "seal-control")
    assert template is not None
    return services.document_generate(
        actor=None, organization=organization, template=template, language="en"
    )
