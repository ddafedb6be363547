"""What an assessment says, as plain data: hashed when it is approved and rendered by the
report (PDF / Word). The same dict in both, so the signed hash covers what the report shows."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.utils import translation

from borderpro.risk import scoring, threats
from borderpro.risk.proposal import reason_text
from borderpro.risk.selectors import Workspace


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def assessment_content(ws: Workspace, *, language: str = "en") -> dict[str, Any]:
    a = ws.assessment
    size = ws.size
    with translation.override(language):
        label = lambda level: scoring.level_label(size, level)  # noqa: E731
        data: dict[str, Any] = {
            "language": language,
            "organization": a.organization.name,
            "year": a.year,
            "kind": a.kind,
            "trigger": a.trigger,
            "period": [a.period_start.isoformat(), a.period_end.isoformat()],
            "assessed_on": a.assessed_on.isoformat(),
            "review_due_on": a.review_due_on.isoformat() if a.review_due_on else None,
            "scope": a.scope,
            "participants": _lines(a.participants),
            "method": a.method,
            "framework": str(a.framework.short_name) if a.framework_id else "",  # type: ignore[union-attr]
            "matrix": a.matrix,
            "levels": [label(i) for i in range(size)],
            "flows": [
                {
                    "name": f.name,
                    "origin": f.origin,
                    "destination": f.destination,
                    "mode": str(f.get_mode_display()),
                    "crossings": f.crossing_list,
                    "stops": f.stop_list,
                    "partners": f.partner_list,
                    "cargo": f.cargo,
                    "data_flow": f.data_flow_list,
                }
                for f in ws.flows
            ],
            "threats": [
                {
                    "code": r.threat,
                    "name": threats.get(r.threat).name if threats.get(r.threat) else r.threat,  # type: ignore[union-attr]
                    "flow": r.flow.name if r.flow_id else "",  # type: ignore[union-attr]
                    "level": r.level,
                    "label": label(r.level),
                    "justification": r.justification,
                }
                for r in sorted(ws.ratings, key=lambda r: (r.flow_id is not None, r.threat))
            ],
            "vulnerabilities": [
                {
                    "category": f"{v.category.code} {v.category.title}",
                    "proposed": label(v.proposed_level),
                    "level": v.level,
                    "label": label(v.level),
                    "reasons": [reason_text(r) for r in v.reasons],
                    "justification": v.justification,
                }
                for v in ws.vulnerabilities
            ],
            "risks": [
                {
                    "flow": r.flow.name if r.flow is not None else "",
                    "threat": r.threat.name,
                    "category": f"{r.category.code} {r.category.title}",
                    "threat_label": label(r.threat_level),
                    "vulnerability_label": label(r.vulnerability_level),
                    "level": r.level,
                    "label": label(r.level),
                }
                for r in ws.risks
            ],
            "actions": [
                {
                    "title": x.title,
                    "detail": x.detail,
                    "owner": x.owner,
                    "due_on": x.due_on.isoformat(),
                    "status": str(x.get_status_display()),
                    "progress": 100 if x.status == "done" else x.progress,
                    "requirement": x.requirement.ref if x.requirement_id else "",  # type: ignore[union-attr]
                }
                for x in ws.actions
            ],
        }
    return data


def content_hash(ws: Workspace) -> str:
    """sha256 of the assessment's content (language-neutral: English labels)."""
    payload = json.dumps(assessment_content(ws, language="en"), sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()
