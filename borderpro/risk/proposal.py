"""Step 3: a vulnerability level proposed for one catalogue category from the security
profile, with the reasons listed. Pure: it reads plain facts, not the database.

Each applicable requirement weighs by what the profile says of it: implemented with
evidence 0, implemented without evidence 1, partly done 2, not started or not implemented
4 (a *must* counts double). The mean weight, on the assessment's scale, is the proposal.
A category with no answer at all is proposed at the highest level: nothing shows a control.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

GAP = ("not_started", "not_implemented")
PARTIAL = ("partial", "in_progress")
MAX_WEIGHT = 4


@dataclass(frozen=True)
class RequirementFact:
    ref: str
    level: str  # must / should
    status: str  # profiles.Status value
    evidence: int  # evidence files linked to the response


@dataclass
class Proposal:
    level: int
    # reasons as data ({"key", "n", "refs"}), told in the reader's language by reason_text()
    reasons: list[dict[str, Any]] = field(default_factory=list)


def reason_text(reason: Any) -> str:
    """One reason in the current language."""
    if isinstance(reason, str):  # written before reasons were stored as data
        return reason
    texts = {
        "unanswered": _("No requirement of this category is answered in the security profile."),
        "gap_must": _("Raises: %(n)s must requirement(s) not in place (%(refs)s)."),
        "gap": _("Raises: %(n)s should requirement(s) not in place (%(refs)s)."),
        "partial": _("Raises: %(n)s requirement(s) only partly in place (%(refs)s)."),
        "bare": _("Raises slightly: %(n)s implemented without evidence (%(refs)s)."),
        "proved": _("Lowers: %(n)s implemented with evidence (%(refs)s)."),
    }
    text = texts.get(reason.get("key", ""), "")
    return text % {"n": reason.get("n", 0), "refs": reason.get("refs", "")} if "%" in text else text


def _weight(fact: RequirementFact) -> int:
    if fact.status == "implemented":
        return 0 if fact.evidence else 1
    if fact.status in PARTIAL:
        return 2
    return MAX_WEIGHT


def _refs(facts: list[RequirementFact]) -> str:
    shown = ", ".join(f.ref for f in facts[:6])
    return shown + (" …" if len(facts) > 6 else "")


def propose(facts: Iterable[RequirementFact], size: int) -> Proposal:
    """The proposed level (0 .. size-1) and why."""
    applicable = [f for f in facts if f.status != "not_applicable"]
    if not applicable:
        return Proposal(size - 1, [{"key": "unanswered"}])
    total = weight = 0
    for fact in applicable:
        factor = 2 if fact.level == "must" else 1
        total += MAX_WEIGHT * factor
        weight += _weight(fact) * factor
    level = min(size - 1, round(weight / total * (size - 1)))
    groups = {
        "gap_must": [f for f in applicable if f.status in GAP and f.level == "must"],
        "gap": [f for f in applicable if f.status in GAP and f.level != "must"],
        "partial": [f for f in applicable if f.status in PARTIAL],
        "bare": [f for f in applicable if f.status == "implemented" and not f.evidence],
        "proved": [f for f in applicable if f.status == "implemented" and f.evidence],
    }
    reasons = [
        {"key": key, "n": len(items), "refs": _refs(items)}
        for key, items in groups.items()
        if items
    ]
    return Proposal(level, reasons)
