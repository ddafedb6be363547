"""Step 4: the risks of an assessment, computed from its ratings through its matrix.

A risk is one flow × one threat × one catalogue category that counters the threat: the
threat level (the flow's own rating, else the assessment-wide one) and the category's
vulnerability level give the risk level. Nothing here queries the database.
"""  # noqa: RUF002

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from borderpro.risk import scoring, threats
from borderpro.risk.threats import Threat


@dataclass(frozen=True)
class Risk:
    flow: Any  # Flow or None (assessment-wide, when there is no flow)
    threat: Threat
    threat_level: int
    category: Any
    vulnerability: Any
    vulnerability_level: int
    level: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (str(getattr(self.flow, "pk", "")), self.threat.code, str(self.category.pk))


def compute(
    *,
    matrix: scoring.Matrix,
    framework_code: str,
    flows: Iterable[Any],
    ratings: Iterable[Any],
    vulnerabilities: Iterable[Any],
) -> list[Risk]:
    """Every risk, highest first."""
    overall: dict[str, Any] = {}
    per_flow: dict[tuple[Any, str], Any] = {}
    for rating in ratings:
        if rating.flow_id is None:
            overall[rating.threat] = rating
        else:
            per_flow[(rating.flow_id, rating.threat)] = rating
    vulns = list(vulnerabilities)
    risks: list[Risk] = []
    for flow in list(flows) or [None]:
        for threat in threats.library():
            rating = per_flow.get((getattr(flow, "pk", None), threat.code)) or overall.get(
                threat.code
            )
            if rating is None:
                continue
            counters = threat.counters(framework_code)
            for vuln in vulns:
                if counters is not None and vuln.category.code not in counters:
                    continue
                risks.append(
                    Risk(
                        flow=flow,
                        threat=threat,
                        threat_level=rating.level,
                        category=vuln.category,
                        vulnerability=vuln,
                        vulnerability_level=vuln.level,
                        level=matrix.score(rating.level, vuln.level),
                    )
                )
    risks.sort(
        key=lambda r: (
            -r.level,
            -r.threat_level,
            -r.vulnerability_level,
            getattr(r.flow, "position", 0),
            getattr(r.flow, "name", ""),
            r.threat.code,
            r.category.position,
            r.category.code,
        )
    )
    return risks


def heat_counts(risks: Iterable[Risk], size: int) -> list[list[int]]:
    """counts[threat][vulnerability]: how many risks sit in each cell."""
    counts = [[0] * size for _ in range(size)]
    for risk in risks:
        counts[risk.threat_level][risk.vulnerability_level] += 1
    return counts


def by_level(risks: Iterable[Risk], size: int) -> list[int]:
    totals = [0] * size
    for risk in risks:
        totals[risk.level] += 1
    return totals
