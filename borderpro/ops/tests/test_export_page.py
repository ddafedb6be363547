"""An organization's managers prepare and download its complete export; nobody else can."""

from __future__ import annotations

import io
import json
import tarfile
from typing import Any

import pytest
from django.test import Client

from borderpro.common.models import Job
from borderpro.evidence.tests.factories import evidence_for
from borderpro.organizations.models import Activity

pytestmark = pytest.mark.django_db


def test_an_administrator_prepares_and_downloads_the_export(
    alice: Any, carrier_a: Any, as_alice: Client, django_capture_on_commit_callbacks: Any
) -> None:
    evidence_for(carrier_a, actor=alice)
    page = as_alice.get(f"/o/{carrier_a.code}/settings/export/")
    assert page.status_code == 200
    assert b"No export prepared yet" in page.content
    with django_capture_on_commit_callbacks(execute=True):
        started = as_alice.post(f"/o/{carrier_a.code}/settings/export/")
    job = Job.objects.get(organization=carrier_a, kind="ops.export_data")
    assert started["Location"].endswith(f"?job={job.pk}")
    assert job.status == "succeeded", job.error
    page = as_alice.get(started["Location"])
    assert job.result_name.encode() in page.content
    download = as_alice.get(f"/o/{carrier_a.code}/jobs/{job.pk}/download/")
    assert download.status_code == 200
    with tarfile.open(fileobj=io.BytesIO(b"".join(download.streaming_content))) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        names = tar.getnames()
    assert manifest["organization"]["code"] == carrier_a.code
    assert "data/evidence.EvidenceFile.json" in names
    assert any(n.startswith("files/") for n in names)
    assert Activity.objects.filter(organization=carrier_a, verb="data.exported").exists()


def test_the_export_is_for_managers_only(
    carrier_a: Any, as_bob: Client, as_carol: Client, as_charlie: Client
) -> None:
    url = f"/o/{carrier_a.code}/settings/export/"
    assert as_bob.get(url).status_code == 403  # field staff
    assert as_bob.post(url).status_code == 403
    assert as_carol.get(url).status_code == 403  # a consultant: not a manager of the carrier
    assert as_charlie.get(url).status_code == 404  # an outsider sees nothing
    assert Client().get(url).status_code == 302
    assert not Job.objects.exists()


def test_the_french_page(carrier_a: Any, alice: Any) -> None:
    alice.language = "fr"
    alice.save()
    client = Client()
    client.force_login(alice)
    page = client.get(f"/o/{carrier_a.code}/settings/export/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Exporter vos données" in page.content.decode()
