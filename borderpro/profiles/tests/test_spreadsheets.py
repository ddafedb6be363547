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
    assert rows[0] == (
        "Ref.",
        "Requirement",
        "Level",
        "Category",
        "Owner",
        "Due",
        "Status",
        "Evidence",
        "Gaps",
        "How the company meets it",
        "Why it does not apply",
    )
    by_ref = {r[0]: r for r in rows[1:]}
    assert set(by_ref) == {"PIP-001", "PIP-002", "PIP-003"}
    first = by_ref["PIP-001"]
    assert first[2] in ("Must", "Should") and first[6] == "Implemented"
    assert first[4] is None and first[5] is None and first[10] is None  # real empty cells
    assert "'" not in [v for r in rows for v in r]
    cell = next(c for c in sheet["J"] if c.value and str(c.value).startswith("=cmd"))
    assert cell.data_type == "s"  # a text cell: never evaluated as a formula
    text = as_carol.get(
        f"/o/{carrier_a.code}/profile/gaps/export/?framework=PIP&format=csv"
    ).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert "Evidence missing" in text and table[0][0] == "Ref."
    row = next(r for r in table if r[0] == "PIP-001")
    assert row[9].startswith("'=cmd")  # CSV: formulas are neutralised
    assert row[4] == "" and row[5] == "" and row[10] == ""  # no lone apostrophe


def test_a_french_reader_gets_french_headers_and_values(
    as_carol: Any, carol: Any, carrier_a: Any, frameworks: Any
) -> None:
    carol.language = "fr"
    carol.save()
    response_for(carrier_a, frameworks["pip1"], status="partial", narrative="Étape 1")
    data = as_carol.get(f"/o/{carrier_a.code}/profile/gaps/export/?framework=PIP&format=csv")
    assert data.content.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(data.content.decode("utf-8-sig"))))
    assert table[0][:3] == ["Réf.", "Exigence", "Niveau"]
    row = next(r for r in table if r[0] == "PIP-001")
    assert row[6] == "Mise en œuvre partielle" and row[2] in ("Obligatoire", "Recommandée")


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_in_french_imports_back(
    as_carol: Any, carol: Any, carrier_a: Any, frameworks: Any, fmt: str
) -> None:
    """Round trip: export in French, change a status label and a narrative, import it back
    (as an English reader: labels are recognised in either language)."""
    carol.language = "fr"
    carol.save()
    response_for(carrier_a, frameworks["pip1"], status="in_progress", narrative="Brouillon")
    exported = as_carol.get(
        f"/o/{carrier_a.code}/profile/gaps/export/?framework=PIP&format={fmt}"
    ).content
    if fmt == "xlsx":
        book = load_workbook(io.BytesIO(exported))
        sheet = book.active
        row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "PIP-001")
        row[6].value, row[9].value = "Mise en œuvre", "Chaque remorque est scellée."
        buffer = io.BytesIO()
        book.save(buffer)
        data = buffer.getvalue()
    else:
        table = list(csv.reader(io.StringIO(exported.decode("utf-8-sig"))))
        row = next(r for r in table if r[0] == "PIP-001")
        row[6], row[9] = "Mise en œuvre", "Chaque remorque est scellée."
        out = io.StringIO()
        csv.writer(out).writerows(table)
        data = ("\ufeff" + out.getvalue()).encode()
    carol.language = "en"
    carol.save()
    url = f"/o/{carrier_a.code}/profile/import/?framework=PIP"
    preview = as_carol.post(
        url, {"file": SimpleUploadedFile(f"gaps.{fmt}", data), "framework": "PIP"}
    )
    assert preview.status_code == 200, preview.content.decode()[:500]
    rows = as_carol.session["profiles_import"]["rows"]
    assert not [r for r in rows if r["errors"]]
    changed = {r["ref"]: r["changes"] for r in rows if r["changes"]}
    assert changed == {
        "PIP-001": {"status": "implemented", "narrative": "Chaque remorque est scellée."}
    }
    as_carol.post(
        url, {"confirm": as_carol.session["profiles_import"]["token"], "framework": "PIP"}
    )
    saved = Response.objects.get(organization=carrier_a, requirement=frameworks["pip1"])
    assert (saved.status, saved.narrative) == ("implemented", "Chaque remorque est scellée.")


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
