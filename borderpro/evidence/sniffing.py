"""Decide what a file really is from its content, not its name, then look inside it.

Only types a validator needs as proof are allowed: documents (PDF, Word, Excel,
PowerPoint, OpenDocument, plain text and CSV) and photos (JPEG, PNG, WebP, HEIC, GIF,
TIFF). Anything else — executables, scripts, HTML, SVG, archives — is refused, and so is a
file whose name claims another type than its content. An allowed type is then inspected
(``containers`` for Office files, ``contents`` for PDF, images and text): macros, embedded
programs, zip bombs, active PDF content, polyglots, HTML in text, CSV formulas, undecodable
images and the EICAR test string are refused (decision records 0002 and 0005).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext_lazy as _

from borderpro.evidence import containers, contents
from borderpro.evidence.errors import RefusedFile


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

IMAGES = (PNG, JPEG, GIF, WEBP, HEIC, TIFF)

__all__ = ["ALLOWED", "ALLOWED_EXTENSIONS", "IMAGES", "FileKind", "RefusedFile", "sniff"]


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
    """Text or CSV when the start decodes as UTF-8 or CP1252 (markup in it was already
    refused by ``contents.check_text``)."""
    if b"\x00" in head:
        return None
    for encoding in ("utf-8", "cp1252"):
        try:
            head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return CSV if extension == "csv" else TEXT
    return None


def sniff(stream: IO[bytes], filename: str, *, require_image: bool = False) -> FileKind:
    """The allowed kind of the file's content, or :class:`RefusedFile`.

    With ``require_image`` only a photo that decodes within the pixel bound is accepted.
    """
    stream.seek(0)
    data = stream.read()
    stream.seek(0)
    head = data[:8192]
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if not head:
        raise RefusedFile(_("the file is empty"))
    if containers.EICAR_MARK in data:
        raise containers.refuse_eicar()
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
        if b"\x00" not in head:
            contents.check_text(data, is_csv=extension == "csv")
        kind = _text_kind(head, extension)
    if kind is None:
        raise RefusedFile(_("this type of file is not accepted (allowed: documents and photos)"))
    if extension and extension not in kind.extensions:
        raise RefusedFile(
            _("the name ends in .%(ext)s but the content is %(label)s")
            % {"ext": extension, "label": kind.label}
        )
    if require_image and kind not in IMAGES:
        raise RefusedFile(
            _("a photo is expected and the content is %(label)s") % {"label": kind.label}
        )
    _inspect(data, kind, require_image=require_image)
    return kind


def _inspect(data: bytes, kind: FileKind, *, require_image: bool) -> None:
    """Look inside an allowed type for what makes it dangerous (raises RefusedFile)."""
    if kind in (DOCX, XLSX, PPTX, ODT, ODS):
        containers.check_archive(data)
    elif kind is OLE:
        containers.check_ole(data)
    elif kind is PDF:
        contents.check_pdf(data)
    elif kind in IMAGES:
        contents.check_image(data, str(kind.label), decode=require_image)
    # text and CSV were checked before their kind was decided
