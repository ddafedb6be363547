"""A company uploads its logo in the settings; its documents carry it."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.documents import letterhead_for, render_docx, render_pdf
from borderpro.common.samples import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def settings_post(org: Any, **extra: Any) -> dict[str, Any]:
    return {
        "name": org.name,
        "legal_name": org.legal_name,
        "business_type": org.business_type,
        "country": org.country,
        "region": org.region,
        "city": org.city,
        "time_zone": org.time_zone,
        "language": org.language,
        **extra,
    }


def test_an_uploaded_logo_goes_on_the_letterhead(as_alice: Any, carrier_a: Any) -> None:
    url = f"/o/{carrier_a.code}/settings/"
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    result = as_alice.post(url, settings_post(carrier_a, logo=logo))
    assert result.status_code == 302
    carrier_a.refresh_from_db()
    head = letterhead_for(carrier_a)
    assert head.logo.startswith("data:image/png;base64,") and head.logo_bytes == png_bytes()
    page = as_alice.get(url).content.decode()
    assert "A logo is on file." in page and carrier_a.logo.name not in page  # no private path
    word = render_docx(
        lambda doc: doc.letterhead_block(), organization=carrier_a, language="en", title="T"
    )
    assert b"word/media/" in word  # the picture is in the Word file
    pdf = render_pdf(
        "documents/tests/sample.html",
        {"rows": []},
        organization=carrier_a,
        language="en",
        title="T",
    )
    images = subprocess.run(["pdfimages", "-list", "-"], input=pdf, capture_output=True)
    assert b"image" in images.stdout.splitlines()[-1]  # the logo is on the PDF
    as_alice.post(url, settings_post(carrier_a, **{"logo-clear": "on"}))
    carrier_a.refresh_from_db()
    assert not carrier_a.logo and not letterhead_for(carrier_a).logo


def test_a_logo_that_is_not_an_image_is_refused(as_alice: Any, carrier_a: Any) -> None:
    fake = SimpleUploadedFile("logo.png", pdf_bytes("not a logo"), content_type="image/png")
    result = as_alice.post(f"/o/{carrier_a.code}/settings/", settings_post(carrier_a, logo=fake))
    assert result.status_code == 200
    assert "The logo must be a PNG or JPEG image." in result.content.decode()
    carrier_a.refresh_from_db()
    assert not carrier_a.logo
