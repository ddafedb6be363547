"""The rules file: load, validate and judge one test.

``data/rules.yaml`` is data a compliance person edits. It is validated when loaded, and a
mistake raises :class:`RulesError` naming the rule and what is wrong with it. Tests use a
closed set of operators; each returns ``met``, ``not_met`` or ``unknown`` (a fact is missing),
with ``all_of`` / ``any_of`` combining them in three-valued logic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import yaml

from borderpro.programs import dates

RULES_FILE = Path(__file__).resolve().parent / "data" / "rules.yaml"
LANGUAGES = ("en", "fr")
CONFIDENCE = ("confirmed", "third-party", "inferred", "dated", "unconfirmed")
SCOPES = ("carrier", "trip")
FIXES = ("settings", "profile", "declarations", "readiness", "memberships", "people", "what_if")
MET, NOT_MET, UNKNOWN = "met", "not_met", "unknown"
NOT_APPLICABLE = "not_applicable"  # a gate criterion not met: the program is not for this case
MISSING = object()


class RulesError(ValueError):
    """The rules file is wrong; the message names the rule and the problem."""


@dataclass(frozen=True)
class Criterion:
    id: str
    program: str
    scope: str
    test: dict[str, Any]
    confidence: str
    source_url: str
    explanation: dict[str, dict[str, str]]
    next_step: dict[str, str]
    fix: str
    effective_from: date | None = None
    effective_to: date | None = None
    examples: dict[str, dict[str, Any]] = field(default_factory=dict)
    # gate: when not met, the program does not apply (e.g. FAST into Canada for a trip
    # into the U.S.): "not applicable" rather than "not eligible".
    gate: bool = False
    when: dict[str, Any] | None = None  # judged only when this test is met (e.g. southern border)

    def judged_for(self, facts: dict[str, Any], as_of: date) -> bool:
        return self.when is None or judge(self.when, facts, as_of) == MET

    def applies_on(self, day: date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and (
            self.effective_to is None or day <= self.effective_to
        )

    @property
    def facts(self) -> list[str]:
        return sorted(set(fact_paths(self.test)))


@dataclass(frozen=True)
class Program:
    code: str
    name: dict[str, str]
    summary: dict[str, str]
    source_url: str
    criteria: tuple[Criterion, ...]


@dataclass(frozen=True)
class DeadlineRule:
    kind: str
    program: str
    statuses: tuple[str, ...]
    base: tuple[str, ...]
    years: int
    days: int
    mode: str
    confidence: str
    source_url: str
    explanation: dict[str, str]
    # dates that give the earliest possible deadline while every ``base`` date is unknown
    earliest_from: tuple[str, ...] = ()
    estimated: dict[str, str] | None = None
    unless: tuple[str, ...] = ()  # no deadline once one of these dates is recorded


@dataclass(frozen=True)
class Rules:
    programs: tuple[Program, ...]
    deadlines: tuple[DeadlineRule, ...]
    driver_cards: dict[str, dict[str, Any]]
    mra_partners: tuple[dict[str, Any], ...]
    fast_ports: tuple[dict[str, str], ...]
    active_statuses: tuple[str, ...]

    def program(self, code: str) -> Program | None:
        return next((p for p in self.programs if p.code == code), None)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.programs]


# --- operators -------------------------------------------------------------------------


def lookup(facts: dict[str, Any], path: str) -> Any:
    """The fact's value; MISSING when not given; None when given as null (e.g. "no CDRP card")."""
    node: Any = facts
    parts = path.split(".")
    for index, part in enumerate(parts):
        if not isinstance(node, dict) or part not in node:
            return MISSING
        node = node[part]
        if node is None:
            return None if index == len(parts) - 1 else MISSING
    return node


def _as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _verdict(ok: bool) -> str:
    return MET if ok else NOT_MET


def _simple(
    check: Callable[[Any, dict[str, Any], date, dict[str, Any]], bool],
) -> Callable[..., str]:
    def judge(test: dict[str, Any], facts: dict[str, Any], as_of: date) -> str:
        value = lookup(facts, test["fact"])
        if value is MISSING or value is None:
            return UNKNOWN
        return _verdict(check(value, test, as_of, facts))

    return judge


