"""The review report (PDF/Word, EN/FR), the validation binder (every file indexed with its
hash, chains verified), the annual update sign-off and the API."""

from __future__ import annotations

import hashlib
import io
import subprocess
import zipfile
from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from borderpro.common.models import Job
from borderpro.evidence.tests.factories import evidence_for
from borderpro.operations.models import Inspection
from borderpro.operations.tests.factories import inspection_for
from borderpro.organizations.tests.factories import MembershipFactory
from borderpro.reviews import services
from borderpro.reviews.binder import INDEX_PATH, binder_build
from borderpro.reviews.models import AnnualUpdateSignoff, BinderSnapshot
from borderpro.reviews.tests.factories import action_for, finding_for, review_for

pytestmark = pytest.mark.django_db


def _pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.parametrize(("language", "fmt"), [("en", "pdf"), ("fr", "pdf"), ("fr", "docx")])
def test_the_report_exports(
    carrier_a: Any, as_alice: Any, language: str, fmt: str, django_capture_on_commit_callbacks: Any
) -> None:
    review = review_for(carrier_a)
    action_for(finding_for(review, title="Seal log incomplete"))
    url = reverse("reviews:export", args=[carrier_a.code, review.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(url, {"language": language, "format": fmt})
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.status == "succeeded", job.error
    data = job.result_file.read()
    if fmt == "pdf":
        text = _pdf_text(data)
        assert "Seal log incomplete" in text
        assert (
            "Comparaison d’une année à l’autre" if language == "fr" else "Year-over-year comparison"
        ) in text
        assert "42" in text  # the sample seed is printed
    else:
        assert zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_the_binder_indexes_every_file_with_its_hash(carrier_a: Any, alice: Any) -> None:
    for day in (3, 9, 21):
        inspection_for(carrier_a, inspected_at=datetime(2026, 3, day, 15, tzinfo=UTC))
    evidence_for(carrier_a, title="Seal procedure")
    review_for(carrier_a, period_start=date(2026, 1, 1), period_end=date(2026, 11, 30))
    snapshot = binder_build(
        actor=alice,
        organization=carrier_a,
        start=date(2026, 1, 1),
        end=date(2026, 11, 30),
        language="en",
    )
    with snapshot.bundle.open("rb") as handle:
        data = handle.read()
    assert hashlib.sha256(data).hexdigest() == snapshot.sha256
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = archive.namelist()
    indexed = {row["path"]: row for row in snapshot.index}
    assert set(names) == set(indexed)
    for name in names:
        assert hashlib.sha256(archive.read(name)).hexdigest() == indexed[name]["sha256"]
    index_text = _pdf_text(archive.read(INDEX_PATH)).replace("\n", " ")
    compact = "".join(index_text.split())
    for name in names:
        if name != INDEX_PATH:
            assert indexed[name]["sha256"] in compact, name
    parts = {row["path"].split("/")[0][3:] for row in snapshot.index if "/" in row["path"]}
    assert {"operations", "evidence", "review"} <= parts
    inspection_row = next(r for r in snapshot.index if r["path"].endswith("inspection-log.csv"))
    assert inspection_row["chain_intact"] is True
    assert snapshot.chains_intact is True


def test_the_binder_says_when_a_chain_is_broken(carrier_a: Any) -> None:
    first = inspection_for(carrier_a, inspected_at=datetime(2026, 3, 3, 15, tzinfo=UTC))
    inspection_for(carrier_a, inspected_at=datetime(2026, 3, 4, 15, tzinfo=UTC))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Inspection._meta.db_table} SET inspector_name = %s WHERE id = %s",
            ["Someone else", first.pk.hex if connection.vendor == "sqlite" else first.pk],
        )
    snapshot = binder_build(
        actor=None,
        organization=carrier_a,
        start=date(2026, 1, 1),
        end=date(2026, 11, 30),
        language="fr",
    )
    row = next(r for r in snapshot.index if r["path"].endswith("inspection-log.csv"))
    assert row["chain_intact"] is False
    assert snapshot.chains_intact is False
    with snapshot.bundle.open("rb") as handle:
        index = zipfile.ZipFile(handle).read(INDEX_PATH)
    assert "ROMPUE" in _pdf_text(index)


def test_the_binder_page_builds_in_the_background(
    carrier_a: Any, as_carol: Any, as_charlie: Any, django_capture_on_commit_callbacks: Any
) -> None:
    url = reverse("reviews:binder", args=[carrier_a.code])
    with django_capture_on_commit_callbacks(execute=True):
        response = as_carol.post(
            url, {"start": "2026-01-01", "end": "2026-11-30", "language": "en"}
        )
    assert response.status_code == 302 and "?job=" in response["Location"]
    job = Job.objects.get()
    assert job.status == "succeeded", job.error
    snapshot = BinderSnapshot.objects.get()
    download = reverse("reviews:binder_download", args=[carrier_a.code, snapshot.pk])
    assert as_carol.get(download).status_code == 200
    assert as_charlie.get(download).status_code == 404
    bad = as_carol.post(url, {"start": "2026-06-01", "end": "2026-01-01", "language": "en"})
    assert bad.status_code == 400
    assert "The period must end on or after the day it starts." in bad.content.decode()


