"""Uploading, refusing, downloading and exporting evidence."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.models import Job
from borderpro.common.samples import pdf_bytes, png_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.tests.factories import evidence_for

pytestmark = pytest.mark.django_db


def _upload(client, org, name: str, content: bytes, **extra):
    data = {"file": SimpleUploadedFile(name, content), "title": extra.pop("title", ""), **extra}
    return client.post(f"/o/{org.code}/evidence/upload/", data)


def test_upload_stores_fingerprint_type_and_activity(as_alice, carrier_a, alice) -> None:
    content = pdf_bytes("Statement of support")
    response = _upload(
        as_alice,
        carrier_a,
        "statement.pdf",
        content,
        title="Statement of support",
        proves="PIP-CORP-04",
        expires_on="2027-06-30",
    )
    evidence = EvidenceFile.objects.get(organization=carrier_a)
    assert response.status_code == 302 and response["Location"].endswith(
        f"/evidence/{evidence.pk}/"
    )
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.size == len(content)
    assert evidence.content_type == "application/pdf"
    assert evidence.uploaded_by == alice
    assert evidence.file.read() == content
    assert evidence.history.count() == 1
    page = as_alice.get(f"/o/{carrier_a.code}/activity/").content.decode()
    assert "uploaded evidence" in page and "Statement of support" in page


def test_field_staff_can_upload_a_phone_photo(as_bob, carrier_a) -> None:
    response = _upload(as_bob, carrier_a, "IMG_0042.PNG", png_bytes())
    assert response.status_code == 302
    assert EvidenceFile.objects.get(organization=carrier_a).type_label == "PNG"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("invoice.pdf", b"MZ\x90\x00" + b"\x00" * 200, "Windows program"),
        ("photo.pdf", png_bytes(), "name ends in .pdf but the content is PNG"),
        ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "not accepted"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'></svg>", "not accepted"),
        ("archive.zip", b"PK\x03\x04" + b"\x00" * 100, "archive"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_refused_files_are_named_with_the_reason_and_nothing_is_stored(
    as_alice, carrier_a, name, content, reason, settings, tmp_path
) -> None:
    response = _upload(as_alice, carrier_a, name, content, title="Keep this title")
    body = response.content.decode()
    assert response.status_code == 400
    if content:
        assert name in body
    assert reason in body
    assert 'value="Keep this title"' in body  # what the user typed is kept
    assert not EvidenceFile.objects.exists()
    assert not list((tmp_path / "private").rglob("*.*"))


def test_oversized_file_is_refused(as_alice, carrier_a, settings) -> None:
    settings.EVIDENCE_MAX_UPLOAD_BYTES = 1000
    response = _upload(as_alice, carrier_a, "big.pdf", pdf_bytes("x", ["y" * 200] * 10))
    assert response.status_code == 400
    assert "the limit is" in response.content.decode()
    assert not EvidenceFile.objects.exists()


def test_the_same_file_twice_is_refused_with_the_existing_title(as_alice, carrier_a) -> None:
    content = pdf_bytes("Seal log")
    _upload(as_alice, carrier_a, "seal-log.pdf", content, title="Seal log — March")
    response = _upload(as_alice, carrier_a, "copy.pdf", content)
    assert response.status_code == 400
    assert "already in the vault as “Seal log — March”" in response.content.decode()
    assert EvidenceFile.objects.count() == 1


def test_the_same_file_in_another_organization_is_fine(carrier_a, carrier_b) -> None:
    content = pdf_bytes("Shared template")
    evidence_for(carrier_a, content=content)
    evidence_for(carrier_b, content=content)
    assert EvidenceFile.objects.count() == 2


def test_expiry_before_document_date_is_refused(as_alice, carrier_a) -> None:
    response = _upload(
        as_alice,
        carrier_a,
        "a.pdf",
        pdf_bytes("a"),
        document_date="2026-05-01",
        expires_on="2026-01-01",
    )
    assert response.status_code == 400
    assert "The expiry date is before the document date." in response.content.decode()


def test_download_streams_the_private_file_as_an_attachment(as_bob, carrier_a) -> None:
    evidence = evidence_for(carrier_a, title="Training roster")
    response = as_bob.get(f"/o/{carrier_a.code}/evidence/{evidence.pk}/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_files_are_not_reachable_by_any_public_url(client, carrier_a) -> None:
    evidence = evidence_for(carrier_a)
    assert client.get("/" + evidence.file.name).status_code == 404
    assert client.get("/media/" + evidence.file.name).status_code == 404


def test_editing_metadata_keeps_history(as_alice, carrier_a) -> None:
    evidence = evidence_for(carrier_a, title="Old title")
    response = as_alice.post(
        f"/o/{carrier_a.code}/evidence/{evidence.pk}/",
        {
            "title": "New title",
            "proves": "",
            "description": "",
            "document_date": "",
            "expires_on": "",
        },
    )
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.title == "New title"
    assert [h.title for h in evidence.history.order_by("history_date")] == [
        "Old title",
        "New title",
    ]


def test_viewer_roles_cannot_edit(as_bob, carrier_a) -> None:
    evidence = evidence_for(carrier_a, title="Old title")
    response = as_bob.post(f"/o/{carrier_a.code}/evidence/{evidence.pk}/", {"title": "Hacked"})
    assert response.status_code == 403
    evidence.refresh_from_db()
    assert evidence.title == "Old title"


def test_search_and_expiry_filters(as_alice, carrier_a) -> None:
    from datetime import timedelta

    today = carrier_a.local_today()
    evidence_for(carrier_a, title="Seal certificate", expires_on=today - timedelta(days=1))
    evidence_for(carrier_a, title="Threat review memo", expires_on=today + timedelta(days=10))
    evidence_for(carrier_a, title="Fence photo")
    page = as_alice.get(f"/o/{carrier_a.code}/evidence/?state=expired").content.decode()
    assert "Seal certificate" in page and "Threat review memo" not in page
    page = as_alice.get(f"/o/{carrier_a.code}/evidence/?state=expiring").content.decode()
    assert "Threat review memo" in page and "Fence photo" not in page
    page = as_alice.get(f"/o/{carrier_a.code}/evidence/?q=fence").content.decode()
    assert "Fence photo" in page and "Seal certificate" not in page


def test_list_query_count_does_not_grow_with_rows(
    as_alice, carrier_a, django_assert_max_num_queries
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    evidence_for(carrier_a, title="one")
    as_alice.get(f"/o/{carrier_a.code}/")  # the first view also remembers the organization
    with CaptureQueriesContext(connection) as few:
        as_alice.get(f"/o/{carrier_a.code}/evidence/")
    for index in range(15):
        evidence_for(carrier_a, title=f"file {index}")
    with CaptureQueriesContext(connection) as many:
        as_alice.get(f"/o/{carrier_a.code}/evidence/")
    assert len(many) == len(few)


def test_export_zip_job_contains_every_file_and_a_manifest(
    as_alice, carrier_a, django_capture_on_commit_callbacks
) -> None:
    first = evidence_for(carrier_a, title="Statement")
    evidence_for(carrier_a, title="Roster")
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(f"/o/{carrier_a.code}/evidence/export/")
    job = Job.objects.get(organization=carrier_a, kind="evidence.export_zip")
    assert response["Location"].endswith(f"/jobs/{job.pk}/")
    assert job.status == Job.Status.SUCCEEDED and job.percent == 100
    progress = as_alice.get(response["Location"]).content.decode()
    assert "Download" in progress
    download = as_alice.get(f"/o/{carrier_a.code}/jobs/{job.pk}/download/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    names = archive.namelist()
    assert "manifest.csv" in names and len(names) == 3
    assert first.sha256 in archive.read("manifest.csv").decode()


def test_export_manifest_neutralises_formula_cells(
    as_alice, carrier_a, django_capture_on_commit_callbacks
) -> None:
    evidence_for(carrier_a, title='=HYPERLINK("http://x.example")', proves="@SUM(1+1)")
    with django_capture_on_commit_callbacks(execute=True):
        as_alice.post(f"/o/{carrier_a.code}/evidence/export/")
    job = Job.objects.get(organization=carrier_a, kind="evidence.export_zip")
    with job.result_file.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        manifest = archive.read("manifest.csv").decode()
    assert "'=HYPERLINK" in manifest and "'@SUM(1+1)" in manifest
    assert ",=HYPERLINK" not in manifest and ",@SUM" not in manifest
