"""The risk assessment's card on the organization overview."""

from __future__ import annotations

from typing import Any

from borderpro.risk import selectors
from borderpro.risk.models import Assessment


def risk_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("risk.view"):
        return None
    org = request.org
    today = org.local_today()
    latest = Assessment.objects.filter(organization=org).order_by("-year", "-created_at").first()
    approved = selectors.latest_approved(org)
    return {
        "latest": latest,
        "approved": approved,
        "overdue": selectors.overdue_actions([org], today).count(),
        "review_late": bool(approved and approved.review_due_on and approved.review_due_on < today),
        "today": today,
    }
