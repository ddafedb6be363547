"""The rules file: every rule complete and bilingual, every criterion's met / not met / unknown."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest
import yaml

from borderpro.programs.engine import evaluate
from borderpro.programs.labels import source_url
from borderpro.programs.rules import RULES_FILE, RulesError, judge, load_rules, parse_rules

RULES = load_rules()
CRITERIA = [c for p in RULES.programs for c in p.criteria]


def _id(c: Any) -> str:
    return f"{c.id}@{c.effective_from or ''}-{c.effective_to or ''}"


def test_every_program_is_covered() -> None:
    assert RULES.codes == ["PIP", "FAST_INTO_CANADA", "FAST_INTO_US", "LVS", "CTPAT_HIGHWAY", "MRA"]


@pytest.mark.parametrize("criterion", CRITERIA, ids=_id)
def test_every_rule_has_both_languages_a_source_and_a_confidence(criterion: Any) -> None:
    for key in ("met", "not_met", "unknown"):
        assert criterion.explanation[key]["en"].strip() and criterion.explanation[key]["fr"].strip()
        assert criterion.explanation[key]["en"] != criterion.explanation[key]["fr"]
    assert criterion.next_step["en"].strip() and criterion.next_step["fr"].strip()
    assert criterion.source_url.startswith("https://") or criterion.source_url.startswith("http://")
    assert criterion.confidence in ("confirmed", "third-party", "inferred", "dated", "unconfirmed")
    assert criterion.facts


def _as_of(example: dict[str, Any], criterion: Any) -> date:
    if example.get("as_of"):
        return date.fromisoformat(example["as_of"])
    return criterion.effective_from or date(2026, 11, 27)


@pytest.mark.parametrize("criterion", CRITERIA, ids=_id)
@pytest.mark.parametrize("expected", ["met", "not_met"])
def test_each_criterion_meets_its_examples(criterion: Any, expected: str) -> None:
    example = copy.deepcopy(criterion.examples.get(expected))
    assert example is not None, f"{criterion.id} needs a {expected} example"
    as_of = _as_of(example, criterion)
    example.pop("as_of", None)
    assert judge(criterion.test, example, as_of) == expected


@pytest.mark.parametrize("criterion", CRITERIA, ids=_id)
def test_each_criterion_is_unknown_without_its_facts(criterion: Any) -> None:
    assert judge(criterion.test, {}, date(2026, 11, 27)) == "unknown"


@pytest.mark.parametrize("criterion", CRITERIA, ids=_id)
def test_every_result_names_its_criterion_source_and_date_in_both_languages(criterion: Any) -> None:
    example = copy.deepcopy(criterion.examples["not_met"])
    as_of = _as_of(example, criterion)
    example.pop("as_of", None)
    example.setdefault("crossing", {"direction": "into_canada"})
    for lang in ("en", "fr"):
        answer = evaluate(example, as_of=as_of, lang=lang)
        program = next(p for p in answer["programs"] if p["program"] == criterion.program)
        row = next(c for c in program["criteria"] if c["id"] == criterion.id)
        shown = "not_met" if row["result"] == "not_applicable" else row["result"]
        assert row["explanation"] == criterion.explanation[shown][lang]
        assert row["source"] == source_url(criterion.source_url, lang)
        assert answer["as_of"] == as_of.isoformat()


def _document() -> dict[str, Any]:
    with open(RULES_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def test_a_rule_without_french_is_refused_with_its_name() -> None:
    doc = _document()
    del doc["programs"][0]["criteria"][0]["explanation"]["met"]["fr"]
    with pytest.raises(RulesError, match=r"pip.line_of_business.*French"):
        parse_rules(doc)


def test_a_rule_without_a_source_is_refused() -> None:
    doc = _document()
    doc["programs"][0]["criteria"][1]["source_url"] = ""
    with pytest.raises(RulesError, match=r"pip.canadian_presence.*source_url"):
        parse_rules(doc)


def test_an_unknown_operator_is_refused() -> None:
    doc = _document()
    doc["programs"][0]["criteria"][2]["test"] = {"op": "greater_than", "fact": "organization.x"}
    with pytest.raises(RulesError, match=r"pip.facilities.*op"):
        parse_rules(doc)


def test_overlapping_versions_are_refused() -> None:
    doc = _document()
    fast = doc["programs"][1]
    fast["criteria"][1]["effective_to"] = "2020-06-30"
    with pytest.raises(RulesError, match=r"fast_ca.carrier_pip.*overlap"):
        parse_rules(doc)


def test_three_valued_logic() -> None:
    met = {"op": "is_true", "fact": "a"}
    miss = {"op": "is_true", "fact": "missing"}
    bad = {"op": "is_true", "fact": "b"}
    facts = {"a": True, "b": False}
    on = date(2026, 1, 1)
    assert judge({"op": "all_of", "tests": [met, miss]}, facts, on) == "unknown"
    assert judge({"op": "all_of", "tests": [bad, miss]}, facts, on) == "not_met"
    assert judge({"op": "any_of", "tests": [met, miss]}, facts, on) == "met"
    assert judge({"op": "any_of", "tests": [bad, miss]}, facts, on) == "unknown"
    assert judge({"op": "any_of", "tests": [bad, bad]}, facts, on) == "not_met"
