"""Look inside Office files (OOXML and OpenDocument are ZIP archives, 97-2003 files are OLE
compound files) for what makes a document dangerous: macros, ActiveX controls, embedded
programs or objects, templates fetched from the internet, and archives that expand to far
more than they weigh (zip bombs, nested or not).

Every check reads the archive's own directory first and decompresses at most
``MAX_EXPANDED_BYTES`` in all, so a hostile file costs a bounded amount of time and memory.
"""

from __future__ import annotations

import io
import re
import zipfile

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from borderpro.evidence.errors import RefusedFile

MAX_ENTRIES = 5_000
MAX_EXPANDED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # expanded / compressed, for entries that expand to more than 1 MiB
MAX_NESTING = 2
_CHUNK = 1024 * 1024

EICAR_MARK = b"STANDARD-ANTIVIRUS" + b"-TEST-FILE"  # built in two parts on purpose

_PROGRAM_PREFIXES = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PROGRAM_EXTENSIONS = (
    *(".exe", ".dll", ".com", ".scr", ".pif", ".msi", ".bat", ".cmd", ".ps1", ".vbs", ".vbe"),
    *(".js", ".jse", ".wsf", ".wsh", ".hta", ".jar", ".lnk", ".cpl", ".sh", ".app", ".elf"),
    *(".so", ".dylib", ".reg", ".chm", ".iso"),
)
_MACRO_CONTENT_TYPES = re.compile(
    rb"macroEnabled|vbaProject|vbaData|ms-excel\.(?:intl)?macrosheet|ms-office\.activeX",
    re.IGNORECASE,
)
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>", re.IGNORECASE)
_LOADED_WHEN_OPENED = re.compile(
    rb"Type=\"[^\"]*/(?:attachedTemplate|oleObject|frame|subDocument)\"", re.IGNORECASE
)
_EXTERNAL = re.compile(rb"TargetMode=\"External\"", re.IGNORECASE)
# A target on another machine: web, FTP, MHTML (CVE-2022-30190) or a network share (UNC,
# file://host/…); a template on the author's own disk (file:///C:/…) is harmless.
_REMOTE_TARGET = re.compile(
    rb"Target=\"\s*(?:https?:|ftp:|mhtml:|\\\\|//|file:/?/?[^/\"])", re.IGNORECASE
)
# OLE directory entries are UTF-16LE names: a VBA project, or a packaged file (Ole10Native)
_OLE_MACROS = "_VBA_PROJECT".encode("utf-16-le")
_OLE_PACKAGE = "\x01Ole10Native".encode("utf-16-le")


class _Budget:
    """Bytes that may still be decompressed for one upload, across nested archives."""

    def __init__(self) -> None:
        self.left = MAX_EXPANDED_BYTES

    def spend(self, amount: int) -> None:
        self.check(amount)
        self.left -= amount

    def check(self, amount: int) -> None:
        if amount > self.left:
            raise RefusedFile(
                _("it expands to more than %(limit)s when opened (a “zip bomb”)")
                % {"limit": filesizeformat(MAX_EXPANDED_BYTES)}
            )


def _refuse_macros() -> RefusedFile:
    return RefusedFile(
        _(
            "it contains macros or ActiveX controls, which can run code; "
            "save it as a document without macros (.docx, .xlsx, .pptx)"
        )
    )


def _check_name(name: str) -> None:
    lower = name.lower()
    base = lower.rsplit("/", 1)[-1]
    if base in ("vbaproject.bin", "vbadata.xml") or "/activex/" in f"/{lower}":
        raise _refuse_macros()
    if lower.startswith(("xl/macrosheets/", "xl/intl-macrosheets/", "basic/", "scripts/")):
        raise _refuse_macros()
    if "/embeddings/" in f"/{lower}" and base.startswith("oleobject"):
        raise RefusedFile(
            _(
                "it contains an embedded object (OLE), which can hold a program; "
                "attach the embedded content as its own file"
            )
        )
    if base.endswith(_PROGRAM_EXTENSIONS):
        raise RefusedFile(
            _("it contains a program or script (%(name)s)") % {"name": name.rsplit("/", 1)[-1]}
        )


