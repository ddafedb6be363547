"""The training matrix: done / due / overdue per required course, filters, exports, queries."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.people.tests.factories import employee_for
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
    assert "Dora Dispatch" in page and "Driver 3" in page
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
    from borderpro.training.documents import matrix_pdf_rows

    today = date.today()
    old = employee_for(carrier_a, "Old <Hand>", role="driver", hired_on=today - timedelta(days=900))
    record_for(old, code="security-awareness", completed_on=today - timedelta(days=100))
    employee_for(carrier_a, "Yan Yard", role="yard", hired_on=today - timedelta(days=5))
    matrix = training_matrix(carrier_a, today=today)
    with translation.override("fr"):
        html = render_html(
            "training/documents/matrix.html",
            {"matrix": matrix, "counts": matrix.counts(), "rows_html": matrix_pdf_rows(matrix)},
            organization=carrier_a,
            language="fr",
            title="Matrice de formation",
        )
    assert "Old &lt;Hand&gt;" in html and "Yan Yard" in html
    assert "Chauffeur" in html and "Fait " in html and "À faire " in html
    for course in matrix.courses:
        assert f"<th>{course.title_fr or course.title_en}</th>" in html.replace("&#x27;", "'")
    assert html.count("<tr>") == len(matrix.rows) + 1
    assert html.count("<td") == len(matrix.rows) * (len(matrix.courses) + 2)
