"""The vault's figures on the organization overview, and its column in the client table."""

from __future__ import annotations

from typing import Any

from borderpro.evidence.selectors import counts_by_organization, summary


def evidence_summary(request: Any) -> dict[str, Any] | None:
    return {"summary": summary(request.org, today=request.org.local_today())}


def evidence_counts(client_ids: list[Any]) -> dict[Any, int]:
    return counts_by_organization(client_ids)
