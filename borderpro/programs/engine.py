"""The eligibility engine: a facts document and a date in, explained results out.

Pure functions, no database: the same engine answers the API, the command, the pages and
the what-if form. Every criterion result carries its explanation, source, confidence, the
rule version's effective dates and the facts it read, so any result can be traced.
"""

from __future__ import annotations

import calendar
import copy
import json
from datetime import date
from typing import Any

from borderpro.programs import dates
from borderpro.programs.labels import source_url
from borderpro.programs.rules import (
    MET,
    MISSING,
    NOT_APPLICABLE,
    NOT_MET,
    UNKNOWN,
    Criterion,
    DeadlineRule,
    Program,
    Rules,
    _as_date,
    judge,
    load_rules,
    lookup,
)

ELIGIBLE, NOT_ELIGIBLE, INCOMPLETE = "eligible", "not_eligible", "incomplete"
# The membership that makes a carrier a member of the program itself (FAST and mutual
# recognition are what a PIP or C-TPAT membership opens, not memberships of their own).
OWN_MEMBERSHIP = {"PIP": "PIP", "CTPAT_HIGHWAY": "CTPAT", "LVS": "LVS"}
TRIP_SECTIONS = ("crossing", "driver", "importer")
DUE_SOON_DAYS = 90


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def has_trip(facts: dict[str, Any]) -> bool:
    return any(facts.get(section) for section in TRIP_SECTIONS)


def evaluate_criterion(
    criterion: Criterion, facts: dict[str, Any], as_of: date, lang: str, notes: dict[str, Any]
) -> dict[str, Any]:
    result = judge(criterion.test, facts, as_of)
    if criterion.gate and result == NOT_MET:
        result = NOT_APPLICABLE
    read = {}
    for path in criterion.facts:
        value = lookup(facts, path)
        read[path] = None if value is MISSING or value is None else _plain(value)
    row = {
        "id": criterion.id,
        "result": result,
        "explanation": criterion.explanation[NOT_MET if result == NOT_APPLICABLE else result][lang],
        "source": source_url(criterion.source_url, lang),
        "confidence": criterion.confidence,
        "next_step": None if result in (MET, NOT_APPLICABLE) else criterion.next_step[lang],
        "fix": criterion.fix,
        "scope": criterion.scope,
        "facts": read,
        "effective_from": _plain(criterion.effective_from),
        "effective_to": _plain(criterion.effective_to),
    }
    derived = [notes[p][lang] for p in criterion.facts if p in notes]
    if derived:
        row["derivation"] = derived
    return row


def program_result(criteria: list[dict[str, Any]]) -> str:
    results = {c["result"] for c in criteria}
    if NOT_APPLICABLE in results:
        return NOT_APPLICABLE
    if NOT_MET in results:
        return NOT_ELIGIBLE
    if UNKNOWN in results:
        return INCOMPLETE
    return ELIGIBLE


def evaluate_program(
    program: Program,
    facts: dict[str, Any],
    as_of: date,
    lang: str,
    notes: dict[str, Any],
    rules: Rules,
) -> dict[str, Any]:
    trip = has_trip(facts)
    criteria = [
        evaluate_criterion(c, facts, as_of, lang, notes)
        for c in program.criteria
        if c.applies_on(as_of) and (trip or c.scope == "carrier") and c.judged_for(facts, as_of)
    ]
    result = program_result(criteria)
    first_open = (
        None
        if result == NOT_APPLICABLE
        else next((c for c in criteria if c["result"] == NOT_MET), None)
        or next((c for c in criteria if c["result"] == UNKNOWN), None)
    )
    own = OWN_MEMBERSHIP.get(program.code)
    status = ((facts.get("memberships") or {}).get(own) or {}).get("status") if own else None
    out: dict[str, Any] = {
        "program": program.code,
        "name": program.name[lang],
        "summary": program.summary[lang],
        "source": source_url(program.source_url, lang),
        "result": result,
        # A member sees its membership first; ``result`` is then what a re-application or a
        # what-if would get.
        "member": status in rules.active_statuses,
        "membership": {"program": own, "status": status or "none"} if own else None,
        "scope": "trip" if any(c["scope"] == "trip" for c in criteria) else "carrier",
        "criteria": criteria,
        "blocking": [c["id"] for c in criteria if c["result"] == NOT_MET],
        "missing": [c["id"] for c in criteria if c["result"] == UNKNOWN],
        "next_step": first_open["next_step"] if first_open else None,
        "next_fix": first_open["fix"] if first_open else None,
    }
    if program.code == "MRA":
        out["recognised_by"] = (
            [
                {
                    "program": p["program"][lang],
                    "signed_on": _plain(p["signed_on"]),
                    # month: the day of signing is not known; show month and year only
                    "signed_on_precision": p["signed_on_precision"],
                    "confidence": p["confidence"],
                    "source": p["source_url"],
                }
                for p in rules.mra_partners
                if p["signed_on"] is None or p["signed_on"] <= as_of
            ]
            if result == ELIGIBLE
            else []
        )
    return out


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _status(due: date, as_of: date, kind: str = "", remind_from: date | None = None) -> str:
    if due < as_of:
        return "open" if kind.endswith("_window") else "overdue"
    if remind_from is not None:
        return "due_soon" if as_of >= remind_from else "upcoming"
    return "due_soon" if (due - as_of).days <= DUE_SOON_DAYS else "upcoming"


