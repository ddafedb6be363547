"""Look inside PDFs, images and text for what makes an allowed type dangerous: PDFs with
active content, images that are also web pages or scripts (polyglots), text that is HTML,
CSV cells a spreadsheet would run as formulas, and images that cannot be decoded or would
decode to billions of pixels."""

from __future__ import annotations

import csv
import io
import re
import zlib

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.evidence.errors import RefusedFile

MAX_IMAGE_PIXELS = 60_000_000  # a 60-megapixel photo; more is a decompression bomb
_PDF_INFLATE_BUDGET = 50 * 1024 * 1024

# Markup or script where a document or photo has none (what a browser would run); matched on
# the lower-cased bytes, and only where one of the prefixes occurs (bytes.find is C-fast)
_SCRIPT_IN_BINARY = re.compile(
    rb"<(?:script|iframe)[\s/>]|<html[\s>]|<!doctype\s+html|<\?php\s|javascript:"
)
_SCRIPT_PREFIXES = (b"<script", b"<iframe", b"<html", b"<!doctype", b"<?php", b"javascript:")
# What makes text a web page (the browsers' own sniffing signatures and more)
_HTML_START = re.compile(
    r"(?:<!--|<!doctype|<\?xml|<(?:html|head|body|script|iframe|frame|frameset|object|embed|svg"
    r"|math|meta|style|title|link|base|form|img|table|div|font|h1|a|b|br|p)[\s/>])",
    re.IGNORECASE,
)
_HTML_ANYWHERE = re.compile(
    rb"<(?:script|iframe|frameset|object|embed|svg|html|body|meta)[\s/>]|<!doctype\s+html|<\?php"
)
_HTML_PREFIXES = (
    *(b"<script", b"<iframe", b"<frameset", b"<object", b"<embed", b"<svg", b"<html"),
    *(b"<body", b"<meta", b"<!doctype", b"<?php"),
)


def _has_markup(data: bytes, pattern: re.Pattern[bytes], prefixes: tuple[bytes, ...]) -> bool:
    lowered = data.lower()
    if not any(prefix in lowered for prefix in prefixes):
        return False
    return pattern.search(lowered) is not None


_NUMBER = re.compile(r"[+-]?[\d\s.,()/]*")


_PDF_ACTIVE = {
    "JavaScript": gettext_lazy("JavaScript"),
    "JS": gettext_lazy("JavaScript"),
    "Launch": gettext_lazy("an action that starts a program"),
    "EmbeddedFile": gettext_lazy("embedded files"),
    "EmbeddedFiles": gettext_lazy("embedded files"),
    "GoToE": gettext_lazy("embedded files"),
    "RichMedia": gettext_lazy("embedded Flash or media"),
    "XFA": gettext_lazy("a scripted XFA form"),
    "AA": gettext_lazy("actions that run when a page or field opens"),
}
_PDF_DELIMITER = rb"(?=[\s()<>\[\]{}/%]|$)"
_PDF_ACTIVE_PATTERN = re.compile(
    rb"/(" + b"|".join(n.encode() for n in _PDF_ACTIVE) + rb")" + _PDF_DELIMITER
)
# a name written with #xx escapes (/J#61vaScript): decoded, then compared
_PDF_ESCAPED_NAME = re.compile(
    rb"/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})*#[0-9A-Fa-f]{2}[^\s()<>\[\]{}/%]*)"
)


def _pdf_active_name(part: bytes) -> str:
    """The first active-content name in ``part`` ('' if none)."""
    found = _PDF_ACTIVE_PATTERN.search(part)
    if found:
        return found.group(1).decode()
    if b"#" in part:
        for escaped in _PDF_ESCAPED_NAME.finditer(part):
            name = re.sub(
                rb"#([0-9A-Fa-f]{2})",
                lambda m: bytes.fromhex(m.group(1).decode()),
                escaped.group(1),
            )
            if name.decode("latin-1") in _PDF_ACTIVE:
                return name.decode("latin-1")
    return ""


_PDF_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm")
_PDF_STREAM_START = re.compile(rb"stream\r?\n")


