"""The hostile-upload suite (issue #10): every hostile file, made in memory, is posted through
the web upload form, the evidence API and the field-photo endpoint; each is refused with a
message that names the file and the reason, and nothing reaches storage or the database.
Benign files of every type still go in."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from borderpro.accounts.services import api_token_create
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_check, fit_name
from borderpro.evidence.tests.hostile_files import BENIGN, HOSTILE, NOT_A_PHOTO, PHOTOS, Sample
from borderpro.operations.models import UploadReceipt
from borderpro.organizations.models import Activity

pytestmark = pytest.mark.django_db

CHANNELS = ("web", "api", "field-photo")


@pytest.fixture
def post(alice: Any, carrier_a: Any):
    """Send one file through a channel; answer (status, the refusal text or '')."""
    token = api_token_create(user=alice, organization=carrier_a, name="suite", read_only=False)[1]
    web = Client()
    web.force_login(alice)
    api = Client(HTTP_AUTHORIZATION=f"Bearer {token}")

    def send(channel: str, sample: Sample) -> tuple[int, str]:
        upload = SimpleUploadedFile(sample.name, sample.make())
        if channel == "web":
            response = web.post(f"/o/{carrier_a.code}/evidence/upload/", {"file": upload})
            return response.status_code, response.content.decode()
        if channel == "api":
            response = api.post(f"/api/v1/o/{carrier_a.code}/evidence/", {"file": upload})
        else:
            response = api.post(
                f"/api/v1/o/{carrier_a.code}/field-photos/",
                {"file": upload, "client_id": str(uuid4())},
            )
        errors = response.json().get("errors", []) if response.status_code >= 400 else []
        return response.status_code, " ".join(f"{e['field']}: {e['message']}" for e in errors)

    return send


def _assert_nothing_written(org: Any, tmp_path: Path) -> None:
    assert not EvidenceFile.objects.filter(organization=org).exists()
    assert not UploadReceipt.objects.filter(organization=org).exists()
    assert not Activity.objects.filter(organization=org, verb="evidence.uploaded").exists()
    assert not [p for p in (tmp_path / "private").rglob("*") if p.is_file()]


def _ids(samples: list[Sample]) -> list[str]:
    return [s.name for s in samples]


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("sample", HOSTILE, ids=_ids(HOSTILE))
def test_hostile_file_is_refused_with_its_reason_and_nothing_is_written(
    post, channel: str, sample: Sample, carrier_a: Any, tmp_path: Path
) -> None:
    status, text = post(channel, sample)
    assert status == 400
    assert sample.name in text and "was not stored" in text
    if channel == "field-photo" and not sample.name.endswith((".png", ".gif", ".jpg")):
        # a document sent as a photo: refused for what it holds, or for not being a photo
        assert sample.reason in text or "a photo is expected" in text, text
    else:
        assert sample.reason in text, text
    _assert_nothing_written(carrier_a, tmp_path)


@pytest.mark.parametrize("sample", NOT_A_PHOTO, ids=_ids(NOT_A_PHOTO))
def test_field_photos_must_be_decodable_images(
    post, sample: Sample, carrier_a: Any, tmp_path: Path
) -> None:
    status, text = post("field-photo", sample)
    assert status == 400 and sample.reason in text and "file:" in text, text
    _assert_nothing_written(carrier_a, tmp_path)


@pytest.mark.parametrize("channel", ["web", "api"])
@pytest.mark.parametrize("sample", BENIGN, ids=_ids(BENIGN))
def test_benign_files_of_every_type_are_stored(
    post, channel: str, sample: Sample, carrier_a: Any
) -> None:
    status, text = post(channel, sample)
    assert status in (201, 302), text
    assert EvidenceFile.objects.filter(organization=carrier_a).count() == 1


@pytest.mark.parametrize("sample", PHOTOS, ids=_ids(PHOTOS))
def test_real_photos_go_through_the_field_photo_endpoint(
    post, sample: Sample, carrier_a: Any
) -> None:
    status, text = post("field-photo", sample)
    assert status == 201, text
    assert UploadReceipt.objects.filter(organization=carrier_a).count() == 1


def test_refusals_are_in_french_for_french_readers(carrier_a: Any) -> None:
    hostile = {s.name: s for s in HOSTILE}
    with translation.override("fr"):
        for name in ("macro-renamed.docx", "javascript.pdf", "eicar.txt", "dde.csv"):
            sample = hostile[name]
            upload = SimpleUploadedFile(sample.name, sample.make())
            with pytest.raises(ValidationError) as refused:
                evidence_check(organization=carrier_a, upload=upload)
            message = " ".join(refused.value.message_dict["file"])
            assert "n'a pas été enregistré" in message and sample.reason not in message


def test_names_over_255_characters_keep_their_extension(post, carrier_a: Any) -> None:
    long = "Rapport d'inspection " * 20 + ".pdf"
    assert fit_name(long).endswith(".pdf") and len(fit_name(long)) == 255
    assert fit_name("C:\\photos\\" + "a" * 300 + ".jpeg").endswith("a.jpeg")
    status, _ = post("api", Sample(long, BENIGN[5].make, ""))
    assert status == 201
    stored = EvidenceFile.objects.get(organization=carrier_a)
    assert stored.original_name.endswith(".pdf") and len(stored.original_name) <= 255
    assert stored.file.name.endswith(".pdf")


def test_suite_size() -> None:
    """The figures quoted in the closing note of issue #10: every sample is named once and
    every hostile one says what its refusal must contain."""
    files = len(HOSTILE) + len(NOT_A_PHOTO) + len(BENIGN)
    requests = len(HOSTILE) * len(CHANNELS) + len(NOT_A_PHOTO) + 2 * len(BENIGN) + len(PHOTOS) + 1
    assert len({s.name for s in HOSTILE}) == len(HOSTILE) and all(s.reason for s in HOSTILE)
    assert len({s.name for s in BENIGN}) == len(BENIGN) and not any(s.reason for s in BENIGN)
    assert (files, requests) == (79, 215)
