"""CSV written by the profile (the package's evidence index) carries no live formula."""

from __future__ import annotations

import csv
import io
import zipfile

from borderpro.profiles.services.documents import render_bundle


def test_package_evidence_index_is_csv_without_formulas() -> None:
    evidence = {
        "id": "e1",
        "title": '=HYPERLINK("http://x.example","go")',
        "file": "seal.pdf",
        "path": "evidence/PIP-1/01-seal.pdf",
        "sha256": "ab" * 32,
        "document_date": None,
        "expires_on": "2027-01-31",
    }
    content = {
        "organization": "Carrier A",
        "language": "en",
        "framework": {"code": "PIP"},
        "categories": [{"items": [{"ref": "PIP-1", "answered": True, "evidence": [evidence]}]}],
    }
    bundle, count = render_bundle(content, pdf=b"%PDF", docx=b"PK", open_file=lambda _id: b"x")
    index = zipfile.ZipFile(io.BytesIO(bundle)).read("evidence/index.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(index)))
    assert count == 1
    assert rows[1][0] == "PIP-1"
    assert rows[1][1] == '\'=HYPERLINK("http://x.example","go")'
    assert rows[1][4] == ""  # a real empty cell, not a quote or a dash
