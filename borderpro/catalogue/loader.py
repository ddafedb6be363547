"""Reading and checking catalogue files: pure functions, no database writes.

:func:`read_file` parses one YAML file and checks it against the JSON Schema and the rules
inside one file (unique refs and categories, known categories, mappings not to itself).
:func:`check_run` adds the rules across files: refs unique across families, and every
mapping pointing to a ref that exists (in the file, in another good file of the same run,
or already in the database). Every problem is a :class:`CatalogueError` that names the
file, the ref and the reason in words a compliance person understands.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from django.utils.translation import gettext as _

SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "catalogue.schema.json"
DATA_DIR = Path(__file__).resolve().parent / "data"
MAX_ERRORS_PER_FILE = 50

# The order frameworks are listed in; other families come after, by code.
FAMILY_ORDER = {"PIP": 10, "CTPAT-HC": 20, "INSP": 30, "SEAL-CTRL": 40, "MRA": 50}


@dataclass(frozen=True)
class CatalogueError:
    file: str
    ref: str
    message: str

    def __str__(self) -> str:
        if self.ref:
            return f"{self.file}: {self.ref}: {self.message}"
        return f"{self.file}: {self.message}"


@dataclass
class ParsedFile:
    """One catalogue file after reading: its data, its fingerprint and its problems."""

    name: str
    sha256: str
    data: dict[str, Any] = field(default_factory=dict)
    errors: list[CatalogueError] = field(default_factory=list)
    declared_refs: set[str] = field(default_factory=set)  # even when the file is refused

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def framework(self) -> dict[str, Any]:
        return self.data.get("framework") or {}

    @property
    def code(self) -> str:
        return str(self.framework.get("code", ""))

    @property
    def edition(self) -> str:
        return str(self.framework.get("edition", ""))

    @property
    def requirements(self) -> list[dict[str, Any]]:
        return self.data.get("requirements") or []

    @property
    def categories(self) -> list[dict[str, Any]]:
        return self.data.get("categories") or []

    @property
    def refs(self) -> set[str]:
        return {r["ref"] for r in self.requirements}

    def error(self, ref: str, message: str) -> None:
        if len(self.errors) < MAX_ERRORS_PER_FILE:
            self.errors.append(CatalogueError(self.name, ref, message))


# --- YAML -------------------------------------------------------------------------------

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _StrictLoader(_BaseLoader):
    """The safe YAML loader (C speed when available) that refuses repeated keys."""

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DuplicateKeyError(
                    problem=_("the key “%(key)s” appears twice") % {"key": key},
                    problem_mark=key_node.start_mark,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictLoader.construct_mapping
)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = str(getattr(exc, "problem", "") or exc).strip()
    if mark is not None:
        return _("this is not valid YAML at line %(line)s, column %(column)s: %(problem)s") % {
            "line": mark.line + 1,
            "column": mark.column + 1,
            "problem": problem,
        }
    return _("this is not valid YAML: %(problem)s") % {"problem": problem}


# --- Schema messages --------------------------------------------------------------------


def _field_label(name: str) -> str:
    labels = {
        "title": _("title"),
        "gist": _("summary (gist)"),
        "evidence": _("evidence hint"),
        "unconfirmed": _("“unconfirmed” note"),
        "name": _("name"),
        "short_name": _("short name"),
        "authority": _("authority"),
        "notes": _("notes"),
        "description": _("description"),
        "level": _("level"),
        "confidence": _("confidence"),
        "review": _("review frequency"),
        "category": _("category"),
        "official_id": _("official id"),
        "ref": _("ref"),
        "procedure_required": _("“procedure required” flag"),
        "source_url": _("source"),
        "applies_to": _("“applies to” section"),
        "mappings": _("mappings"),
        "relation": _("relation"),
        "business_types": _("business types"),
        "modes": _("modes"),
        "equipment": _("equipment"),
        "code": _("code"),
        "edition": _("edition"),
        "kind": _("kind"),
        "format": _("format"),
        "effective_from": _("effective date"),
        "framework": _("framework section"),
        "categories": _("categories"),
        "requirements": _("requirements"),
    }
    return labels.get(name, name)


def _language_label(code: str) -> str:
    return {"en": _("English"), "fr": _("French")}.get(code, code)


def _type_label(value: Any) -> str:
    if value is None:
        return _("empty")
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a section")
    return type(value).__name__


def _expected_label(expected: Any) -> str:
    if isinstance(expected, list):
        return _(" or ").join(_expected_label(e) for e in expected)
    return {
        "string": _("text"),
        "boolean": _("true or false"),
        "array": _("a list"),
        "object": _("a section"),
        "integer": _("a number"),
        "number": _("a number"),
        "null": _("empty"),
    }.get(expected, str(expected))


def _where(data: Any, path: list[Any]) -> str:
    """The ref (or section) an error belongs to, from its path in the document."""
    if not path:
        return ""
    if path[0] == "requirements" and len(path) > 1 and isinstance(path[1], int):
        items = data.get("requirements") or []
        item = items[path[1]] if path[1] < len(items) else None
        ref = item.get("ref") if isinstance(item, dict) else None
        if isinstance(ref, str) and ref:
            return ref
        return _("requirement no. %(number)s") % {"number": path[1] + 1}
    if path[0] == "categories" and len(path) > 1 and isinstance(path[1], int):
        items = data.get("categories") or []
        item = items[path[1]] if path[1] < len(items) else None
        code = item.get("code") if isinstance(item, dict) else None
        return _("category %(code)s") % {"code": code or path[1] + 1}
    if path[0] == "framework":
        return _("framework")
    return ""


def _schema_message(error: jsonschema.ValidationError) -> str:
    path = list(error.absolute_path)
    names = [p for p in path if isinstance(p, str)]
    last = names[-1] if names else ""
    value = error.instance
    rule = error.validator
    if (
        last in ("official_id", "edition")
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return _('the %(field)s must be written in quotes ("%(value)s"), not as a number') % {
            "field": _field_label(last),
            "value": value,
        }
    if rule == "required":
        missing = [k for k in error.validator_value if k not in (value or {})]
        key = missing[0] if missing else "?"
        if key in ("en", "fr"):
            return _("the %(language)s %(field)s is missing") % {
                "language": _language_label(key),
                "field": _field_label(last),
            }
        return _("the %(field)s is missing") % {"field": _field_label(key)}
    if rule in ("minLength", "pattern") and last in ("en", "fr") and len(names) >= 2:
        return _("the %(language)s %(field)s is empty") % {
            "language": _language_label(last),
            "field": _field_label(names[-2]),
        }
    if rule == "enum":
        return _("“%(value)s” is not a valid %(field)s; use one of: %(choices)s") % {
            "value": value,
            "field": _field_label(last),
            "choices": ", ".join(str(c) for c in error.validator_value),
        }
    if rule == "const" and last == "format":
        return _("the file must declare “format: 1”")
    if rule == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        return _("“%(name)s” is not a field of the catalogue format (check the spelling)") % {
            "name": ", ".join(str(e) for e in extra)
        }
    if rule == "type":
        if error.validator_value == "object" and set(error.schema.get("required", [])) == {
            "en",
            "fr",
        }:
            return _("the %(field)s needs an English and a French text (en: and fr:)") % {
                "field": _field_label(last)
            }
        return _("the %(field)s should be %(expected)s, not %(actual)s") % {
            "field": _field_label(last),
            "expected": _expected_label(error.validator_value),
            "actual": _type_label(value),
        }
    if rule in ("pattern", "oneOf") and last == "ref":
        return _(
            "“%(value)s” is not a valid ref (capital letters, digits and dashes, such as PIP-CORP-01)"
        ) % {"value": value}
    if rule in ("pattern", "oneOf"):
        return _("“%(value)s” is not a valid %(field)s") % {
            "value": value,
            "field": _field_label(last),
        }
    if rule == "minItems":
        return _("the %(field)s list is empty") % {"field": _field_label(last)}
    if rule == "uniqueItems":
        return _("the %(field)s list repeats a value") % {"field": _field_label(last)}
    if rule == "format":
        return _("“%(value)s” is not a date (write it as YYYY-MM-DD)") % {"value": value}
    if rule == "minLength":
        return _("the %(field)s is empty") % {"field": _field_label(last)}
    return error.message


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _jsonable(data: Any) -> Any:
    """YAML dates as ISO strings, as JSON would hold them (the schema expects strings)."""
    if isinstance(data, dict):
        return {k: _jsonable(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_jsonable(v) for v in data]
    if isinstance(data, date):
        return data.isoformat()
    return data


def _path_key(error: jsonschema.ValidationError) -> tuple[str, ...]:
    return tuple(f"{p:08d}" if isinstance(p, int) else str(p) for p in error.absolute_path)


# --- Reading one file -------------------------------------------------------------------


def read_file(name: str, content: bytes) -> ParsedFile:
    """Parse and check one file on its own. Never raises for bad content."""
    parsed = ParsedFile(name=name, sha256=hashlib.sha256(content).hexdigest())
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        parsed.error("", _("the file is not UTF-8 text"))
        return parsed
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        parsed.error("", _yaml_problem(exc))
        return parsed
    if not isinstance(data, dict):
        parsed.error(
            "",
            _(
                "the file does not contain a catalogue (format, framework, categories, requirements)"
            ),
        )
        return parsed
    data = _jsonable(data)
    items = data.get("requirements")
    if isinstance(items, list):
        parsed.declared_refs = {
            i["ref"] for i in items if isinstance(i, dict) and isinstance(i.get("ref"), str)
        }
    errors = sorted(_validator().iter_errors(data), key=_path_key)
    for error in errors:
        parsed.error(_where(data, list(error.absolute_path)), _schema_message(error))
    if errors:
        return parsed
    parsed.data = data
    _check_inside(parsed)
    return parsed


# Longest text each field can hold in the database.
MAX_LENGTHS = {
    "code": 40,
    "edition": 40,
    "ref": 60,
    "official_id": 40,
    "name": 300,
    "short_name": 80,
    "authority": 300,
    "title": 300,
}


def _check_lengths(parsed: ParsedFile, where: str, data: dict[str, Any]) -> None:
    for key, limit in MAX_LENGTHS.items():
        value = data.get(key)
        texts = value.values() if isinstance(value, dict) else [value]
        if any(isinstance(t, str) and len(t) > limit for t in texts):
            parsed.error(
                where,
                _("the %(field)s is longer than %(limit)s characters")
                % {"field": _field_label(key), "limit": limit},
            )


def _check_inside(parsed: ParsedFile) -> None:
    _check_lengths(parsed, _("framework"), parsed.framework)
    codes: set[str] = set()
    for category in parsed.categories:
        if category["code"] in codes:
            parsed.error(
                _("category %(code)s") % {"code": category["code"]},
                _("this category code appears twice in the file"),
            )
        codes.add(category["code"])
        _check_lengths(parsed, _("category %(code)s") % {"code": category["code"]}, category)
    refs: set[str] = set()
    for item in parsed.requirements:
        ref = item["ref"]
        _check_lengths(parsed, ref, item)
        if ref in refs:
            parsed.error(ref, _("this ref appears twice in the file"))
        refs.add(ref)
        if item["category"] not in codes:
            parsed.error(
                ref,
                _("the category “%(code)s” is not one of the file's categories (%(codes)s)")
                % {"code": item["category"], "codes": ", ".join(sorted(codes))},
            )
        targets: set[str] = set()
        for mapping in item.get("mappings") or []:
            if mapping["ref"] == ref:
                parsed.error(ref, _("the requirement maps to itself"))
            elif mapping["ref"] in targets:
                parsed.error(
                    ref, _("the mapping to %(target)s is listed twice") % {"target": mapping["ref"]}
                )
            targets.add(mapping["ref"])
    _check_framework_confidence(parsed)


def _check_framework_confidence(parsed: ParsedFile) -> None:
    """A framework is not "confirmed" when most of its items are not."""
    items = parsed.requirements
    confirmed = sum(1 for item in items if item.get("confidence") == "confirmed")
    if parsed.framework.get("confidence") == "confirmed" and items and 2 * confirmed < len(items):
        parsed.error(
            "",
            _(
                "the framework is tagged confirmed, but only %(n)s of its %(total)s "
                "requirements are: give it the confidence most of its items have"
            )
            % {"n": confirmed, "total": len(items)},
        )


# --- Checks across files ----------------------------------------------------------------


@dataclass
class KnownRefs:
    """Refs already in the database for the owner in question: ref → family code."""

    families: dict[str, str] = field(default_factory=dict)
    shipped_codes: set[str] = field(default_factory=set)
    owned: bool = False
    shipped_refs: set[str] = field(default_factory=set)


def check_run(files: list[ParsedFile], known: KnownRefs) -> None:
    """Cross-file rules. Refuses files in place; repeats until the good files are stable."""
    _check_families(files, known)
    while True:
        good = [f for f in files if f.ok]
        available: dict[str, str] = dict(known.families)
        owners: dict[str, str] = {}
        for f in good:
            for ref in f.refs:
                available[ref] = f.code
                owners[ref] = f.name
        refused = {ref: f.name for f in files if not f.ok for ref in f.declared_refs}
        changed = False
        for f in good:
            for item in f.requirements:
                for mapping in item.get("mappings") or []:
                    target = mapping["ref"]
                    if target in available:
                        continue
                    if target in refused:
                        f.error(
                            item["ref"],
                            _(
                                "it maps to %(target)s, which is in %(file)s, and that file was refused"
                            )
                            % {"target": target, "file": refused[target]},
                        )
                    else:
                        f.error(
                            item["ref"],
                            _("it maps to %(target)s, but no requirement has that ref")
                            % {"target": target},
                        )
                    changed = True
        if not changed:
            return


def _check_families(files: list[ParsedFile], known: KnownRefs) -> None:
    editions: dict[tuple[str, str], str] = {}
    ref_family: dict[str, tuple[str, str]] = {}
    for f in files:
        if not f.ok:
            continue
        if known.owned and f.code in known.shipped_codes:
            f.error(
                _("framework"),
                _("the code %(code)s is used by the shipped catalogue; choose another code")
                % {"code": f.code},
            )
        key = (f.code, f.edition)
        if key in editions:
            f.error(
                _("framework"),
                _("edition %(edition)s of %(code)s is also in %(file)s")
                % {"edition": f.edition, "code": f.code, "file": editions[key]},
            )
        editions.setdefault(key, f.name)
        for ref in sorted(f.refs):
            if known.owned and ref in known.shipped_refs:
                f.error(
                    ref, _("this ref is already used by the shipped catalogue; choose another ref")
                )
            elif ref in known.families and known.families[ref] != f.code:
                f.error(
                    ref,
                    _("this ref already belongs to the framework %(code)s")
                    % {"code": known.families[ref]},
                )
            elif ref in ref_family and ref_family[ref][0] != f.code:
                f.error(
                    ref,
                    _("this ref is also used in %(file)s (framework %(code)s)")
                    % {"file": ref_family[ref][1], "code": ref_family[ref][0]},
                )
            ref_family.setdefault(ref, (f.code, f.name))


# --- Helpers used when applying ---------------------------------------------------------


def search_text(*parts: str) -> str:
    """Lower-case text without accents, so “securite” finds “sécurité”."""
    text = " ".join(p for p in parts if p).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def search_words(query: str) -> list[str]:
    return [w for w in search_text(query).split() if w][:8]


def shipped_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml"))


def family_position(code: str, owned: bool) -> int:
    return 500 if owned else FAMILY_ORDER.get(code, 100)
