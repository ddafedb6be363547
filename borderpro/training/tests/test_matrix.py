"""The training matrix: done / due / overdue per required course, filters, exports, queries."""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.people.tests.factories import employee_for
from borderpro.training.documents import GRID_CHARS, STATE_SYMBOLS
from borderpro.training.selectors import training_matrix
from borderpro.training.tests.factories import record_for

pytestmark = pytest.mark.django_db


def _cells(carrier: Any, name: str) -> dict[str, str]:
    matrix = training_matrix(carrier, today=date.today())
    row = next(r for r in matrix.rows if r.employee.full_name == name)
    return {c.code: cell.state for c, cell in zip(matrix.courses, row.cells, strict=True)}


def test_states_follow_hire_date_and_validity(carrier_a: Any) -> None:
    today = date.today()
    new = employee_for(carrier_a, "New Hire", role="driver", hired_on=today - timedelta(days=5))
    old = employee_for(carrier_a, "Old Hand", role="driver", hired_on=today - timedelta(days=900))
    record_for(old, code="security-awareness", completed_on=today - timedelta(days=100))
    record_for(old, code="seal-control", completed_on=today - timedelta(days=330))
    record_for(old, code="conveyance-inspection", completed_on=today - timedelta(days=400))
    record_for(old, code="incident-reporting", completed_on=today - timedelta(days=800))
    assert _cells(carrier_a, "New Hire")["security-awareness"] == "due"
    cells = _cells(carrier_a, "Old Hand")
    assert cells["security-awareness"] == "done"
    assert cells["seal-control"] == "due"  # expires within two months
    assert cells["conveyance-inspection"] == "overdue"  # expired
    assert cells["incident-reporting"] == "done"  # on hire: done once is enough
    assert cells["money-laundering"] == "none"  # not a driver's course
    assert cells["pest-awareness"] == "overdue"  # never taken, hired long ago
    assert new.pk


def test_the_page_filters_and_keeps_its_query_count(as_alice: Client, carrier_a: Any) -> None:
    url = f"/o/{carrier_a.code}/training/"
    employee_for(carrier_a, "Dora Dispatch", role="dispatch", site="Windsor")
    as_alice.get(url)
    with CaptureQueriesContext(connection) as few:
        as_alice.get(url)
    for n in range(10):
        record_for(employee_for(carrier_a, f"Driver {n}", role="driver", site="Sarnia"))
    with CaptureQueriesContext(connection) as many:
        page = as_alice.get(url).content.decode()
    assert len(many) == len(few)
    # the course list is read once: the matrix's columns and the course menu share it
    course_reads = [q for q in many.captured_queries if 'FROM "training_course"' in q["sql"]]
    assert len(course_reads) == 1
    assert "Dora Dispatch" in page and "Driver 3" in page
    page = as_alice.get(url, {"course": "seal-control"}).content.decode()
    assert 'value="conveyance-inspection"' in page  # the menu still offers every course
    page = as_alice.get(url, {"site": "Windsor"}).content.decode()
    assert "Dora Dispatch" in page and "Driver 3" not in page
    page = as_alice.get(url, {"role": "driver", "state": "done"}).content.decode()
    assert "Driver 3" in page and "Dora Dispatch" not in page


