"""Training documents: the training matrix as XLSX and PDF, and certificates (PDF, EN/FR)."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from borderpro.common.documents import DATE, Column, render_pdf, write_xlsx
from borderpro.people.models import Employee
from borderpro.training.selectors import DONE, DUE, NOT_REQUIRED, OVERDUE, Matrix

STATE_LABELS = {
    DONE: pgettext_lazy("training state", "Done"),
    DUE: pgettext_lazy("training state", "Due"),
    OVERDUE: pgettext_lazy("training state", "Overdue"),
    NOT_REQUIRED: "",
}


def _cell_text(cell: Any) -> str:
    if cell.state == NOT_REQUIRED:
        return ""
    label = str(STATE_LABELS[cell.state])
    day = cell.completed_on if cell.state == DONE else cell.due_on or cell.completed_on
    return f"{label} · {day.isoformat()}" if day else label


def matrix_xlsx(matrix: Matrix, *, language: str) -> bytes:
    with translation.override(language):
        columns = [
            Column("name", gettext_lazy("Name"), width=28),
            Column("role", gettext_lazy("Role"), width=16),
            Column("site", gettext_lazy("Site"), width=18),
            Column("hired_on", gettext_lazy("Hired on"), DATE, width=12),
        ]
        columns += [Column(c.code, c.title, width=24) for c in matrix.courses]
        rows = []
        for row in matrix.rows:
            data: dict[str, Any] = {
                "name": row.employee.full_name,
                "role": row.employee.get_role_display(),
                "site": row.employee.site,
                "hired_on": row.employee.hired_on,
            }
            for course, cell in zip(matrix.courses, row.cells, strict=True):
                data[course.code] = _cell_text(cell) or None
            rows.append(data)
        return write_xlsx(columns, rows, title=_("Training matrix"), language=language)


def matrix_pdf_rows(matrix: Matrix) -> SafeString:
    """The PDF table's body in one string (5,000 cells through the template engine cost more
    than the layout of a lean table): the same cells the template wrote, one escape each."""
    labels = {state: escape(str(label)) for state, label in STATE_LABELS.items()}
    roles = {value: escape(label) for value, label in Employee.Role.choices}
    dates: dict[Any, str] = {}

    def day(value: Any) -> str:
        if value not in dates:
            dates[value] = escape(date_format(value, "DATE_FORMAT"))
        return dates[value]

    parts: list[str] = []
    for row in matrix.rows:
        e = row.employee
        parts.append(
            f"<tr><td>{escape(e.full_name)}</td><td>{roles.get(e.role) or escape(e.role)}</td>"
        )
        for cell in row.cells:
            if cell.state == NOT_REQUIRED:
                parts.append("<td></td>")
                continue
            when = cell.completed_on if cell.state == DONE else cell.due_on
            text = labels[cell.state] + (f" {day(when)}" if when else "")
            parts.append(f'<td class="{cell.state}">{text}</td>')
        parts.append("</tr>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def matrix_pdf(matrix: Matrix, *, organization: Any, language: str) -> bytes:
    with translation.override(language):
        title = _("Training matrix")
        return render_pdf(
            "training/documents/matrix.html",
            {"matrix": matrix, "counts": matrix.counts(), "rows_html": matrix_pdf_rows(matrix)},
            organization=organization,
            language=language,
            title=title,
        )


def certificate_pdf(
    *,
    organization: Any,
    language: str,
    name: str,
    course: str,
    completed_on: Any,
    expires_on: Any,
    code: str,
    verify_url: str,
    trainer: str = "",
) -> bytes:
    with translation.override(language):
        return render_pdf(
            "training/documents/certificate.html",
            {
                "name": name,
                "course": course,
                "completed_on": completed_on,
                "expires_on": expires_on,
                "code": code,
                "verify_url": verify_url,
                "trainer": trainer,
            },
            organization=organization,
            language=language,
            title=_("Certificate of training"),
        )
