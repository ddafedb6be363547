"""The application package, its snapshot, submissions and what changed since."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from decimal import Decimal
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


def build(client: Any, org: Any, language: str = "en", **options: str) -> PackageSnapshot:
    result = client.post(
        f"/o/{org.code}/profile/packages/build/",
        {"framework": "PIP", "language": language, **options},
    )
    assert result.status_code == 302 and "/jobs/" in result["Location"]
    job = Job.objects.filter(organization=org).first()
    assert job.status == "succeeded", job.error
    return PackageSnapshot.objects.get(pk=job.params["snapshot_id"])


def pdf_text(snapshot: PackageSnapshot, *pages: int) -> str:
    args = ["pdftotext", "-layout"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run(
        [*args, "-", "-"], input=snapshot.pdf.open("rb").read(), capture_output=True, check=True
    ).stdout.decode()


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
    response_for(carrier_a, frameworks["pip1"], status="implemented", narrative="Nous scellons.")
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
    # post/redirect/get: the browser goes back to the packages page, never rests on the
    # POST-only address; the page after it shows the message and what was typed, once
    page_url = f"/o/{carrier_a.code}/profile/packages/"
    assert result.status_code == 303 and result["Location"] == page_url
    assert not Submission.objects.exists()
    page = as_carol.get(page_url).content.decode()
    assert "cannot be in the future" in page and 'value="2999-01-01"' in page
    assert "cannot be in the future" not in as_carol.get(page_url).content.decode()


def test_a_refused_package_build_goes_back_to_the_page_with_the_message_and_choices(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    page_url = f"/o/{carrier_a.code}/profile/packages/"
    result = as_carol.post(
        f"/o/{carrier_a.code}/profile/packages/build/",
        {"framework": "NOPE", "language": "fr", "variant": "gap_report", "unanswered": "appendix"},
    )
    assert result.status_code == 303 and result["Location"] == page_url
    assert not Job.objects.filter(organization=carrier_a).exists()
    page = as_carol.get(page_url).content.decode()
    assert "Select a valid choice" in page
    # the user's other choices are kept: French, gap report, appendix
    assert '<option value="fr" selected>' in page
    assert 'value="gap_report"' in page and 'value="appendix"' in page
    for value in ("gap_report", "appendix"):
        tag = page[page.index(f'value="{value}"') :].split(">", 1)[0]
        assert "checked" in tag, tag


def test_outsiders_cannot_download_a_package(
    as_carol: Any, as_charlie: Any, carrier_a: Any, frameworks: Any
) -> None:
    snapshot = build(as_carol, carrier_a)
    assert (
        as_charlie.get(f"/o/{carrier_a.code}/profile/packages/{snapshot.pk}/zip/").status_code
        == 404
    )


@pytest.fixture
def answered(carrier_a: Any, frameworks: Any) -> Any:
    """PIP-001 answered with evidence; PIP-002 and PIP-003 not answered yet."""
    from borderpro.profiles.services.profile import profile_for

    profile = profile_for(carrier_a)
    profile.legal_name, profile.bonded, profile.bond_amount = (
        "Carrier A Ltd",
        True,
        Decimal("25000"),
    )
    profile.save()
    response = response_for(
        carrier_a, frameworks["pip1"], status="implemented", narrative="We seal every trailer."
    )
    evidence = evidence_for(carrier_a, title="Journal — scellés")
    response.evidence_links.create(organization=carrier_a, evidence=evidence)
    return response


def test_the_submission_copy_is_the_companys_document(
    as_carol: Any, carrier_a: Any, frameworks: Any, answered: Any
) -> None:
    snapshot = build(as_carol, carrier_a)
    assert (snapshot.variant, snapshot.unanswered) == ("submission", "omit")
    cover = pdf_text(snapshot, 1)
    assert cover.strip().startswith(carrier_a.legal_name or carrier_a.name)
    assert "Security profile" in cover
    assert "Readiness" not in pdf_text(snapshot)  # the score is internal
    contents = pdf_text(snapshot, 2)
    assert "Contents" in contents and "Company profile" in contents
    text = pdf_text(snapshot)
    assert "PIP-001" in text and "We seal every trailer." in text
    assert "evidence/PIP-001/01-journal-scelles" in text  # evidence referenced by its file
    assert "PIP-002" not in text and "no narrative yet" not in text  # unanswered left out
    assert "$25,000.00" in text
    assert "Page 1 of" in text
    fonts = subprocess.run(
        ["pdffonts", "-"], input=snapshot.pdf.open("rb").read(), capture_output=True
    ).stdout.decode()
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all("DejaVu" in n for n in names), names  # one family, footer too


def test_unanswered_requirements_can_go_to_an_appendix_and_the_gap_report_shows_readiness(
    as_carol: Any, carrier_a: Any, frameworks: Any, answered: Any
) -> None:
    snapshot = build(as_carol, carrier_a, "fr", variant="gap_report", unanswered="appendix")
    assert (snapshot.variant, snapshot.unanswered) == ("gap_report", "appendix")
    cover = pdf_text(snapshot, 1)
    assert "Rapport d’écarts" in cover and "Document interne" in cover
    assert "État de préparation" in cover
    text = pdf_text(snapshot)
    assert "Annexe : exigences encore sans réponse" in text
    appendix = text.split("Annexe : exigences encore sans réponse")[-1]
    assert "PIP-002" in appendix and "PIP-003" in appendix
    assert "25\u00a0000,00\u00a0$" in text or "25 000,00 $" in text
    assert "Page 1 de" in text
    words = "\n".join(p.text for p in Document(snapshot.docx.open("rb")).paragraphs)
    assert "Rapport d’écarts" in words and "Annexe : exigences encore sans réponse" in words


def test_the_evidence_index_is_utf8_text_with_translated_headers(
    as_carol: Any, carrier_a: Any, frameworks: Any, answered: Any
) -> None:
    snapshot = build(as_carol, carrier_a, "fr")
    archive = zipfile.ZipFile(io.BytesIO(snapshot.bundle.open("rb").read()))
    text = archive.read("evidence/index.csv").decode("utf-8-sig")
    assert "\\u2014" not in text
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Exigence" and rows[1][1] == "Journal — scellés"
    assert rows[1][2] in archive.namelist()


def test_the_job_page_offers_each_file(
    as_carol: Any, carrier_a: Any, frameworks: Any, answered: Any
) -> None:
    snapshot = build(as_carol, carrier_a)
    job = Job.objects.filter(organization=carrier_a).first()
    page = as_carol.get(f"/o/{carrier_a.code}/jobs/{job.pk}/").content.decode()
    for kind, label in (("pdf", "PDF"), ("docx", "Word"), ("zip", "ZIP")):
        url = f"/o/{carrier_a.code}/profile/packages/{snapshot.pk}/{kind}/"
        assert url in page and f"Download {label}</a>" in page
        assert as_carol.get(url).status_code == 200


def test_the_api_builds_a_gap_report_with_an_appendix(
    carol: Any, carrier_a: Any, frameworks: Any, answered: Any
) -> None:
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(carol)
    url = f"/api/v1/o/{carrier_a.code}/profile/packages/"
    bad = client.post(url, {"framework": "PIP", "variant": "draft"}, format="json")
    assert bad.status_code == 400 and "variant" in bad.content.decode()
    started = client.post(
        url, {"framework": "PIP", "variant": "gap_report", "unanswered": "appendix"}, format="json"
    )
    assert started.status_code == 202
    listed = client.get(url).json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert (rows[0]["variant"], rows[0]["unanswered"]) == ("gap_report", "appendix")