def _deadline_row(
    program: str,
    kind: str,
    due: date,
    as_of: date,
    text: str,
    rule: Any,
    lang: str,
    remind_from: date | None = None,
) -> dict[str, Any]:
    row = {
        "program": program,
        "kind": kind,
        "due": due.isoformat(),
        "days_left": dates.days_between(as_of, due),
        "status": _status(due, as_of, kind, remind_from),
        "explanation": text,
        "source": source_url(
            rule["source_url"] if isinstance(rule, dict) else rule.source_url, lang
        ),
        "confidence": rule["confidence"] if isinstance(rule, dict) else rule.confidence,
    }
    if remind_from is not None:
        row["remind_from"] = remind_from.isoformat()
    return row


def _first_date(membership: dict[str, Any], keys: tuple[str, ...]) -> date | None:
    return next((_as_date(membership[k]) for k in keys if _as_date(membership.get(k))), None)


def membership_deadline_estimated(
    rule: DeadlineRule, membership: dict[str, Any], as_of: date
) -> tuple[date | None, bool]:
    """The deadline, and whether it is only the earliest possible one (its base date unknown)."""
    if membership.get("status") not in rule.statuses or _first_date(membership, rule.unless):
        return None, False
    base, estimated = _first_date(membership, rule.base), False
    if base is None:
        base, estimated = _first_date(membership, rule.earliest_from), True
    if base is None:
        return None, False
    if rule.mode == "next_anniversary":
        base = dates.next_anniversary(base, as_of)
    return dates.add_days(dates.add_years(base, rule.years), rule.days), estimated


def membership_deadline(rule: DeadlineRule, membership: dict[str, Any], as_of: date) -> date | None:
    return membership_deadline_estimated(rule, membership, as_of)[0]


def deadlines(facts: dict[str, Any], as_of: date, lang: str, rules: Rules) -> list[dict[str, Any]]:
    rows = []
    memberships = facts.get("memberships") or {}
    for rule in rules.deadlines:
        due, estimated = membership_deadline_estimated(
            rule, memberships.get(rule.program) or {}, as_of
        )
        if due is not None:
            row = _deadline_row(
                rule.program, rule.kind, due, as_of, rule.explanation[lang], rule, lang
            )
            if estimated and rule.estimated:
                row["estimated"] = True
                row["explanation"] = f"{row['explanation']} {rule.estimated[lang]}"
            rows.append(row)
    drivers = list(facts.get("drivers") or [])
    if facts.get("driver"):
        drivers.append(facts["driver"])
    for driver in drivers:
        name = driver.get("name") or ("the driver" if lang == "en" else "le chauffeur")
        for key in ("fast", "cdrp"):
            expires = _as_date(driver.get(f"{key}_card_expires"))
            card_rule = rules.driver_cards.get(key)
            if expires is None or card_rule is None:
                continue
            text = card_rule["explanation"][lang].format(name=name)
            remind = months_before(expires, card_rule["remind_months"])
            row = _deadline_row(
                "FAST", card_rule["kind"], expires, as_of, text, card_rule, lang, remind
            )
            if card_rule.get("unconfirmed"):
                row["unconfirmed"] = card_rule["unconfirmed"][lang]
            rows.append(row)
    return sorted(rows, key=lambda r: (r["due"], r["kind"], r["explanation"]))


def evaluate(
    facts: dict[str, Any],
    *,
    as_of: date,
    lang: str = "en",
    notes: dict[str, Any] | None = None,
    programs: list[str] | None = None,
    rules: Rules | None = None,
) -> dict[str, Any]:
    """Judge every program (or ``programs``) on ``as_of``; also list the derived deadlines."""
    rules = rules or load_rules()
    lang = lang if lang in ("en", "fr") else "en"
    notes = notes or {}
    chosen = [p for p in rules.programs if programs is None or p.code in programs]
    return {
        "as_of": as_of.isoformat(),
        "language": lang,
        "programs": [evaluate_program(p, facts, as_of, lang, notes, rules) for p in chosen],
        "deadlines": deadlines(facts, as_of, lang, rules),
    }


def merge(facts: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``facts`` with ``overrides`` laid over it, section by section (for what-if questions)."""
    out = copy.deepcopy(facts)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, str]]:
    """Programs whose result differs between two evaluations."""
    old = {p["program"]: p for p in before["programs"]}
    out = []
    for program in after["programs"]:
        previous = old.get(program["program"])
        if previous and previous["result"] != program["result"]:
            out.append(
                {
                    "program": program["program"],
                    "name": program["name"],
                    "before": previous["result"],
                    "after": program["result"],
                }
            )
    return out


def render_json(answer: dict[str, Any]) -> str:
    """The one serialisation the API and the command share: byte-identical for the same facts."""
    return json.dumps(answer, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
