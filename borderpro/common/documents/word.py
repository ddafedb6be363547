"""Editable Word documents (python-docx) with the same look as the PDFs: DejaVu Sans
throughout, the same heading colour, the letterhead in the page header and "Page 1 of 12"
in the footer, a table of contents Word fills in when the file is opened."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from typing import Any

from django.utils.translation import gettext as _

from borderpro.common.documents.letterhead import Letterhead, letterhead_for, rendering

FONT = "DejaVu Sans"
HEADING_RGB = (0x0F, 0x3D, 0x5E)
MUTED_RGB = (0x6B, 0x78, 0x84)


def _set_font(style: Any, size: float | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style.font.name = FONT
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    if size:
        style.font.size = Pt(size)


def _field(paragraph: Any, code: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES, TOC…) in ``paragraph``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {code} "
    run._r.append(instr)
    run._r.append(char("separate"))
    paragraph.add_run(placeholder)
    end = paragraph.add_run()
    end._r.append(char("end"))


class WordDocument:
    """A small writer over python-docx; build it with the methods below, then :meth:`save`."""

    def __init__(self, *, letterhead: Letterhead, title: str) -> None:
        from docx import Document
        from docx.shared import Mm, RGBColor

        self.title = title
        self.letterhead = letterhead
        self.doc = Document()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(215.9), Mm(279.4)  # Letter, like the PDF
        section.left_margin = section.right_margin = Mm(16)
        section.top_margin, section.bottom_margin = Mm(20), Mm(18)
        styles = self.doc.styles
        _set_font(styles["Normal"], 9.5)
        for name, size in (
            ("Title", 26),
            ("Heading 1", 13),
            ("Heading 2", 10.5),
            ("Heading 3", 10),
        ):
            _set_font(styles[name], size)
            styles[name].font.color.rgb = RGBColor(*HEADING_RGB)
        for name in ("List Bullet", "List Number", "Table Grid"):
            _set_font(styles[name])
        self._header_footer(section)

    def _header_footer(self, section: Any) -> None:
        from docx.shared import Pt, RGBColor

        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.text = self.letterhead.name
        footer = section.footer.paragraphs[0]
        footer.text = f"{self.letterhead.name} — {self.title}\t\t"
        pattern = _("Page %(page)s of %(pages)s")
        for piece in re.split(r"(%\(page\)s|%\(pages\)s)", pattern):
            if piece == "%(page)s":
                _field(footer, "PAGE")
            elif piece == "%(pages)s":
                _field(footer, "NUMPAGES")
            elif piece:
                footer.add_run(piece)
        for paragraph in (header, footer, section.first_page_footer.paragraphs[0]):
            for run in paragraph.runs:
                run.font.size = Pt(7.5)
                run.font.color.rgb = RGBColor(*MUTED_RGB)
                run.font.name = FONT

    def letterhead_block(self) -> None:
        """The organization's logo, name and address, as on the PDF cover."""
        from docx.shared import Mm, Pt, RGBColor

        if self.letterhead.logo_bytes:
            self.doc.add_picture(io.BytesIO(self.letterhead.logo_bytes), height=Mm(20))
        name = self.doc.add_paragraph().add_run(self.letterhead.name)
        name.bold, name.font.size = True, Pt(15)
        name.font.color.rgb = RGBColor(*HEADING_RGB)
        if self.letterhead.address:
            self.paragraph(self.letterhead.address, muted=True)

    def heading(self, text: str, level: int = 1) -> None:
        self.doc.add_heading(text, level)

    def paragraph(
        self, text: str, *, muted: bool = False, italic: bool = False, bold: bool = False
    ) -> None:
        from docx.shared import RGBColor

        run = self.doc.add_paragraph().add_run(text)
        run.italic, run.bold = italic, bold
        if muted:
            run.font.color.rgb = RGBColor(*MUTED_RGB)

    def paragraphs(self, text: str) -> None:
        """Text with line breaks: one paragraph per non-empty line."""
        for line in text.split("\n"):
            if line.strip():
                self.doc.add_paragraph(line.strip())

    def bullet(self, text: str) -> None:
        self.doc.add_paragraph(text, style="List Bullet")

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = str(text)
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = "" if value is None else str(value)

    def key_values(self, pairs: Sequence[tuple[str, str]]) -> None:
        table = self.doc.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, value in pairs:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, value

    def contents(self) -> None:
        """A table of contents (headings 1 and 2) that Word fills in when the file is opened."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        self.heading(_("Contents"), 1)
        _field(self.doc.add_paragraph(), 'TOC \\o "1-2" \\h \\z \\u', _("Updating…"))
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        self.doc.settings.element.append(update)

    def page_break(self) -> None:
        self.doc.add_page_break()

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()


def render_docx(
    build: Callable[[WordDocument], None],
    *,
    organization: Any,
    language: str,
    title: str,
    time_zone: str | None = None,
    letterhead: Letterhead | None = None,
) -> bytes:
    """Run ``build(writer)`` in the document's language and time zone; return the .docx bytes."""
    zone = time_zone or getattr(organization, "time_zone", None)
    with rendering(language, zone):
        writer = WordDocument(letterhead=letterhead or letterhead_for(organization), title=title)
        build(writer)
        return writer.save()