def _date_check(
    check: Callable[[date, dict[str, Any], date, dict[str, Any]], bool], *, null_fails: bool = False
) -> Callable[..., str]:
    """``null_fails``: a date given as null means "there is none" (no card), so the test fails."""

    def judge(test: dict[str, Any], facts: dict[str, Any], as_of: date) -> str:
        raw = lookup(facts, test["fact"])
        if raw is None and null_fails:
            return NOT_MET
        value = _as_date(raw)
        if value is None:
            return UNKNOWN
        return _verdict(check(value, test, as_of, facts))

    return judge


def _valid_on(expires: date, test: dict[str, Any], as_of: date, facts: dict[str, Any]) -> bool:
    on = _as_date(lookup(facts, test["at"])) if test.get("at") else None  # missing: evaluation date
    return expires >= (on or as_of)


def _all_of(test: dict[str, Any], facts: dict[str, Any], as_of: date) -> str:
    results = [judge(t, facts, as_of) for t in test["tests"]]
    if NOT_MET in results:
        return NOT_MET
    return MET if all(r == MET for r in results) else UNKNOWN


def _any_of(test: dict[str, Any], facts: dict[str, Any], as_of: date) -> str:
    results = [judge(t, facts, as_of) for t in test["tests"]]
    if MET in results:
        return MET
    return NOT_MET if all(r == NOT_MET for r in results) else UNKNOWN


OPERATORS: dict[str, tuple[tuple[str, ...], Callable[..., str]]] = {
    "equals": (("fact", "value"), _simple(lambda v, t, _d, _f: v == t["value"])),
    "in": (("fact", "values"), _simple(lambda v, t, _d, _f: v in t["values"])),
    "any_in": (("fact", "values"), _simple(lambda v, t, _d, _f: bool(set(v) & set(t["values"])))),
    "contains": (("fact", "value"), _simple(lambda v, t, _d, _f: t["value"] in v)),
    "is_true": (("fact",), _simple(lambda v, _t, _d, _f: v is True)),
    "is_false": (("fact",), _simple(lambda v, _t, _d, _f: v is False)),
    "not_empty": (("fact",), _simple(lambda v, _t, _d, _f: bool(v))),
    "matches": (
        ("fact", "pattern"),
        _simple(lambda v, t, _d, _f: bool(re.fullmatch(t["pattern"], str(v)))),
    ),
    "date_within_days": (
        ("fact", "days"),
        _date_check(lambda v, t, d, _f: dates.within_days(v, d, t["days"])),
    ),
    "months_since_at_least": (
        ("fact", "months"),
        _date_check(lambda v, t, d, _f: dates.months_since_at_least(v, d, t["months"])),
    ),
    "date_valid_on": (("fact",), _date_check(_valid_on, null_fails=True)),
    "all_of": (("tests",), _all_of),
    "any_of": (("tests",), _any_of),
}


def judge(test: dict[str, Any], facts: dict[str, Any], as_of: date) -> str:
    return OPERATORS[test["op"]][1](test, facts, as_of)


def fact_paths(test: dict[str, Any]) -> list[str]:
    if "tests" in test:
        return [p for t in test["tests"] for p in fact_paths(t)]
    paths = [test["fact"]]
    if test.get("at"):
        paths.append(test["at"])
    return paths


# --- loading ---------------------------------------------------------------------------