def _check_declared(archive: zipfile.ZipFile, budget: _Budget) -> list[zipfile.ZipInfo]:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise RefusedFile(
            _("it holds %(count)s parts, more than the %(limit)s a document needs")
            % {"count": len(entries), "limit": MAX_ENTRIES}
        )
    budget.check(sum(info.file_size for info in entries))
    for info in entries:
        if info.flag_bits & 0x1:
            raise RefusedFile(_("parts of it are password-protected, so it cannot be checked"))
        if info.file_size > _CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise RefusedFile(
                _("a part of it expands %(ratio)s times when opened (a “zip bomb”)")
                % {"ratio": info.file_size // max(info.compress_size, 1)}
            )
        _check_name(info.filename)
    return entries


def _check_part(name: str, start: bytes, budget: _Budget, depth: int, data: bytes) -> None:
    if start.startswith(_PROGRAM_PREFIXES):
        raise RefusedFile(
            _("it contains a program or script (%(name)s)") % {"name": name.rsplit("/", 1)[-1]}
        )
    if start.startswith(_OLE_MAGIC):
        raise RefusedFile(
            _(
                "it contains an embedded object (OLE), which can hold a program; "
                "attach the embedded content as its own file"
            )
        )
    if start.startswith(b"PK\x03\x04"):
        if depth >= MAX_NESTING:
            raise RefusedFile(_("it holds archives inside archives too deeply to be checked"))
        check_archive(data, budget=budget, depth=depth + 1)


def _read_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: _Budget) -> bytes:
    """The part's bytes, decompressed chunk by chunk against the budget; EICAR is looked for
    across chunk boundaries."""
    out = bytearray()
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            budget.spend(len(chunk))
            tail = bytes(out[-len(EICAR_MARK) :])
            if EICAR_MARK in tail + chunk:
                raise refuse_eicar()
            out += chunk
    return bytes(out)


def refuse_eicar() -> RefusedFile:
    return RefusedFile(
        _(
            "it contains the EICAR anti-virus test string, which every virus scanner "
            "treats as malware"
        )
    )


def _loads_remote_content(relationships: bytes) -> bool:
    """Whether a part's relationships fetch a template, object or frame from another
    machine when the document is opened (template injection, Follina)."""
    return any(
        _LOADED_WHEN_OPENED.search(tag) and _EXTERNAL.search(tag) and _REMOTE_TARGET.search(tag)
        for tag in _RELATIONSHIP.findall(relationships)
    )


def check_archive(data: bytes, *, budget: _Budget | None = None, depth: int = 0) -> None:
    """Refuse an Office/OpenDocument archive with macros, embedded programs or objects,
    external templates, or that expands too much. Raises :class:`RefusedFile`."""
    budget = budget or _Budget()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in _check_declared(archive, budget):
                if info.is_dir():
                    continue
                content = _read_part(archive, info, budget)
                _check_part(info.filename, content[:16], budget, depth, content)
                lower = info.filename.lower()
                if lower == "[content_types].xml" and _MACRO_CONTENT_TYPES.search(content):
                    raise _refuse_macros()
                if lower.endswith(".rels") and _loads_remote_content(content):
                    raise RefusedFile(
                        _(
                            "it loads a template or object from another computer when opened; "
                            "save it again without the linked template"
                        )
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise RefusedFile(_("it is damaged (the archive inside cannot be read)")) from exc
    except (OSError, ValueError, RuntimeError) as exc:  # bad CRC, unknown compression
        raise RefusedFile(_("it is damaged (the archive inside cannot be read)")) from exc


def check_ole(data: bytes) -> None:
    """Refuse a 97-2003 Office file with a VBA project or a packaged (embedded) file."""
    if _OLE_MACROS in data:
        raise _refuse_macros()
    if _OLE_PACKAGE in data:
        raise RefusedFile(
            _(
                "it contains an embedded object (OLE), which can hold a program; "
                "attach the embedded content as its own file"
            )
        )
