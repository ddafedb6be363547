"""Spreadsheets: one column spec for XLSX and CSV, headers and values in the reader's language.

- Empty values are real empty cells (``None`` in XLSX, nothing between the commas in CSV).
- Choice columns show their label ("Partially implemented" / "Partiellement mis en œuvre"),
  dates are dates (a date cell in XLSX shown in the language's one format, "4 Dec 2026" /
  "4 déc. 2026"; ISO 8601 in CSV, which is read back), numbers are numbers.
- CSV is UTF-8 **with** a byte-order mark: Excel (the tool carriers open it with) reads
  accents right only with it; every CSV reader we accept strips it (``utf-8-sig``).
- CSV formula neutralisation: a text cell starting with ``= + - @``, tab or carriage return
  gets a leading apostrophe so a spreadsheet does not run it. XLSX needs none: strings are
  written as string cells, which spreadsheets never evaluate.
- Reading back: :func:`header_keys` and :meth:`Column.code_of` map headers and labels in any
  of the product's languages to keys and codes, so an export can be imported again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import translation

from borderpro.common.csvsafe import csv_safe_cell

TEXT, INTEGER, DATE, MONEY, CHOICE = "text", "integer", "date", "money", "choice"
# XLSX date cells in the language's one display format (``borderpro/formats``): the locale
# prefix makes a spreadsheet write the month as the language does ("Dec" / "déc.").
DATE_FORMATS = {"en": "[$-1009]d mmm yyyy", "fr": "[$-C0C]d mmm yyyy"}


@dataclass(frozen=True)
class Column:
    """One column: ``key`` in the row mappings, a (lazy) translatable ``header``, a ``kind``.

    ``choices`` maps stored codes to (lazy) labels for ``CHOICE`` columns; ``width`` is the
    XLSX width in characters; ``wrap`` wraps long text in XLSX.
    """

    key: str
    header: Any
    kind: str = TEXT
    choices: Mapping[str, Any] = field(default_factory=dict)
    width: int | None = None
    wrap: bool = False
    currency: str = "CAD"

    def value(self, raw: Any) -> Any:
        """The human value of ``raw`` in the active language; ``None`` when empty."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        if self.kind == CHOICE:
            return str(self.choices.get(raw, raw))
        if self.kind == DATE:
            if isinstance(raw, datetime):
                return raw.date()
            return raw if isinstance(raw, date) else date.fromisoformat(str(raw)[:10])
        if self.kind == INTEGER:
            return int(raw)
        if self.kind == MONEY:
            return Decimal(str(raw))
        return str(raw)

    def code_of(self, text: str) -> str | None:
        """The code of a choice written as its code or as its label in any language."""
        wanted = text.strip().casefold()
        for code, label in self.choices.items():
            if wanted in (code.casefold(), code.replace("_", " ").casefold()):
                return code
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    if wanted == str(label).casefold():
                        return code
        return None


def header_keys(columns: Sequence[Column], headers: Iterable[Any]) -> list[str]:
    """The column key of each header cell (headers in any language, or the keys themselves);
    an unknown header keeps its own lower-cased text."""
    known: dict[str, str] = {}
    for column in columns:
        known[column.key.casefold()] = column.key
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                known[str(column.header).strip().casefold()] = column.key
    out = []
    for header in headers:
        text = "" if header is None else str(header).strip().lstrip("\ufeff")
        out.append(known.get(text.casefold(), text.lower()))
    return out


def _rows(columns: Sequence[Column], rows: Iterable[Mapping[str, Any]]) -> Iterable[list[Any]]:
    for row in rows:
        yield [column.value(row.get(column.key)) for column in columns]


def write_xlsx(
    columns: Sequence[Column],
    rows: Iterable[Mapping[str, Any]],
    *,
    title: str,
    language: str,
) -> bytes:
    """One sheet: bold translated headers, frozen header row, typed cells, empty cells empty."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet"
    with translation.override(language):
        sheet.append([str(c.header) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        wrap = Alignment(wrap_text=True, vertical="top")
        money_format = "#,##0.00 [$$-C0C]" if language == "fr" else "[$$-1009]#,##0.00"
        date_format = DATE_FORMATS.get(language, DATE_FORMATS["en"])
        for index, values in enumerate(_rows(columns, rows), start=2):
            for col, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=index, column=col, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
                    if column.wrap:
                        cell.alignment = wrap
                elif column.kind == DATE:
                    cell.number_format = date_format
                elif column.kind == MONEY:
                    cell.number_format = money_format
    for col, column in enumerate(columns, start=1):
        width = column.width or max(10, min(40, len(str(sheet.cell(row=1, column=col).value)) + 2))
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_cell(value: Any, column: Column | None = None) -> str:
    """The CSV text of one human value: empty for ``None``, ISO dates, neutralised formulas."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal) and column is not None and column.kind == MONEY:
        return f"{value:.2f}"
    if isinstance(value, str):
        return str(csv_safe_cell(value))
    return str(value)


def write_csv(
    columns: Sequence[Column],
    rows: Iterable[Mapping[str, Any]],
    *,
    language: str,
    bom: bool = True,
) -> bytes:
    """UTF-8 CSV (with a byte-order mark for Excel unless ``bom=False``), translated headers."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    with translation.override(language):
        writer.writerow([csv_cell(str(c.header)) for c in columns])
        for values in _rows(columns, rows):
            writer.writerow([csv_cell(v, c) for c, v in zip(columns, values, strict=True)])
    return (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8")
