"""The application package, its snapshot, submissions and what changed since."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from docx import Document

from borderpro.common.models import Job
from borderpro.evidence.tests.factories import evidence_for
from borderpro.profiles.models import PackageSnapshot, Submission
from borderpro.profiles.tests.factories import response_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _run_jobs(django_capture_on_commit_callbacks: Any) -> Any:
    """Jobs start on commit; in tests, run them as soon as they are queued."""
    from django.db import transaction

    original = transaction.on_commit
    transaction.on_commit = lambda func, using=None, robust=False: func()
    yield
    transaction.on_commit = original


def build(client: Any, org: Any, language: str = "en") -> PackageSnapshot:
    result = client.post(
        f"/o/{org.code}/profile/packages/build/", {"framework": "PIP", "language": language}
    )
    assert result.status_code == 302 and "/jobs/" in result["Location"]
    job = Job.objects.get(organization=org)
    assert job.status == "succeeded", job.error
    return PackageSnapshot.objects.get(pk=job.params["snapshot_id"])


def test_the_package_has_a_pdf_a_word_file_and_evidence_named_by_ref(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    response = response_for(
        carrier_a, frameworks["pip1"], status="implemented", narrative="We seal every trailer."
    )
    evidence = evidence_for(carrier_a, title="Seal log")
    response.evidence_links.create(organization=carrier_a, evidence=evidence)
    snapshot = build(as_carol, carrier_a)
    assert len(snapshot.pdf_sha256) == len(snapshot.bundle_sha256) == 64
    assert snapshot.pdf.open("rb").read(4) == b"%PDF"
    text = "\n".join(p.text for p in Document(snapshot.docx.open("rb")).paragraphs)
    assert "PIP-001" in text and "We seal every trailer." in text
    names = zipfile.ZipFile(io.BytesIO(snapshot.bundle.open("rb").read())).namelist()
    assert any(n.startswith("evidence/PIP-001/01-seal-log") for n in names)
    assert "evidence/index.csv" in names
    download = as_carol.get(f"/o/{carrier_a.code}/profile/packages/{snapshot.pk}/pdf/")
    assert download.status_code == 200


def test_a_french_package_uses_french_titles(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    snapshot = build(as_carol, carrier_a, "fr")
    text = "\n".join(p.text for p in Document(snapshot.docx.open("rb")).paragraphs)
    assert "Exigence PIP 1" in text and "Profil de sécurité" in text


def test_after_a_submission_the_changes_since_are_listed(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    response = response_for(carrier_a, frameworks["pip1"], status="in_progress", narrative="Draft")
    snapshot = build(as_carol, carrier_a)
    today = carrier_a.local_today().isoformat()
    result = as_carol.post(
        f"/o/{carrier_a.code}/profile/submissions/",
        {"agency": "cbsa", "submitted_on": today, "snapshot": str(snapshot.pk)},
    )
    assert result.status_code == 302
    assert Submission.objects.get(organization=carrier_a).snapshot == snapshot
    page = as_carol.get(f"/o/{carrier_a.code}/profile/packages/").content.decode()
    assert "Nothing has changed since the last submission" in page
    response.status, response.narrative = "implemented", "Final"
    response.save()
    page = as_carol.get(f"/o/{carrier_a.code}/profile/packages/").content.decode()
    assert (
        "PIP-001" in page and "narrative rewritten" in page and "In progress → Implemented" in page
    )


def test_a_submission_in_the_future_is_refused(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    snapshot = build(as_carol, carrier_a)
    result = as_carol.post(
        f"/o/{carrier_a.code}/profile/submissions/",
        {"agency": "cbp", "submitted_on": "2999-01-01", "snapshot": str(snapshot.pk)},
    )
    assert result.status_code == 400
    assert "cannot be in the future" in result.content.decode()
    assert not Submission.objects.exists()


def test_outsiders_cannot_download_a_package(
    as_carol: Any, as_charlie: Any, carrier_a: Any, frameworks: Any
) -> None:
    snapshot = build(as_carol, carrier_a)
    assert (
        as_charlie.get(f"/o/{carrier_a.code}/profile/packages/{snapshot.pk}/zip/").status_code
        == 404
    )
