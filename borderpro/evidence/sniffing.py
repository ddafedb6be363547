"""Decide what a file really is from its content, not its name.

Only types a validator needs as proof are allowed: documents (PDF, Word, Excel,
PowerPoint, OpenDocument, plain text and CSV) and photos (JPEG, PNG, WebP, HEIC, GIF,
TIFF). Anything else — executables, scripts, HTML, SVG, archives — is refused, and so is a
file whose name claims another type than its content.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    mime: str
    label: str
    extensions: tuple[str, ...]


PDF = FileKind("application/pdf", "PDF", ("pdf",))
PNG = FileKind("image/png", "PNG", ("png",))
JPEG = FileKind("image/jpeg", "JPEG", ("jpg", "jpeg"))
GIF = FileKind("image/gif", "GIF", ("gif",))
WEBP = FileKind("image/webp", "WebP", ("webp",))
HEIC = FileKind("image/heic", "HEIC", ("heic", "heif"))
TIFF = FileKind("image/tiff", "TIFF", ("tif", "tiff"))
DOCX = FileKind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", ("docx",)
)
XLSX = FileKind(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", ("xlsx",)
)
PPTX = FileKind(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "PowerPoint",
    ("pptx",),
)
ODT = FileKind("application/vnd.oasis.opendocument.text", "OpenDocument", ("odt",))
ODS = FileKind("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument", ("ods",))
OLE = FileKind("application/x-ole-storage", "Office 97-2003", ("doc", "xls", "ppt", "msg"))
TEXT = FileKind("text/plain", _("Text"), ("txt", "log", "md"))  # type: ignore[arg-type]
CSV = FileKind("text/csv", "CSV", ("csv",))

ALLOWED = (PDF, PNG, JPEG, GIF, WEBP, HEIC, TIFF, DOCX, XLSX, PPTX, ODT, ODS, OLE, TEXT, CSV)
ALLOWED_EXTENSIONS = sorted({ext for kind in ALLOWED for ext in kind.extensions})

_DANGEROUS_PREFIXES: tuple[tuple[bytes, Any], ...] = (  # words translated when shown
    (b"MZ", _("a Windows program")),
    (b"\x7fELF", _("a Linux program")),
    (b"\xca\xfe\xba\xbe", _("a macOS program")),
    (b"\xcf\xfa\xed\xfe", _("a macOS program")),
    (b"#!", _("a script")),
)


class RefusedFile(Exception):
    """The file is not accepted; the message says why in words a person understands."""


def _zip_kind(stream: IO[bytes]) -> FileKind | None:
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                return {ODT.mime: ODT, ODS.mime: ODS}.get(mimetype)
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    if any(n.startswith("word/") for n in names):
        return DOCX
    if any(n.startswith("xl/") for n in names):
        return XLSX
    if any(n.startswith("ppt/") for n in names):
        return PPTX
    return None


def _text_kind(head: bytes, extension: str) -> FileKind | None:
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1252")
        except UnicodeDecodeError:
            return None
    lowered = text.lstrip().lower()
    if lowered.startswith(("<!doctype html", "<html", "<svg", "<?xml", "<script")):
        return None
    return CSV if extension == "csv" else TEXT


def sniff(stream: IO[bytes], filename: str) -> FileKind:
    """The allowed kind of the file's content, or :class:`RefusedFile`."""
    stream.seek(0)
    head = stream.read(8192)
    stream.seek(0)
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if not head:
        raise RefusedFile(_("the file is empty"))
    for prefix, what in _DANGEROUS_PREFIXES:
        if head.startswith(prefix):
            raise RefusedFile(
                _("the content is %(what)s, which is never accepted") % {"what": what}
            )
    kind: FileKind | None = None
    if head.startswith(b"%PDF-"):
        kind = PDF
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = JPEG
    elif head.startswith((b"GIF87a", b"GIF89a")):
        kind = GIF
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = WEBP
    elif head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        kind = HEIC
    elif head.startswith((b"II*\x00", b"MM\x00*")):
        kind = TIFF
    elif head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        kind = OLE
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(stream)
        stream.seek(0)
        if kind is None:
            raise RefusedFile(_("the content is an archive; upload the documents themselves"))
    else:
        kind = _text_kind(head, extension)
    if kind is None:
        raise RefusedFile(_("this type of file is not accepted (allowed: documents and photos)"))
    if extension and extension not in kind.extensions:
        raise RefusedFile(
            _("the name ends in .%(ext)s but the content is %(label)s")
            % {"ext": extension, "label": kind.label}
        )
    return kind
