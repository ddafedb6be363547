"""Gap register export and response import with preview."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from borderpro.profiles.models import Response
from borderpro.profiles.tests.factories import response_for

pytestmark = pytest.mark.django_db


def test_the_gap_register_exports_as_xlsx_and_csv(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    response_for(
        carrier_a, frameworks["pip1"], status="implemented", narrative="=cmd|' /C calc'!A0"
    )
    xlsx = as_carol.get(f"/o/{carrier_a.code}/profile/gaps/export/?framework=PIP")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "ref",
        "criterion",
        "level",
        "category",
        "owner",
        "due",
        "status",
        "evidence_count",
    )
    assert {r[0] for r in rows[1:]} == {"PIP-001", "PIP-002", "PIP-003"}
    assert rows[1][9].startswith("'=")  # formulas are neutralised
    text = as_carol.get(
        f"/o/{carrier_a.code}/profile/gaps/export/?framework=PIP&format=csv"
    ).content.decode("utf-8-sig")
    assert "Evidence missing" in text and next(csv.reader(io.StringIO(text)))[0] == "ref"


def upload(rows: list[list[Any]], name: str = "gaps.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_import_previews_with_row_errors_and_saves_nothing_until_confirmed(
    as_carol: Any, carrier_a: Any, alice: Any, frameworks: Any
) -> None:
    url = f"/o/{carrier_a.code}/profile/import/?framework=PIP"
    as_carol.get(f"/o/{carrier_a.code}/profile/requirements/?framework=PIP")
    file = upload(
        [
            ["ref", "owner", "due", "status", "narrative", "justification"],
            ["PIP-001", alice.email, "2030-02-01", "implemented", "Dispatch logs every seal.", ""],
            ["PIP-002", "nobody@example.com", "next week", "done", "x", ""],
            ["PIP-999", "", "", "implemented", "", ""],
            ["PIP-003", "", "", "not applicable", "", ""],
        ]
    )
    preview = as_carol.post(url, {"file": file, "framework": "PIP"})
    page = preview.content.decode()
    assert "owner “nobody@example.com” is not someone who works on this profile" in page
    assert "due “next week” is not a date" in page
    assert "status “done” is not one of" in page
    assert "ref “PIP-999” is not a requirement of this framework" in page
    assert "justification is required when the status is not applicable" in page
    assert (
        Response.objects.get(organization=carrier_a, requirement=frameworks["pip1"]).narrative == ""
    )
    token = as_carol.session["profiles_import"]["token"]
    done = as_carol.post(url, {"confirm": token, "framework": "PIP"})
    assert done.status_code == 302
    imported = Response.objects.get(organization=carrier_a, requirement=frameworks["pip1"])
    assert (imported.narrative, imported.status, imported.owner) == (
        "Dispatch logs every seal.",
        "implemented",
        alice,
    )
    assert Response.objects.get(organization=carrier_a, requirement__ref="PIP-002").narrative == ""


def test_a_row_changed_since_the_preview_is_not_overwritten(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    url = f"/o/{carrier_a.code}/profile/import/?framework=PIP"
    as_carol.get(f"/o/{carrier_a.code}/profile/requirements/?framework=PIP")
    as_carol.post(
        url,
        {"file": upload([["ref", "narrative"], ["PIP-001", "From the sheet"]]), "framework": "PIP"},
    )
    response = Response.objects.get(organization=carrier_a, requirement=frameworks["pip1"])
    response.narrative, response.version = "Typed meanwhile", response.version + 1
    response.save()
    result = as_carol.post(
        url,
        {"confirm": as_carol.session["profiles_import"]["token"], "framework": "PIP"},
        follow=True,
    )
    assert "changed by someone else since the preview" in result.content.decode()
    response.refresh_from_db()
    assert response.narrative == "Typed meanwhile"


def test_a_file_that_is_not_a_spreadsheet_is_refused(
    as_carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    result = as_carol.post(
        f"/o/{carrier_a.code}/profile/import/?framework=PIP",
        {"file": SimpleUploadedFile("notes.txt", b"hello"), "framework": "PIP"},
    )
    assert result.status_code == 400
    assert "notes.txt is not an XLSX or CSV file" in result.content.decode()