def test_exports_xlsx_and_pdf(as_alice: Client, carrier_a: Any) -> None:
    from openpyxl import load_workbook

    record_for(employee_for(carrier_a, "Xena Export", role="driver"))
    url = f"/o/{carrier_a.code}/training/matrix/export/"
    xlsx = as_alice.get(url, {"format": "xlsx", "lang": "fr"})
    assert xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Nom"
    assert values[1][0] == "Xena Export"
    assert any(str(v).startswith("Fait") for v in values[1] if v)
    pdf = as_alice.get(url, {"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_outsiders_get_404(as_charlie: Client, carrier_a: Any) -> None:
    record = record_for(employee_for(carrier_a))
    assert as_charlie.get(f"/o/{carrier_a.code}/training/").status_code == 404
    assert (
        as_charlie.get(f"/o/{carrier_a.code}/training/records/{record.pk}/certificate/").status_code
        == 404
    )
    assert as_charlie.get(f"/api/v1/o/{carrier_a.code}/training/records/").status_code == 404


def test_the_matrix_api_reads_as_its_serializer(as_alice: Client, carrier_a: Any) -> None:
    from borderpro.training.api import MatrixRowSerializer

    today = date.today()
    old = employee_for(carrier_a, "Old Hand", role="driver", hired_on=today - timedelta(days=900))
    record_for(old, code="security-awareness", completed_on=today - timedelta(days=100))
    record_for(old, code="seal-control", completed_on=today - timedelta(days=330))
    employee_for(carrier_a, "New Hire", role="yard", hired_on=today - timedelta(days=5))
    body = as_alice.get(f"/api/v1/o/{carrier_a.code}/training/matrix/").json()
    matrix = training_matrix(carrier_a, today=carrier_a.local_today())
    expected = [
        {
            "employee": row.employee.pk,
            "name": row.employee.full_name,
            "role": row.employee.role,
            "cells": [
                {
                    "course": c.code,
                    "state": cell.state,
                    "completed_on": cell.completed_on,
                    "due_on": cell.due_on,
                }
                for c, cell in zip(matrix.courses, row.cells, strict=True)
            ],
        }
        for row in matrix.rows
    ]
    assert body["count"] == len(expected) == 2
    assert body["results"] == MatrixRowSerializer(expected, many=True).data


def test_the_pdf_lists_every_employee_and_course(carrier_a: Any) -> None:
    from django.utils import translation

    from borderpro.common.documents.pdf import render_html
    from borderpro.training.documents import matrix_pdf_context

    today = date.today()
    old = employee_for(carrier_a, "Old <Hand>", role="driver", hired_on=today - timedelta(days=900))
    done_on = today - timedelta(days=100)
    record_for(old, code="security-awareness", completed_on=done_on)
    employee_for(carrier_a, "Yan Yard", role="yard", hired_on=today - timedelta(days=5))
    matrix = training_matrix(carrier_a, today=today)
    with translation.override("fr"):
        html = render_html(
            "training/documents/matrix.html",
            matrix_pdf_context(matrix),
            organization=carrier_a,
            language="fr",
            title="Matrice de formation",
        )
    assert "Old &lt;Hand&gt;" in html and "Yan Yard" in html
    # French labels: the roles, and the legend of the state symbols
    assert "Chauffeur" in html and "Fait\u00a0: " in html and "À faire\u00a0: " in html
    for course in matrix.courses:
        assert f"<th>{course.title_fr or course.title_en}</th>" in html.replace("&#x27;", "'")
    assert html.count("<tr>") == len(matrix.rows) + 1
    # a row per employee: name, role, and the courses as one grid cell, a column each
    grids = re.findall(r'<td class="grid" colspan="(\d+)"[^>]*>([^<]*)</td>', html)
    assert len(grids) == len(matrix.rows)
    for colspan, text in grids:
        assert int(colspan) == len(matrix.courses)
        assert len(text) == len(matrix.courses) * GRID_CHARS
    # every cell's state and date, in its own column
    for row, (_, text) in zip(matrix.rows, grids, strict=True):
        for n, cell in enumerate(row.cells):
            column = text[n * GRID_CHARS : (n + 1) * GRID_CHARS]
            if cell.state == "none":
                assert not column.strip()
                continue
            day = cell.completed_on if cell.state == "done" else cell.due_on
            assert column.split() == [STATE_SYMBOLS[cell.state], day.isoformat()]
    old_row = next(r for r in matrix.rows if r.employee == old)
    assert any(c.completed_on == done_on and c.state == "done" for c in old_row.cells)


def test_the_pdf_colours_each_course_by_its_state() -> None:
    import base64

    from PIL import Image

    from borderpro.training.documents import BAND_PIXELS, STATE_COLOURS, _band, matrix_pdf_grid

    uri = _band((1, 0, 3, 2))
    image = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))).convert("RGB")
    assert image.size == (4 * BAND_PIXELS, 1)

    def hex_at(n: int) -> str:
        red, green, blue = image.getpixel((n * BAND_PIXELS + 2, 0))
        return f"#{red:02x}{green:02x}{blue:02x}"

    assert hex_at(0) == STATE_COLOURS["done"] and hex_at(1) == "#ffffff"
    assert hex_at(2) == STATE_COLOURS["overdue"] and hex_at(3) == STATE_COLOURS["due"]
    # ten courses fit the landscape page at a readable size
    grid = matrix_pdf_grid(10)
    assert grid["font"] >= 6 and grid["column"] * 10 <= 531
