"""Reads for the evidence vault."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q, QuerySet
from django_scopes import scopes_disabled

from borderpro.evidence.models import EvidenceFile

EXPIRING_DAYS = 60


ORIGINS = ("document", "field", "all")


def _of_origin(qs: QuerySet[EvidenceFile], origin: str) -> QuerySet[EvidenceFile]:
    """Documents by default; field attachments (photos, drawn signatures) only when asked."""
    if origin == "all":
        return qs
    return qs.filter(origin=origin if origin in ORIGINS else EvidenceFile.Origin.DOCUMENT)


def evidence_list(
    organization: Any,
    *,
    today: date,
    q: str = "",
    state: str = "",
    archived: bool = False,
    origin: str = "document",
) -> QuerySet[EvidenceFile]:
    qs = _of_origin(
        EvidenceFile.objects.filter(organization=organization, archived_at__isnull=not archived),
        origin,
    )
    if q:
        qs = qs.filter(
            Q(title__icontains=q)
            | Q(description__icontains=q)
            | Q(original_name__icontains=q)
            | Q(proves__icontains=q)
        )
    if state == "expired":
        qs = qs.filter(expires_on__lt=today)
    elif state == "expiring":
        qs = qs.filter(expires_on__gte=today, expires_on__lte=today + timedelta(days=EXPIRING_DAYS))
    elif state == "valid":
        qs = qs.filter(
            Q(expires_on__isnull=True) | Q(expires_on__gt=today + timedelta(days=EXPIRING_DAYS))
        )
    return qs.select_related("uploaded_by").order_by("-created_at")


def linkable(organization: Any, *, origin: str = "document") -> QuerySet[EvidenceFile]:
    """What the "link evidence" pickers offer: current documents (field attachments if asked)."""
    current = EvidenceFile.objects.filter(organization=organization, archived_at__isnull=True)
    return _of_origin(current, origin).order_by("title")


def summary(organization: Any, *, today: date) -> dict[str, int]:
    soon = today + timedelta(days=EXPIRING_DAYS)
    return EvidenceFile.objects.filter(
        organization=organization, archived_at__isnull=True, origin=EvidenceFile.Origin.DOCUMENT
    ).aggregate(
        total=Count("id"),
        expired=Count("id", filter=Q(expires_on__lt=today)),
        expiring=Count("id", filter=Q(expires_on__gte=today, expires_on__lte=soon)),
    )


def counts_by_organization(organization_ids: list[Any]) -> dict[Any, int]:
    """For a consultant's portfolio: one grouped query across the clients it may see."""
    with scopes_disabled():
        rows = (
            EvidenceFile.objects.filter(
                organization_id__in=organization_ids,
                archived_at__isnull=True,
                origin=EvidenceFile.Origin.DOCUMENT,
            )
            .values("organization_id")
            .annotate(n=Count("id"))
        )
        return {row["organization_id"]: row["n"] for row in rows}
