"""The template library: Border Pro's own templates (``data/templates/*.md``, shipped with the
app) and a consultancy's own (``LibraryTemplate``), in one shape.

A template file is Markdown with YAML front matter, both languages in one file::

    ---
    key: seal-control
    version: 1
    title: {en: Seal control, fr: Contrôle des scellés}
    refs: [CTPAT-HC-6.1, PIP-CARGO-01]
    applies_to: [driver, yard]          # employee roles that acknowledge it
    position: 70                        # order in the manual
    source: https://...                 # where it states a program rule
    confidence: confirmed
    ---
    <!-- lang: en -->
    # Seal control
    ...
    <!-- lang: fr -->
    # Contrôle des scellés
    ...

The same format is what a consultancy imports and exports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

DATA = Path(__file__).resolve().parent / "data" / "templates"
BUILTIN = "builtin"
ROLES = ("driver", "yard", "dispatch", "office")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
_LANG = re.compile(r"^<!--\s*lang:\s*(en|fr)\s*-->\s*$", re.M)
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{1,59}$")


@dataclass(frozen=True)
class Template:
    key: str
    version: int
    title: dict[str, str]
    body: dict[str, str]
    refs: tuple[str, ...] = ()
    applies_to: tuple[str, ...] = ()
    position: int = 100
    source: str = ""
    confidence: str = ""
    origin: str = BUILTIN  # "builtin" or the consultancy's code
    extra: dict[str, Any] = field(default_factory=dict)

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title.get("en", self.key)

    def body_in(self, language: str) -> str:
        return self.body.get(language) or self.body.get("en", "")


def parse(text: str, *, origin: str = BUILTIN) -> Template:
    """A template from its Markdown + YAML front matter; a ValidationError names what is wrong."""
    match = _FRONT.match(text.replace("\r\n", "\n").lstrip("\ufeff"))
    if not match:
        raise ValidationError(
            _("The file must start with YAML front matter between two lines of three dashes.")
        )
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ValidationError(_("The front matter is not valid YAML: %(e)s") % {"e": exc}) from exc
    if not isinstance(meta, dict):
        raise ValidationError(_("The front matter must be a list of keys and values."))
    key = str(meta.get("key", "")).strip()
    if not _KEY.match(key):
        raise ValidationError(
            _("key: use 2 to 60 lowercase letters, digits and dashes (e.g. seal-control).")
        )
    title = meta.get("title") or {}
    if isinstance(title, str):
        title = {"en": title}
    if not isinstance(title, dict) or not str(title.get("en", "")).strip():
        raise ValidationError(_("title: give at least the English title (title: {en: ...})."))
    body = _bodies(match.group(2))
    if not body.get("en", "").strip():
        raise ValidationError(_("The English text is missing (after <!-- lang: en -->)."))
    try:
        version = int(meta.get("version", 1))
    except (TypeError, ValueError):
        raise ValidationError(_("version: a whole number, e.g. 1.")) from None
    roles = [str(r) for r in meta.get("applies_to") or []]
    bad = [r for r in roles if r not in ROLES]
    if bad:
        raise ValidationError(
            _("applies_to: unknown role %(role)s (use %(roles)s).")
            % {"role": bad[0], "roles": ", ".join(ROLES)}
        )
    return Template(
        key=key,
        version=max(version, 1),
        title={k: str(v).strip() for k, v in title.items() if k in ("en", "fr")},
        body=body,
        refs=tuple(str(r) for r in meta.get("refs") or []),
        applies_to=tuple(roles),
        position=int(meta.get("position", 100) or 100),
        source=str(meta.get("source", "") or ""),
        confidence=str(meta.get("confidence", "") or ""),
        origin=origin,
    )


def _bodies(text: str) -> dict[str, str]:
    parts = _LANG.split(text)
    if len(parts) == 1:
        return {"en": text.strip() + "\n"}
    out = {}
    for i in range(1, len(parts) - 1, 2):
        out[parts[i]] = parts[i + 1].strip() + "\n"
    return out


def dump(template: Template) -> str:
    """The template as Markdown + YAML front matter (what :func:`parse` reads back)."""
    meta: dict[str, Any] = {
        "key": template.key,
        "version": template.version,
        "title": dict(template.title),
        "refs": list(template.refs),
        "applies_to": list(template.applies_to),
        "position": template.position,
    }
    if template.source:
        meta["source"] = template.source
    if template.confidence:
        meta["confidence"] = template.confidence
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).strip()
    bodies = "".join(
        f"<!-- lang: {lang} -->\n{template.body[lang].strip()}\n\n"
        for lang in ("en", "fr")
        if template.body.get(lang, "").strip()
    )
    return f"---\n{front}\n---\n{bodies}".rstrip() + "\n"


@cache
def builtin() -> tuple[Template, ...]:
    """Border Pro's templates, in manual order."""
    found = [parse(p.read_text(encoding="utf-8")) for p in sorted(DATA.glob("*.md"))]
    return tuple(sorted(found, key=lambda t: (t.position, t.key)))


def from_model(row: Any, origin: str) -> Template:
    return Template(
        key=row.key,
        version=row.version,
        title={"en": row.title_en, "fr": row.title_fr or row.title_en},
        body={"en": row.body_en, "fr": row.body_fr or row.body_en},
        refs=tuple(row.refs),
        applies_to=tuple(row.applies_to),
        position=100,
        origin=origin,
    )
