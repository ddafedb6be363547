"""The post-incident analysis is made with the document toolkit: letterhead, page numbers in
the report's language, one font family."""

from __future__ import annotations

import subprocess
from typing import Any

import pytest

from borderpro.operations.tests.factories import incident_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("lang", "words"), [("en", "Page 1 of "), ("fr", "Page 1 de ")])
def test_the_report_carries_the_letterhead_and_page_numbers(
    as_alice: Any, carrier_a: Any, lang: str, words: str
) -> None:
    incident = incident_for(carrier_a)
    pdf = as_alice.get(
        f"/o/{carrier_a.code}/operations/incidents/{incident.pk}/analysis.pdf?lang={lang}"
    ).content
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert text.lstrip().startswith(carrier_a.legal_name or carrier_a.name)
    assert words in text and incident.reference in text
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True).stdout.decode()
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all("DejaVu" in n for n in names), names
