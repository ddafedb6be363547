"""Importing employees: upload → map columns → preview with per-row errors → confirm.
The preview is stored server-side; nothing is imported until the user confirms."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from borderpro.people.models import DriverCard, Employee, EmployeeImport
from borderpro.people.tests.factories import employee_for

pytestmark = pytest.mark.django_db


def _csv(rows: list[list[str]]) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Employee name", "Position", "Terminal", "Hire date", "FAST #", "FAST expiry"])
    writer.writerows(rows)
    return out.getvalue().encode()


def _five_hundred_rows() -> tuple[bytes, set[int]]:
    rows, bad = [], set()
    for n in range(500):
        line = n + 2
        row = [f"Person {n:03d}", "driver", "Windsor", "2024-03-01", "", ""]
        if n % 50 == 7:
            row[1] = "astronaut"
            bad.add(line)
        elif n % 50 == 19:
            row[3] = "31/02/2024"
            bad.add(line)
        elif n % 50 == 33:
            row[0] = ""
            bad.add(line)
        elif n % 50 == 41:
            row[4] = f"4{n:07d}"  # a FAST number without its expiry
            bad.add(line)
        elif n % 10 == 0:
            row[4], row[5] = f"5{n:07d}", "2029-06-30"
        rows.append(row)
    return _csv(rows), bad


def test_a_500_row_file_reports_each_bad_row_and_imports_nothing_until_confirmed(
    as_alice: Client, carrier_a: Any
) -> None:
    data, bad_lines = _five_hundred_rows()
    base = f"/o/{carrier_a.code}/people/import/"
    upload = as_alice.post(base, {"file": SimpleUploadedFile("staff.csv", data)})
    assert upload.status_code == 302
    batch = EmployeeImport.objects.get(organization=carrier_a)
    assert batch.row_count == 500 and batch.file.name
    # the mapping step guessed the columns from their headers
    assert batch.mapping["full_name"] == 0 and batch.mapping["role"] == 1
    assert batch.mapping["fast_number"] == 4 and batch.mapping["fast_expires_on"] == 5
    mapping = {f"map_{k}": "" if v is None else str(v) for k, v in batch.mapping.items()}
    as_alice.post(upload["Location"], mapping)
    batch.refresh_from_db()
    assert {row["line"] for row in batch.error_rows} == bad_lines
    page = as_alice.get(upload["Location"]).content.decode()
    for line in bad_lines:
        assert f"Line {line}:" in page
    assert "astronaut" in page and "is not a date" in page and "needs its expiry date" in page
    assert not Employee.objects.filter(organization=carrier_a).exists()  # nothing yet
    # a second tab reads the same stored preview
    second_tab = as_alice.get(upload["Location"]).content.decode()
    assert f"{500 - len(bad_lines)} people will be added" in second_tab
    done = as_alice.post(upload["Location"], {"confirm": "1"})
    assert done.status_code == 302
    assert Employee.objects.filter(organization=carrier_a).count() == 500 - len(bad_lines)
    assert DriverCard.objects.filter(organization=carrier_a).count() == 50
    again = as_alice.post(upload["Location"], {"confirm": "1"})
    assert again.status_code == 200  # already imported: nothing happens twice
    assert Employee.objects.filter(organization=carrier_a).count() == 500 - len(bad_lines)


def test_existing_and_duplicate_names_are_errors(as_alice: Client, carrier_a: Any) -> None:
    employee_for(carrier_a, "Already Here")
    data = _csv(
        [
            ["Already Here", "", "", "", "", ""],
            ["Twice", "", "", "", "", ""],
            ["Twice", "", "", "", "", ""],
        ]
    )
    upload = as_alice.post(
        f"/o/{carrier_a.code}/people/import/", {"file": SimpleUploadedFile("s.csv", data)}
    )
    batch = EmployeeImport.objects.get(organization=carrier_a)
    as_alice.post(upload["Location"], {"map_full_name": "0"})
    batch.refresh_from_db()
    errors = {row["line"]: " ".join(row["errors"]) for row in batch.error_rows}
    assert "already in the people list" in errors[2] and "also on line 3" in errors[4]


def test_unreadable_files_and_missing_name_column(as_alice: Client, carrier_a: Any) -> None:
    base = f"/o/{carrier_a.code}/people/import/"
    refused = as_alice.post(base, {"file": SimpleUploadedFile("staff.pdf", b"%PDF-1.4")})
    assert refused.status_code == 400 and "is not an XLSX or CSV file" in refused.content.decode()
    broken = as_alice.post(base, {"file": SimpleUploadedFile("staff.xlsx", b"not a zip")})
    assert "is not a valid Excel workbook" in broken.content.decode()
    upload = as_alice.post(
        base, {"file": SimpleUploadedFile("s.csv", _csv([["A", "", "", "", "", ""]]))}
    )
    response = as_alice.post(upload["Location"], {"map_full_name": ""})
    assert response.status_code == 400
    assert "Choose the column that holds the full name" in response.content.decode()


def test_an_xlsx_file_imports_too(as_alice: Client, carrier_a: Any) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nom", "Rôle", "Courriel"])
    sheet.append(["Zoé Xlsx", "Sûreté", "zoe@example.com"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = as_alice.post(
        f"/o/{carrier_a.code}/people/import/",
        {"file": SimpleUploadedFile("staff.xlsx", buffer.getvalue())},
    )
    batch = EmployeeImport.objects.get(organization=carrier_a)
    mapping = {f"map_{k}": "" if v is None else str(v) for k, v in batch.mapping.items()}
    as_alice.post(upload["Location"], mapping)
    as_alice.post(upload["Location"], {"confirm": "1"})
    zoe = Employee.objects.get(organization=carrier_a, full_name="Zoé Xlsx")
    assert zoe.role == "security" and zoe.email == "zoe@example.com"


def test_outsiders_and_field_staff_cannot_import(
    as_charlie: Client, as_bob: Client, carrier_a: Any
) -> None:
    assert as_charlie.get(f"/o/{carrier_a.code}/people/import/").status_code == 404
    assert as_bob.get(f"/o/{carrier_a.code}/people/import/").status_code == 403
