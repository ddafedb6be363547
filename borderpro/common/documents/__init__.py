"""The document toolkit: every PDF, Word file and spreadsheet the product makes.

A module never sets up WeasyPrint, python-docx or openpyxl itself. It gives a template (or a
builder) and a context; the toolkit adds what every document has:

- **Letterhead**: the organization's name (legal name first), address line and logo (a
  ``logo`` image field on the organization, PNG or JPEG, embedded as a data URI) —
  :func:`letterhead_for`. The company's document carries the company's name, not ours.
- **Language and time zone**: the document renders in *its* language (not the viewer's)
  and the organization's time zone — :func:`rendering`. Dates use Django's date formats
  (``|date:"DATE_FORMAT"``; ``{% load documents %}`` gives ``|iso_date`` for ISO strings
  kept in JSON snapshots), money uses :func:`format_money` (``|money``).
- **PDF** — :func:`render_pdf`\\ (template, context, *, organization, language, title):
  the template extends ``documents/base.html`` and fills ``{% block document %}``. It gets
  ``doc`` (:class:`Frame`). Page header (letterhead name), footer (title) and "Page 1 of 12"
  / "Page 1 de 12" come from the base; one font family (DejaVu Sans, installed locally —
  no network: WeasyPrint may only read ``data:`` URLs). Include
  ``documents/_letterhead.html`` for the letterhead block, ``documents/_toc.html`` with
  ``entries`` (``anchor``, ``title``, ``level``) for a table of contents with page numbers
  (WeasyPrint ``target-counter``). A ``<section class="cover">`` is a cover page without
  the running header.
- **Word** — :func:`render_docx`\\ (build, *, organization, language, title): ``build``
  receives a :class:`WordDocument` (``letterhead_block``, ``contents``, ``heading``,
  ``paragraph``, ``paragraphs``, ``bullet``, ``table``, ``key_values``, ``page_break``);
  the same font, heading colour, header and page-numbered footer as the PDF.
- **Spreadsheets** — :class:`Column`\\ (key, header, kind, choices…) shared by
  :func:`write_xlsx` and :func:`write_csv`: translated headers, human values (choice
  labels), real empty cells, dates as dates; CSV in UTF-8 with a byte-order mark (Excel)
  and formulas neutralised. :func:`header_keys` and :meth:`Column.code_of` read a file
  back whatever language it was exported in.
- **Charts** — server-side SVG (the same chart in the page and the PDF); ``charts``
  measures text in the document font (:func:`text_width`, :func:`wrap`,
  :func:`legend_layout`) so labels never leave the picture or overlap.

``docs/documents.md`` shows a complete example.
"""

from __future__ import annotations

from borderpro.common.documents.charts import FONT_FAMILY, legend_layout, text_width, wrap
from borderpro.common.documents.letterhead import Letterhead, letterhead_for, rendering
from borderpro.common.documents.money import format_money
from borderpro.common.documents.pdf import Frame, render_html, render_pdf
from borderpro.common.documents.sheets import (
    CHOICE,
    DATE,
    INTEGER,
    MONEY,
    TEXT,
    Column,
    csv_cell,
    header_keys,
    write_csv,
    write_xlsx,
)
from borderpro.common.documents.word import WordDocument, render_docx

__all__ = [
    "CHOICE",
    "DATE",
    "FONT_FAMILY",
    "INTEGER",
    "MONEY",
    "TEXT",
    "Column",
    "Frame",
    "Letterhead",
    "WordDocument",
    "csv_cell",
    "format_money",
    "header_keys",
    "legend_layout",
    "letterhead_for",
    "render_docx",
    "render_html",
    "render_pdf",
    "rendering",
    "text_width",
    "wrap",
    "write_csv",
    "write_xlsx",
]
