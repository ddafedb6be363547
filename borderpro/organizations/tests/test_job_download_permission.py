"""A job's file is downloadable by exactly those who may read what it holds — the permission
of the page that started the job — not by everyone who may follow its progress (Bob, field
staff, fetched the full application package)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from borderpro.accounts.services import api_token_create
from borderpro.common.jobs import job_result_permission
from borderpro.common.models import Job
from borderpro.evidence.tests.factories import evidence_for

pytestmark = pytest.mark.django_db


def _finished(organization: Any, kind: str) -> Job:
    job = Job(
        organization=organization, kind=kind, status=Job.Status.SUCCEEDED, result_name="r.zip"
    )
    job.result_file.save("r.zip", ContentFile(b"PK"), save=False)
    job.save()
    return job


def test_each_kind_declares_the_permission_of_its_page() -> None:
    assert job_result_permission("profiles.build_package") == "profiles.package"
    assert job_result_permission("evidence.export_zip") == "evidence.export"
    assert job_result_permission("organizations.verify_records") == "organizations.verify_records"


@pytest.mark.parametrize("kind", ["profiles.build_package", "evidence.export_zip"])
def test_field_staff_cannot_download_a_package_or_an_export(
    as_bob: Client, as_alice: Client, carrier_a: Any, kind: str
) -> None:
    job = _finished(carrier_a, kind)
    url = f"/o/{carrier_a.code}/jobs/{job.pk}/download/"
    assert as_bob.get(url).status_code == 403
    page = as_bob.get(f"/o/{carrier_a.code}/jobs/{job.pk}/").content.decode()
    assert url not in page  # the progress page offers no link either
    assert as_alice.get(url).status_code == 200
    assert url in as_alice.get(f"/o/{carrier_a.code}/jobs/{job.pk}/").content.decode()


def test_the_api_gives_field_staff_no_download_link(bob: Any, alice: Any, carrier_a: Any) -> None:
    job = _finished(carrier_a, "profiles.build_package")
    for user, expected in ((bob, None), (alice, f"/o/{carrier_a.code}/jobs/{job.pk}/download/")):
        raw = api_token_create(user=user, organization=carrier_a, name="t", read_only=True)[1]
        body = (
            Client()
            .get(f"/api/v1/o/{carrier_a.code}/jobs/{job.pk}/", HTTP_AUTHORIZATION=f"Bearer {raw}")
            .json()
        )
        assert body["download_url"] == expected


def test_field_staff_still_download_what_they_may(as_bob: Client, carrier_a: Any) -> None:
    evidence = evidence_for(carrier_a, title="Seal procedure")
    response = as_bob.get(f"/o/{carrier_a.code}/evidence/{evidence.pk}/download/")
    assert response.status_code == 200
