"""Field attachments (photos, drawn signatures) stay with their record: private, hashed and
permission-checked like every file, but out of the vault list unless asked for, and a preview
in a page is not a download."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.samples import png_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.tests.factories import evidence_for
from borderpro.operations import services
from borderpro.organizations.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(bob: Any, carrier_a: Any) -> EvidenceFile:
    evidence, _created = services.photo_upload(
        actor=bob,
        organization=carrier_a,
        client_id=uuid4(),
        upload=SimpleUploadedFile("INSP-TRACTOR-01.png", png_bytes(30, 20)),
        title="INSP-TRACTOR-01",
    )
    return evidence


def test_a_field_photo_is_a_field_attachment_kept_out_of_the_vault_list(
    as_alice: Any, carrier_a: Any, photo: EvidenceFile
) -> None:
    document = evidence_for(carrier_a, title="Seal policy")
    assert photo.origin == "field" and len(photo.sha256) == 64
    vault = f"/o/{carrier_a.code}/evidence/"
    page = as_alice.get(vault).content.decode()
    assert "Seal policy" in page and "INSP-TRACTOR-01" not in page
    shown = as_alice.get(vault + "?origin=field").content.decode()
    assert "INSP-TRACTOR-01" in shown and "Seal policy" not in shown
    assert "INSP-TRACTOR-01" in as_alice.get(vault + "?origin=all").content.decode()
    api = f"/api/v1/o/{carrier_a.code}/evidence/"
    assert [e["id"] for e in as_alice.get(api).json()["results"]] == [str(document.pk)]
    field = as_alice.get(api + "?origin=field").json()["results"]
    assert [(e["id"], e["origin"]) for e in field] == [(str(photo.pk), "field")]
    assert as_alice.get(f"/o/{carrier_a.code}/").status_code == 200


def test_a_field_attachment_is_still_private(
    as_charlie: Any, client: Any, carrier_a: Any, photo: EvidenceFile
) -> None:
    url = f"/o/{carrier_a.code}/evidence/{photo.pk}/download/?inline=1"
    assert as_charlie.get(url).status_code == 404
    assert client.get(url).status_code == 302  # to sign in


def test_a_photo_preview_is_not_a_download_in_the_activity_feed(
    as_alice: Any, carrier_a: Any, photo: EvidenceFile
) -> None:
    url = f"/o/{carrier_a.code}/evidence/{photo.pk}/download/"
    preview = as_alice.get(url + "?inline=1")
    assert preview.status_code == 200 and preview["Content-Type"] == "image/png"
    assert not Activity.objects.filter(organization=carrier_a, verb="evidence.downloaded").exists()
    assert as_alice.get(url).status_code == 200
    assert Activity.objects.filter(organization=carrier_a, verb="evidence.downloaded").count() == 1


def test_a_document_already_in_the_vault_cannot_be_sent_again_as_a_photo(
    bob: Any, carrier_a: Any
) -> None:
    from django.core.exceptions import ValidationError

    from borderpro.common.samples import pdf_bytes

    document = evidence_for(carrier_a, title="Seal policy", content=pdf_bytes("Seal policy"))
    with pytest.raises(ValidationError):
        services.photo_upload(
            actor=bob,
            organization=carrier_a,
            client_id=uuid4(),
            upload=SimpleUploadedFile("photo.png", pdf_bytes("Seal policy")),
        )
    assert EvidenceFile.objects.filter(organization=carrier_a).count() == 1
    assert EvidenceFile.objects.get().pk == document.pk
