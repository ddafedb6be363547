"""CSV written by the profile (gap register, package evidence index) carries no live formula."""

from __future__ import annotations

import csv
import io
import zipfile

from borderpro.profiles.services.documents import render_bundle
from borderpro.profiles.services.spreadsheets import to_csv


def test_gap_register_csv_neutralises_formulas() -> None:
    data = to_csv([["ref", "narrative"], ["PIP-1", "=cmd|' /C calc'!A0"], ["PIP-2", "\t=1+1"]])
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][1] == "'=cmd|' /C calc'!A0" and rows[2][1] == "'\t=1+1"


def test_package_evidence_index_is_csv_without_formulas() -> None:
    evidence = {
        "id": "e1",
        "title": '=HYPERLINK("http://x.example","go")',
        "file": "seal.pdf",
        "sha256": "ab" * 32,
        "document_date": None,
        "expires_on": "2027-01-31",
    }
    content = {
        "organization": "Carrier A",
        "framework": {"code": "PIP"},
        "categories": [{"items": [{"ref": "PIP-1", "evidence": [evidence]}]}],
    }
    bundle, count = render_bundle(content, pdf=b"%PDF", docx=b"PK", open_file=lambda _id: b"x")
    index = zipfile.ZipFile(io.BytesIO(bundle)).read("evidence/index.csv").decode()
    rows = list(csv.reader(io.StringIO(index)))
    assert count == 1
    assert rows[0] == ["ref", "title", "file", "sha256", "document_date", "expires_on"]
    assert rows[1][1] == '\'=HYPERLINK("http://x.example","go")' and rows[1][4] == ""
