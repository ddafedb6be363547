"""The document toolkit: money, spreadsheets (XLSX/CSV), PDF and Word frames."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils.translation import gettext_lazy as _

from borderpro.common.documents import (
    CHOICE,
    DATE,
    INTEGER,
    MONEY,
    Column,
    format_money,
    header_keys,
    letterhead_for,
    render_docx,
    render_pdf,
    write_csv,
    write_xlsx,
)

NBSP = "\u00a0"

COLUMNS = [
    Column("ref", _("Ref.")),
    Column("status", _("Status"), CHOICE, choices={"partial": _("Partially implemented")}),
    Column("due", _("Due"), DATE),
    Column("count", _("Evidence"), INTEGER),
    Column("amount", _("Amount"), MONEY),
    Column("text", _("Narrative"), wrap=True),
]
ROWS = [
    {
        "ref": "PIP-1",
        "status": "partial",
        "due": date(2026, 3, 1),
        "count": 2,
        "amount": Decimal("25000"),
        "text": '=HYPERLINK("x")',
    },
    {"ref": "PIP-2", "status": "", "due": None, "count": 0, "amount": None, "text": ""},
]


@pytest.mark.parametrize(
    ("amount", "currency", "language", "expected"),
    [
        (25000, "CAD", "en", "$25,000.00"),
        (25000, "CAD", "fr", f"25{NBSP}000,00{NBSP}$"),
        (Decimal("1234567.456"), "CAD", "en", "$1,234,567.46"),
        (-12.5, "USD", "en", "-US$12.50"),
        (999, "USD", "fr", f"999,00{NBSP}${NBSP}US"),
        (0, "CAD", "fr", f"0,00{NBSP}$"),
        (None, "CAD", "en", ""),
    ],
)
def test_money_in_the_readers_locale(
    amount: Any, currency: str, language: str, expected: str
) -> None:
    assert format_money(amount, currency, language=language) == expected


def test_csv_has_translated_headers_human_values_and_real_empty_cells() -> None:
    data = write_csv(COLUMNS, ROWS, language="fr")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Réf.", "Statut", "Échéance"]
    assert rows[1][1] == "Mise en œuvre partielle"
    assert rows[1][2] == "2026-03-01" and rows[1][4] == "25000.00"
    assert rows[1][5] == '\'=HYPERLINK("x")'  # neutralised
    assert rows[2] == ["PIP-2", "", "", "0", "", ""]  # no lone apostrophes
    assert "'" not in data.decode("utf-8-sig").split("\r\n")[2]


def test_csv_neutralises_every_formula_start() -> None:
    for start in ("=", "+", "-", "@", "\t"):
        data = write_csv([Column("t", "T")], [{"t": f"{start}1+1"}], language="en", bom=False)
        assert data.decode().split("\r\n")[1].lstrip('"').startswith("'")


def test_xlsx_cells_are_typed_and_empty_cells_are_empty() -> None:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(write_xlsx(COLUMNS, ROWS, title="PIP", language="en"))).active
    assert [c.value for c in sheet[1]] == [
        "Ref.",
        "Status",
        "Due",
        "Evidence",
        "Amount",
        "Narrative",
    ]
    assert sheet["B2"].value == "Partially implemented"
    assert sheet["C2"].value.date() == date(2026, 3, 1)
    assert sheet["F2"].value == '=HYPERLINK("x")' and sheet["F2"].data_type == "s"
    assert [c.value for c in sheet[3]] == ["PIP-2", None, None, 0, None, None]


def test_headers_and_labels_read_back_in_any_language() -> None:
    assert header_keys(COLUMNS, ["\ufeffRéf.", "STATUS", "due", "Other"]) == [
        "ref",
        "status",
        "due",
        "other",
    ]
    assert COLUMNS[1].code_of("Mise en œuvre partielle") == "partial"
    assert COLUMNS[1].code_of("partially implemented") == "partial"
    assert COLUMNS[1].code_of("nonsense") is None


ORG = SimpleNamespace(
    legal_name="Érable Transport Ltée",
    name="Erable",
    city="Laval",
    region="QC",
    country="",
    time_zone="America/Toronto",
)


def _pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize(("language", "words"), [("en", "Page 1 of 5"), ("fr", "Page 1 de 5")])
def test_pdf_frame_numbers_pages_in_the_documents_language(language: str, words: str) -> None:
    from django.template import engines

    template = "documents/base.html"
    assert engines["django"].get_template(template)
    pdf = render_pdf(
        "documents/tests/sample.html",
        {"rows": range(120)},
        organization=ORG,
        language=language,
        title="Test",
    )
    text = _pdf_text(pdf)
    assert words in text and "Érable Transport Ltée" in text
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True).stdout.decode()
    if fonts:  # every font is DejaVu (the footer too)
        names = [line.split()[0] for line in fonts.splitlines()[2:]]
        assert names and all("DejaVu" in n for n in names), names


def test_word_frame_uses_one_font_and_numbers_pages() -> None:
    from docx import Document

    def build(doc: Any) -> None:
        doc.letterhead_block()
        doc.contents()
        doc.heading("Section", 1)
        doc.table(["A", "B"], [["1", None]])

    data = render_docx(build, organization=ORG, language="fr", title="Essai")
    document = Document(io.BytesIO(data))
    assert document.styles["Normal"].font.name == "DejaVu Sans"
    assert document.styles["Heading 1"].font.name == "DejaVu Sans"
    footer = document.sections[0].footer._element.xml
    assert "NUMPAGES" in footer and "Page " in footer and " de " in footer
    assert document.paragraphs[0].text == "Érable Transport Ltée"


def test_letterhead_reads_name_address_and_no_logo() -> None:
    head = letterhead_for(ORG)
    assert head.name == "Érable Transport Ltée" and head.address == "Laval, QC" and not head.logo


def test_a_document_that_does_not_change_is_laid_out_once(monkeypatch: Any) -> None:
    """``reuse=True``: the same document asked for again comes from the cache (same bytes, no
    second layout); a different one (another language) is laid out; without ``reuse`` every
    call lays out; a cache that fails costs a layout, never the document."""
    import weasyprint
    from django.core.cache import cache

    cache.clear()
    layouts: list[int] = []
    real = weasyprint.HTML.write_pdf

    def counted(self: Any, *args: Any, **kwargs: Any) -> bytes:
        layouts.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "write_pdf", counted)
    args = ("documents/tests/sample.html", {"rows": range(3)})
    kwargs = {"organization": ORG, "title": "Test"}
    first = render_pdf(*args, language="en", reuse=True, **kwargs)
    again = render_pdf(*args, language="en", reuse=True, **kwargs)
    assert again == first and len(layouts) == 1
    french = render_pdf(*args, language="fr", reuse=True, **kwargs)
    assert french != first and len(layouts) == 2
    render_pdf(*args, language="en", **kwargs)
    assert len(layouts) == 3

    class Down:
        def get(self, *a: Any, **k: Any) -> None:
            raise ConnectionError("cache down")

        set = get

    monkeypatch.setattr("borderpro.common.documents.pdf.cache", Down())
    assert render_pdf(*args, language="en", reuse=True, **kwargs).startswith(b"%PDF")
    assert len(layouts) == 4
