"""CSV we write cannot run as a spreadsheet formula ("CSV injection").

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (``=cmd|' /C calc'!A0``, ``=HYPERLINK(…)``).
Every CSV the product writes goes through :func:`safe_csv_writer` (or :func:`csv_safe_cell`
for one value), which puts an apostrophe before such a text cell: spreadsheets show the text
as typed and hide the apostrophe. Numbers stay numbers. Our own importers strip one leading
apostrophe, so an exported file imports back unchanged.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe_cell(value: Any) -> Any:
    """``value``, with an apostrophe before text that a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, stream: IO[str], **options: Any) -> None:
        self._writer = csv.writer(stream, **options)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([csv_safe_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_csv_writer(stream: IO[str], **options: Any) -> SafeCsvWriter:
    """A CSV writer on ``stream`` (same options as ``csv.writer``) that neutralises formulas."""
    return SafeCsvWriter(stream, **options)