def _text(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or any(
        not str(value.get(lang) or "").strip() for lang in LANGUAGES
    ):
        raise RulesError(f"{where}: needs text in both English (en) and French (fr)")
    return {lang: str(value[lang]) for lang in LANGUAGES}


def _date_or_none(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    parsed = _as_date(value if isinstance(value, date) else str(value))
    if parsed is None:
        raise RulesError(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
    return parsed


def _resolve(test: Any, constants: dict[str, list[Any]], where: str) -> dict[str, Any]:
    if not isinstance(test, dict) or test.get("op") not in OPERATORS:
        raise RulesError(f"{where}: test needs an op, one of {', '.join(OPERATORS)}")
    odd = [k for k in test if not isinstance(k, str)]
    if odd:
        raise RulesError(
            f"{where}: key {odd[0]!r} is not a name (YAML reads on/off/yes/no as booleans)"
        )
    needed, _fn = OPERATORS[test["op"]]
    missing = [k for k in needed if k not in test]
    if missing:
        raise RulesError(f"{where}: the {test['op']} test needs {', '.join(missing)}")
    out = dict(test)
    if isinstance(out.get("values"), str) and out["values"].startswith("$"):
        name = out["values"][1:]
        if name not in constants:
            raise RulesError(f"{where}: unknown list {out['values']}")
        out["values"] = constants[name]
    if "tests" in out:
        if not isinstance(out["tests"], list) or not out["tests"]:
            raise RulesError(f"{where}: {test['op']} needs a non-empty list of tests")
        out["tests"] = [_resolve(t, constants, where) for t in out["tests"]]
    if out["op"] == "matches":
        try:
            re.compile(out["pattern"])
        except re.error as exc:
            raise RulesError(
                f"{where}: pattern {out['pattern']!r} is not a valid regular expression"
            ) from exc
    return out


def _criterion(raw: dict[str, Any], program: str, constants: dict[str, list[Any]]) -> Criterion:
    cid = str(raw.get("id") or "")
    where = f"rule {cid or '(no id)'} of {program}"
    if not cid:
        raise RulesError(f"{where}: every criterion needs an id")
    if raw.get("scope") not in SCOPES:
        raise RulesError(f"{where}: scope must be one of {', '.join(SCOPES)}")
    if raw.get("confidence") not in CONFIDENCE:
        raise RulesError(f"{where}: confidence must be one of {', '.join(CONFIDENCE)}")
    if not str(raw.get("source_url") or "").startswith(("http://", "https://")):
        raise RulesError(f"{where}: needs a source_url (http or https)")
    if raw.get("fix") not in FIXES:
        raise RulesError(f"{where}: fix must be one of {', '.join(FIXES)}")
    explanation = raw.get("explanation") or {}
    texts = {
        key: _text(explanation.get(key), f"{where}, explanation {key}")
        for key in (MET, NOT_MET, UNKNOWN)
    }
    start = _date_or_none(raw.get("effective_from"), f"{where}, effective_from")
    end = _date_or_none(raw.get("effective_to"), f"{where}, effective_to")
    if start and end and end < start:
        raise RulesError(f"{where}: effective_to is before effective_from")
    return Criterion(
        id=cid,
        program=program,
        scope=raw["scope"],
        test=_resolve(raw.get("test"), constants, where),
        confidence=raw["confidence"],
        source_url=raw["source_url"],
        explanation=texts,
        next_step=_text(raw.get("next_step"), f"{where}, next_step"),
        fix=raw["fix"],
        effective_from=start,
        effective_to=end,
        examples=dict(raw.get("examples") or {}),
        gate=bool(raw.get("gate", False)),
        when=_resolve(raw["when"], constants, f"{where}, when") if raw.get("when") else None,
    )


def _check_versions(criteria: list[Criterion], program: str) -> None:
    by_id: dict[str, list[Criterion]] = {}
    for c in criteria:
        by_id.setdefault(c.id, []).append(c)
    for cid, versions in by_id.items():
        ordered = sorted(versions, key=lambda c: c.effective_from or date.min)
        for before, after in pairwise(ordered):
            if (
                before.effective_to is None
                or (after.effective_from or date.min) <= before.effective_to
            ):
                raise RulesError(
                    f"rule {cid} of {program}: versions overlap in their effective dates"
                )


def _deadline(raw: dict[str, Any]) -> DeadlineRule:
    kind = str(raw.get("kind") or "(no kind)")
    where = f"deadline {kind}"
    base = raw.get("base")
    if not isinstance(base, list) or not base:
        raise RulesError(f"{where}: base must list the membership dates to start from")
    if raw.get("confidence") not in CONFIDENCE:
        raise RulesError(f"{where}: confidence must be one of {', '.join(CONFIDENCE)}")
    if not str(raw.get("source_url") or "").startswith(("http://", "https://")):
        raise RulesError(f"{where}: needs a source_url")
    add = raw.get("add") or {}
    if raw.get("mode", "once") not in ("once", "next_anniversary"):
        raise RulesError(f"{where}: mode must be once or next_anniversary")
    earliest = tuple(raw.get("earliest_from") or ())
    if earliest and not raw.get("estimated"):
        raise RulesError(f"{where}: earliest_from needs an estimated text saying it is an estimate")
    return DeadlineRule(
        kind=kind,
        program=str(raw.get("program")),
        statuses=tuple(raw.get("statuses") or ()),
        base=tuple(base),
        years=int(add.get("years", 0)),
        days=int(add.get("days", 0)),
        mode=raw.get("mode", "once"),
        confidence=raw["confidence"],
        source_url=raw["source_url"],
        explanation=_text(raw.get("explanation"), f"{where}, explanation"),
        earliest_from=earliest,
        estimated=_text(raw["estimated"], f"{where}, estimated") if earliest else None,
        unless=tuple(raw.get("unless") or ()),
    )


def _card_rule(key: str, raw: dict[str, Any]) -> dict[str, Any]:
    where = f"driver card deadline {key}"
    months = raw.get("remind_months")
    if not isinstance(months, int) or months < 0:
        raise RulesError(f"{where}: remind_months must be a whole number of months")
    out = {**raw, "explanation": _text(raw.get("explanation"), where)}
    if raw.get("unconfirmed"):
        out["unconfirmed"] = _text(raw["unconfirmed"], f"{where}, unconfirmed")
    return out


def parse_rules(document: dict[str, Any]) -> Rules:
    if not isinstance(document, dict) or document.get("schema") != 1:
        raise RulesError("rules file: expected schema: 1 at the top")
    ports = tuple(document.get("fast_ports_into_canada") or ())
    active = tuple(document.get("active_statuses") or ())
    constants: dict[str, list[Any]] = {
        "active_statuses": list(active),
        "fast_ports_into_canada": [str(p["code"]) for p in ports],
    }
    programs = []
    for raw in document.get("programs") or []:
        code = str(raw.get("code") or "")
        if not code:
            raise RulesError("rules file: a program has no code")
        criteria = [_criterion(c, code, constants) for c in raw.get("criteria") or []]
        if not criteria:
            raise RulesError(f"program {code}: has no criteria")
        _check_versions(criteria, code)
        programs.append(
            Program(
                code=code,
                name=_text(raw.get("name"), f"program {code}, name"),
                summary=_text(raw.get("summary"), f"program {code}, summary"),
                source_url=str(raw.get("source_url") or ""),
                criteria=tuple(criteria),
            )
        )
    partners = []
    for raw in document.get("mra_partners") or []:
        where = f"MRA partner {raw.get('program')}"
        precision = raw.get("signed_on_precision", "day")
        if precision not in ("day", "month"):
            raise RulesError(f"{where}: signed_on_precision must be day or month")
        partners.append(
            {
                "program": _text(raw.get("program"), where),
                "signed_on": _date_or_none(raw.get("signed_on"), where),
                "signed_on_precision": precision,
                "confidence": raw.get("confidence"),
                "source_url": raw.get("source_url"),
            }
        )
    cards = {
        key: _card_rule(key, raw)
        for key, raw in (document.get("driver_card_deadlines") or {}).items()
    }
    return Rules(
        programs=tuple(programs),
        deadlines=tuple(_deadline(d) for d in document.get("deadlines") or []),
        driver_cards=cards,
        mra_partners=tuple(partners),
        fast_ports=ports,
        active_statuses=active,
    )


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    with open(path, encoding="utf-8") as handle:
        return parse_rules(yaml.safe_load(handle))
