"""The security profile's card on the organization overview: latest readiness per framework."""

from __future__ import annotations

from typing import Any

from borderpro.profiles.models import ReadinessPoint
from borderpro.profiles.selectors.workspace import frameworks_pursued


def readiness_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("profiles.view"):
        return None
    frameworks = frameworks_pursued(request.org)
    latest: dict[Any, ReadinessPoint] = {}
    points = ReadinessPoint.objects.filter(
        organization=request.org, framework__in=[f.pk for f in frameworks]
    ).order_by("framework_id", "-day")
    for point in points.only("framework_id", "day", "score", "must_score", "gaps")[:200]:
        latest.setdefault(point.framework_id, point)
    return {"rows": [(framework, latest.get(framework.pk)) for framework in frameworks]}
