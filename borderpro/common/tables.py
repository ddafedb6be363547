"""Reading an uploaded CSV or XLSX file as a table of strings, within limits.

Shared by every import (the gap register, employees): the rows of a workbook are counted with
a streaming parser that stops one row past the limit before openpyxl reads the sheet, a ZIP
that inflates past ``MAX_EXPANDED_BYTES`` is refused, and every refusal is a
``ValidationError`` on the ``file`` field that says why.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_COLUMNS = 40
MAX_EXPANDED_BYTES = 50 * 1024 * 1024  # an XLSX is a ZIP: refuse one that inflates beyond this


def cell_text(value: Any) -> str:
    """A cell as text: dates in ISO form, a leading apostrophe (Excel's text marker) dropped."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text[1:] if text.startswith("'") else text


def too_many_rows(max_rows: int) -> ValidationError:
    return ValidationError(
        {
            "file": _(
                "At most %(max)s rows can be imported at once: split the file and import each part."
            )
            % {"max": max_rows}
        }
    )


def count_rows_up_to(stream: Any, limit: int) -> int:
    """The number of ``<row>`` elements in a worksheet part, counting no further than ``limit``
    (with the XML parser openpyxl itself uses for the same part; no entity is resolved)."""
    from openpyxl.xml.functions import iterparse

    rows = 0
    for _event, element in iterparse(stream, events=("start",)):
        if element.tag.endswith("}row"):
            rows += 1
            if rows >= limit:
                break
    return rows


def xlsx_table(data: bytes, *, max_rows: int, max_columns: int = MAX_COLUMNS) -> list[list[str]]:
    """The first sheet's rows, refusing a workbook past the limit before reading it.

    openpyxl looks for a sheet's declared dimension by parsing the whole sheet when the
    dimension is missing (as in files written by streaming writers), so the rows of every
    worksheet are counted first, with a parser that stops one row past the limit: a
    100,000-row file is refused in a fraction of a second. Then the sheet is read as a
    stream that also stops at the limit (a sheet can hide rows from a simple count)."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_EXPANDED_BYTES:
            raise ValidationError({"file": _("This workbook expands to more than 50 MB.")})
        for part in archive.namelist():
            if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                with archive.open(part) as stream:
                    if count_rows_up_to(stream, max_rows + 2) > max_rows + 1:
                        raise too_many_rows(max_rows)
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.active
        if sheet is None:
            return []
        table = []
        for row in sheet.iter_rows(values_only=True, max_col=max_columns):
            table.append([cell_text(v) for v in row])
            if len(table) - 1 > max_rows:
                raise too_many_rows(max_rows)
        return table
    finally:
        book.close()


def csv_table(data: bytes, *, max_rows: int, max_columns: int = MAX_COLUMNS) -> list[list[str]]:
    table = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    for row in csv.reader(io.StringIO(text)):
        table.append([cell_text(v) for v in row[:max_columns]])
        if len(table) - 1 > max_rows:
            raise too_many_rows(max_rows)
    return table


def read_table(
    name: str, data: bytes, *, max_rows: int, max_columns: int = MAX_COLUMNS
) -> list[list[str]]:
    """The rows (header first) of an XLSX or CSV upload. Raises ValidationError on ``file``
    for a file of another type, a damaged workbook, an empty file or one past the limits."""
    lower = name.lower()
    try:
        if lower.endswith(".xlsx"):
            table = xlsx_table(data, max_rows=max_rows, max_columns=max_columns)
        elif lower.endswith(".csv"):
            table = csv_table(data, max_rows=max_rows, max_columns=max_columns)
        else:
            raise ValidationError(
                {"file": _("%(name)s is not an XLSX or CSV file.") % {"name": name}}
            )
    except ValidationError:
        raise
    except zipfile.BadZipFile as exc:
        raise ValidationError(
            {"file": _("%(name)s is not a valid Excel workbook (.xlsx).") % {"name": name}}
        ) from exc
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise ValidationError(
            {"file": _("%(name)s could not be read: %(reason)s") % {"name": name, "reason": exc}}
        ) from exc
    if not table or not any(table[0]):
        raise ValidationError({"file": _("%(name)s is empty.") % {"name": name}})
    return table
