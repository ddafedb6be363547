"""Training documents: the training matrix as XLSX and PDF, and certificates (PDF, EN/FR)."""

from __future__ import annotations

import base64
import functools
import struct
import zlib
from typing import Any

from django.utils import translation
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


# The PDF's grid. WeasyPrint lays out and draws every table cell as boxes of its own, about
# a millisecond each: 500 employees by 10 courses took 6 s as 5,000 cells. Each row is three
# cells instead: name, role, and the course columns as one line of monospaced text (each
# course a fixed number of characters, exactly under its header column) on a background
# image of the row's state colours (a tiny PNG, embedded once per distinct row). CSS
# gradients did the same but cost as much as the cells they replaced (a shading per row).
GRID_CHARS = 14  # " ✓ 2026-11-04 ": the state symbol and the ISO date, spaced
GRID_WIDTH_PT = 531.0  # the landscape page's width less the name and role columns
MONO_ADVANCE = 1233 / 2048  # DejaVu Sans Mono: every glyph is this wide, in ems
STATE_SYMBOLS = {DONE: "✓", DUE: "!", OVERDUE: "✗"}
STATE_COLOURS = {DONE: "#d7efdf", DUE: "#ffeab8", OVERDUE: "#fbd3d1"}


def matrix_pdf_grid(course_count: int) -> dict[str, float]:
    """The grid's font size and the width of one course column, in points: the course
    columns share ``GRID_WIDTH_PT`` (7 pt text at most, 5 pt at least)."""
    per_char = GRID_WIDTH_PT / max(course_count, 1) / GRID_CHARS
    font = max(5.0, min(7.0, per_char / MONO_ADVANCE))
    return {"font": round(font, 3), "column": round(font * MONO_ADVANCE * GRID_CHARS, 3)}


PALETTE_INDEX = {DONE: 1, DUE: 2, OVERDUE: 3}
BAND_PIXELS = 24  # pixels per course in a row's band; the last one is a white gap


@functools.lru_cache(maxsize=4096)
def _band(states: tuple[int, ...]) -> str:
    """A row's colours as a one-pixel-high PNG (a data URI): a band per course, coloured by
    its state. WeasyPrint embeds each distinct image once, however many rows show it."""
    palette = bytes.fromhex("ffffff") + b"".join(
        bytes.fromhex(STATE_COLOURS[state][1:]) for state in (DONE, DUE, OVERDUE)
    )
    line = b"".join(bytes([s]) * (BAND_PIXELS - 1) + b"\x00" for s in states)
    width = len(line)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, 1, 8, 3, 0, 0, 0))
        + chunk(b"PLTE", palette)
        + chunk(b"IDAT", zlib.compress(b"\x00" + line))
        + chunk(b"IEND", b"")
    )
    return "data:image/png;base64," + base64.b64encode(png).decode()


def matrix_pdf_rows(matrix: Matrix) -> SafeString:
    """The PDF table's body in one string: a row per employee, name and role cells and the
    course grid (see above), every value escaped."""
    roles = {value: escape(label) for value, label in Employee.Role.choices}
    blank = " " * GRID_CHARS
    parts: list[str] = []
    for row in matrix.rows:
        e = row.employee
        text: list[str] = []
        states = [PALETTE_INDEX.get(cell.state, 0) for cell in row.cells]
        for cell in row.cells:
            if cell.state == NOT_REQUIRED:
                text.append(blank)
                continue
            when = cell.completed_on if cell.state == DONE else cell.due_on
            day = when.isoformat() if when else ""
            text.append(f" {STATE_SYMBOLS[cell.state]} {day}".ljust(GRID_CHARS))
        style = f' style="background-image:url({_band(tuple(states))})"' if any(states) else ""
        grid = f'<td class="grid" colspan="{len(text)}"{style}>{"".join(text)}</td>' if text else ""
        parts.append(
            f"<tr><td>{escape(e.full_name)}</td><td>{roles.get(e.role) or escape(e.role)}</td>"
            f"{grid}</tr>"
        )
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def matrix_pdf_context(matrix: Matrix) -> dict[str, Any]:
    return {
        "matrix": matrix,
        "counts": matrix.counts(),
        "rows_html": matrix_pdf_rows(matrix),
        "grid": matrix_pdf_grid(len(matrix.courses)),
        "symbols": STATE_SYMBOLS,
        "colours": STATE_COLOURS,
    }


def matrix_pdf(matrix: Matrix, *, organization: Any, language: str) -> bytes:
    with translation.override(language):
        title = _("Training matrix")
        return render_pdf(
            "training/documents/matrix.html",
            matrix_pdf_context(matrix),
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
