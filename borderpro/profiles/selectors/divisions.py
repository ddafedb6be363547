"""Reads for security profiles per division: the list, and the latest readiness of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from borderpro.profiles.models import ReadinessPoint, SecurityProfile


@dataclass(frozen=True)
class DivisionReadiness:
    """One security profile with its latest readiness point per framework code."""

    security_profile: SecurityProfile
    points: dict[str, ReadinessPoint]

    @property
    def pip(self) -> ReadinessPoint | None:
        return self.points.get("PIP")


def security_profiles(organization: Any) -> list[SecurityProfile]:
    return list(
        SecurityProfile.objects.filter(organization=organization)
        .select_related("division")
        .order_by("-is_primary", "created_at")
    )


def division_readiness(organizations: list[Any]) -> dict[Any, list[DivisionReadiness]]:
    """Organization id → its security profiles (main first) with their latest readiness per
    framework, in two queries whatever the number of organizations and divisions."""
    ids = [o.pk for o in organizations]
    profiles = (
        SecurityProfile.objects.filter(organization_id__in=ids)
        .select_related("division")
        .order_by("organization_id", "-is_primary", "created_at")
    )
    latest: dict[Any, dict[str, ReadinessPoint]] = {}
    points = (
        ReadinessPoint.objects.filter(organization_id__in=ids, framework__is_current=True)
        .select_related("framework")
        .only(
            "security_profile_id",
            "day",
            "score",
            "must_score",
            "gaps",
            "framework__code",
            "framework__is_current",
        )
        .order_by("security_profile_id", "-day")
    )
    for point in points:
        latest.setdefault(point.security_profile_id, {}).setdefault(point.framework.code, point)
    out: dict[Any, list[DivisionReadiness]] = {pk: [] for pk in ids}
    for profile in profiles:
        out[profile.organization_id].append(
            DivisionReadiness(security_profile=profile, points=latest.get(profile.pk, {}))
        )
    return out