def _pdf_object_streams(data: bytes) -> list[bytes]:
    """The decompressed object streams (PDF 1.5 hides dictionaries there), within a budget."""
    out = []
    budget = _PDF_INFLATE_BUDGET
    for found in _PDF_OBJECT_STREAM.finditer(data):
        start = _PDF_STREAM_START.search(data, found.end(), found.end() + 2000)
        if start is None or budget <= 0:
            continue
        try:
            inflated = zlib.decompressobj().decompress(data[start.end() :], budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        out.append(inflated)
    return out


def check_pdf(data: bytes) -> None:
    """Refuse a PDF with scripts, launch actions, embedded files, rich media or XFA."""
    for part in [data, *_pdf_object_streams(data)]:
        name = _pdf_active_name(part)
        if name:
            what = _PDF_ACTIVE[name]
            raise RefusedFile(
                _(
                    "the PDF contains active content (%(what)s); print it to a new PDF "
                    "or export it without scripts and attachments"
                )
                % {"what": what}
            )
    if b"/Encrypt" in data and _PDF_OBJECT_STREAM.search(data):
        raise RefusedFile(
            _(
                "the PDF is encrypted, so it cannot be checked for scripts; save it without a password"
            )
        )
    tail = data[data.rfind(b"%%EOF") + 5 :] if b"%%EOF" in data else b""
    if _has_markup(data[:1024] + b" " + tail, _SCRIPT_IN_BINARY, _SCRIPT_PREFIXES):
        raise _refuse_polyglot("PDF")


def _refuse_polyglot(label: str) -> RefusedFile:
    return RefusedFile(
        _("the %(label)s also contains a web page or script (a file that is two things at once)")
        % {"label": label}
    )


def _png_end(data: bytes) -> int:
    """Offset just after the IEND chunk (or the end of the data if there is none)."""
    offset = 8
    while offset + 8 <= len(data):
        length = int.from_bytes(data[offset : offset + 4], "big")
        kind = data[offset + 4 : offset + 8]
        offset += 12 + length
        if kind == b"IEND":
            return offset
    return len(data)


def _gif_end(data: bytes) -> int:
    """Offset just after the GIF trailer, walking the blocks (or the end of the data)."""
    offset = 13
    if len(data) > 10 and data[10] & 0x80:
        offset += 3 * (2 ** ((data[10] & 0x07) + 1))
    while offset < len(data):
        block = data[offset]
        if block == 0x3B:
            return offset + 1
        if block == 0x21:  # extension: label, then sub-blocks
            offset += 2
        elif block == 0x2C:  # image descriptor, local colour table, LZW size, sub-blocks
            flags = data[offset + 9] if offset + 9 < len(data) else 0
            offset += 10
            if flags & 0x80:
                offset += 3 * (2 ** ((flags & 0x07) + 1))
            offset += 1
        else:
            return len(data)
        while offset < len(data) and data[offset] != 0:
            offset += data[offset] + 1
        offset += 1
    return len(data)


def check_image(data: bytes, label: str, *, decode: bool) -> None:
    """Refuse an image with a web page or script in it, data after its end, that Pillow
    cannot read, or (when ``decode``) that does not decode within the pixel bound."""
    if _has_markup(data, _SCRIPT_IN_BINARY, _SCRIPT_PREFIXES):
        raise _refuse_polyglot(label)
    end = {"PNG": _png_end, "GIF": _gif_end}.get(label)
    if end is not None and data[end(data) :].strip(b"\x00\r\n\t "):
        raise RefusedFile(
            _("the %(label)s has extra data after the end of the image") % {"label": label}
        )
    if label == "GIF" and data[6:8] == b"/*":
        raise _refuse_polyglot(label)
    if label == "HEIC":
        if decode:
            raise RefusedFile(
                _("HEIC photos cannot be checked here; set the camera to JPEG (“Most compatible”)")
            )
        return
    _decode(data, label, full=decode)


def _decode(data: bytes, label: str, *, full: bool) -> None:
    import warnings

    from PIL import Image

    unreadable = RefusedFile(
        _("the %(label)s cannot be read as an image (damaged or not really an image)")
        % {"label": label}
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise RefusedFile(
                        _(
                            "the image is %(width)s by %(height)s pixels; the limit is "
                            "%(limit)s million pixels"
                        )
                        % {"width": width, "height": height, "limit": MAX_IMAGE_PIXELS // 10**6}
                    )
                image.verify()
            if full:
                with Image.open(io.BytesIO(data)) as image:
                    if image.format == "JPEG":
                        image.draft("RGB", (max(width // 8, 1), max(height // 8, 1)))
                    image.load()
    except RefusedFile:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise RefusedFile(
            _("the image has more pixels than the limit of %(limit)s million")
            % {"limit": MAX_IMAGE_PIXELS // 10**6}
        ) from exc
    except Exception as exc:  # Pillow raises many kinds for a damaged file
        raise unreadable from exc


def _decoded_text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def check_text(data: bytes, *, is_csv: bool) -> None:
    """Refuse text that is HTML (with a BOM, leading spaces or comments, or HTML further in)
    and CSV with cells a spreadsheet would run as formulas."""
    text = _decoded_text(data)
    if _HTML_START.match(text.lstrip(" \t\r\n\f\v\ufeff")) or _has_markup(
        data, _HTML_ANYWHERE, _HTML_PREFIXES
    ):
        raise RefusedFile(
            _(
                "the text is a web page (HTML) or a drawing (SVG), which is not accepted; "
                "save it as PDF"
            )
        )
    if is_csv:
        _check_csv_formulas(text)


def _check_csv_formulas(text: str) -> None:
    """Uploaded CSV is refused, not rewritten: the vault keeps the file byte for byte, as the
    proof it is (its SHA-256 is what a validator compares)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        for row in reader:
            for column, cell in enumerate(row, start=1):
                start = cell.lstrip(" \t\r\n")[:1]
                if (start in ("=", "@") and cell.strip() not in ("=", "@")) or (
                    start in ("+", "-") and not _NUMBER.fullmatch(cell.strip())
                ):
                    raise RefusedFile(
                        _(
                            "line %(line)s, column %(column)s starts with “%(start)s”, which "
                            "a spreadsheet runs as a formula; remove it or put an apostrophe "
                            "before it"
                        )
                        % {"line": reader.line_num, "column": column, "start": start}
                    )
    except csv.Error as exc:
        raise RefusedFile(_("the CSV cannot be read: %(error)s") % {"error": exc}) from exc
