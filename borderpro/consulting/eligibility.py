"""The instant pre-eligibility summary of a quote request: the form's facts fed to the
programs engine (``programs.engine.evaluate``), each program's result and next step kept.

A prospect only tells what a short form asks, so most programs come out "incomplete": the
summary says what is known and what the consultant will check, never more.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from borderpro.programs.engine import evaluate

# the programs a prospect can ask about, in the engine's codes
PROGRAM_CHOICES = ("PIP", "FAST", "CTPAT", "LVS", "MRA")
ENGINE_CODES = {
    "PIP": ("PIP",),
    "FAST": ("FAST_INTO_CANADA", "FAST_INTO_US"),
    "CTPAT": ("CTPAT_HIGHWAY",),
    "LVS": ("LVS",),
    "MRA": ("MRA",),
}


def facts_from_request(
    *, lines_of_business: list[str], cross_border_since: int | None
) -> dict[str, Any]:
    """What the form tells, as the engine's facts: a Canadian highway carrier (a courier
    too when it says so) crossing to the U.S., since the year it gave."""
    business_types = ["highway_carrier"]
    if "courier" in lines_of_business:
        business_types.append("courier")
    organization: dict[str, Any] = {
        "country": "CA",
        "business_types": business_types,
        "border_crossings": ["CA-US"],
        "staffed_office_countries": ["CA"],
    }
    return {"organization": organization}


def pre_eligibility(
    *,
    programs: list[str],
    lines_of_business: list[str],
    cross_border_since: int | None,
    as_of: date,
    language: str,
) -> list[dict[str, Any]]:
    """One row per program asked about (every program when none is): its name, result,
    the engine's summary and the next step."""
    facts = facts_from_request(
        lines_of_business=lines_of_business, cross_border_since=cross_border_since
    )
    if cross_border_since:  # "crossing since": crossing still, up to today
        facts["organization"]["first_cross_border_movement"] = date(cross_border_since, 1, 1)
        facts["organization"]["last_cross_border_movement"] = as_of
    wanted = [c for p in (programs or PROGRAM_CHOICES) for c in ENGINE_CODES.get(p, ())]
    answer = evaluate(
        facts,
        as_of=as_of,
        lang=language,
        programs=wanted,
    )
    return [
        {
            "program": p["program"],
            "name": p["name"],
            "result": p["result"],
            "summary": p["summary"],
            "next_step": p["next_step"] or "",
            "source": p["source"],
        }
        for p in answer["programs"]
    ]