def test_annual_update_is_signed_with_the_password(
    carrier_a: Any, alice: Any, as_alice: Any, as_bob: Any
) -> None:
    alice.set_password("correct horse")
    alice.save()
    as_alice.force_login(alice)
    url = reverse("reviews:annual_update", args=[carrier_a.code])
    page = as_alice.get(url)
    assert page.status_code == 200
    refused = as_alice.post(url, {"program": "pip", "signer_name": "Alice", "password": "wrong"})
    assert refused.status_code == 400
    assert "The password is not correct." in refused.content.decode()
    assert not AnnualUpdateSignoff.objects.exists()
    signed = as_alice.post(
        url,
        {
            "program": "pip",
            "signer_name": "Alice",
            "signer_title": "Compliance lead",
            "password": "correct horse",
        },
    )
    assert signed.status_code == 302
    record = AnnualUpdateSignoff.objects.get()
    assert record.content_sha256 == services.content_hash(record.content)
    assert record.record_hash and record.signer_name == "Alice"
    assert as_bob.get(url).status_code == 403


def test_annual_update_lists_changes_since_the_last_submission(carrier_a: Any, alice: Any) -> None:
    from borderpro.reviews import annual
    from borderpro.risk.tests.factories import assessment_for

    assessment_for(carrier_a, year=2026)
    since = annual.since_day(carrier_a)
    assert since == carrier_a.local_today().replace(year=carrier_a.local_today().year - 1) or since
    areas = {a.app: a for a in annual.changes_since(carrier_a, since)}
    assert areas["risk"].counts["added"] >= 1
    assert any("Risk assessment 2026" in c.what for c in areas["risk"].entries)
    # every change reads as words an officer recognises: no ids, no "object (…)", no role codes
    MembershipFactory(organization=carrier_a, role="field_staff", user__full_name="Bob Singh")
    changed = {a.app: a for a in annual.changes_since(carrier_a, since)}
    whats = [c.what for area in changed.values() for c in area.entries]
    people = [c.what for c in changed["organizations"].entries]
    assert any("Bob Singh" in w and "(Field staff)" in w for w in people)
    assert not [w for w in whats if " object (" in w or "field_staff" in w], whats
    content = annual.content_of(carrier_a, since, list(areas.values()))
    assert content["since"] == since.isoformat()
    assert {a["app"] for a in content["areas"]} >= {"risk"}


def test_api_lists_reviews_findings_and_actions(carrier_a: Any, alice: Any, as_alice: Any) -> None:
    review = review_for(carrier_a)
    action = action_for(finding_for(review), owner=alice)
    base = f"/api/v1/o/{carrier_a.code}/reviews/"
    listed = as_alice.get(base).json()
    assert listed["count"] == 1 and listed["results"][0]["sample_seed"] == 42
    findings = as_alice.get(f"{base}{review.pk}/findings/").json()
    assert findings["results"][0]["code"] == "F-01"
    assert findings["results"][0]["actions"][0]["id"] == str(action.pk)
    actions = as_alice.get(f"{base}actions/?status=open").json()
    assert actions["count"] == 1
    refused = as_alice.patch(
        f"{base}actions/{action.pk}/", {"verify": True}, content_type="application/json"
    )
    assert refused.status_code == 400


def test_annual_update_queries_do_not_grow_with_the_changes_shown(
    carrier_a: Any, alice: Any, as_alice: Any
) -> None:
    """Each change's name reads its relations (a training record its course, a membership
    its user): those are fetched together, not once per change shown."""
    from django.test.utils import CaptureQueriesContext

    from borderpro.people.tests.factories import employee_for
    from borderpro.reviews import annual
    from borderpro.training.tests.factories import record_for

    def world(n: int) -> None:
        for i in range(n):
            MembershipFactory(organization=carrier_a, role="field_staff", user__full_name=f"D{i}")
            record_for(employee_for(carrier_a, name=f"Driver {i}"))

    def queries() -> tuple[int, list[annual.Area]]:
        since = annual.since_day(carrier_a)
        with CaptureQueriesContext(connection) as captured:
            areas = annual.changes_since(carrier_a, since)
        return len(captured.captured_queries), areas

    world(1)
    few, _areas = queries()
    world(10)
    many, areas = queries()
    assert many == few
    shown = {a.app: a for a in areas}
    assert len(shown["training"].entries) == annual.ENTRIES_SHOWN
    assert shown["training"].counts["added"] == 11
    assert any("D9" in c.what for c in shown["organizations"].entries)
    assert all("Security and threat awareness" in c.what for c in shown["training"].entries), [
        c.what for c in shown["training"].entries
    ]
    url = reverse("reviews:annual_update", args=[carrier_a.code])
    as_alice.get(url)  # the first view also remembers the organization
    with CaptureQueriesContext(connection) as page:
        assert as_alice.get(url).status_code == 200
    world(5)
    with CaptureQueriesContext(connection) as again:
        assert as_alice.get(url).status_code == 200
    assert len(again.captured_queries) == len(page.captured_queries)
