"""The partner rules: the risk rating is bounded, certification never raises it, and every
level has a re-screening cadence."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from borderpro.partners import rules

kinds = st.sampled_from(sorted(rules.KIND_POINTS))
countries = st.sampled_from(["CA", "US", "MX", "FR", "CN", "ca", ""])
outcomes = st.sampled_from(["", *rules.OUTCOME_POINTS])


@given(kind=kinds, country=countries, certified=st.booleans(), outcome=outcomes)
def test_the_score_is_bounded_and_the_level_follows_it(
    kind: str, country: str, certified: bool, outcome: str
) -> None:
    rating = rules.rate(kind=kind, country=country, certified=certified, outcome=outcome)
    assert 0 <= rating.score <= rules.MAX_SCORE
    assert rating.level in rules.LEVELS
    assert rating.level == (
        "high" if rating.score >= 4 else "medium" if rating.score >= 2 else "low"
    )


@given(kind=kinds, country=countries, outcome=outcomes)
def test_a_current_certification_never_raises_risk(kind: str, country: str, outcome: str) -> None:
    with_cert = rules.rate(kind=kind, country=country, certified=True, outcome=outcome)
    without = rules.rate(kind=kind, country=country, certified=False, outcome=outcome)
    assert with_cert.score <= without.score


@given(kind=kinds, country=countries, certified=st.booleans())
def test_a_worse_outcome_never_lowers_risk(kind: str, country: str, certified: bool) -> None:
    scores = [
        rules.rate(kind=kind, country=country, certified=certified, outcome=o).score
        for o in ("approved", "approved_conditions", "corrective_action")
    ]
    assert scores == sorted(scores)


@given(screened=st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)))
def test_higher_risk_is_screened_sooner(screened: date) -> None:
    due = {level: rules.next_screening(screened, level) for level in rules.LEVELS}
    assert screened < due["high"] <= due["medium"] <= due["low"]


def test_the_reasons_name_what_raised_the_risk() -> None:
    with translation.override("en"):
        rating = rules.rate(kind="sub_carrier", country="MX", certified=False, outcome="")
    assert rating.level == "high"
    assert "based outside Canada and the United States" in rating.reasons
    assert "not certified and never screened" in rating.reasons


def test_screening_state() -> None:
    today = date(2026, 6, 1)
    assert rules.screening_state(certified=True, next_due=None, today=today) == "certified"
    assert rules.screening_state(certified=False, next_due=None, today=today) == "unscreened"
    assert rules.screening_state(certified=False, next_due=today, today=today) == "screened"
    yesterday = today - timedelta(days=1)
    assert rules.screening_state(certified=False, next_due=yesterday, today=today) == "overdue"


def test_every_program_carries_its_source_and_confidence() -> None:
    for program in rules.PROGRAMS:
        assert program.source and program.confidence in ("confirmed", "third-party")
    assert {"pip", "ctpat", "eu_aeo", "mx_neec"} <= rules.RECOGNISED
    assert "other" not in rules.RECOGNISED
