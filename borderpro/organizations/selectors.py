"""Reads for organizations: members, clients, activity."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from borderpro.organizations.models import (
    Activity,
    ClientLink,
    ConsultantAssignment,
    Invitation,
    Membership,
    Organization,
)


def members_of(organization: Organization) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(organization=organization)
        .select_related("user")
        .order_by("user__full_name", "user__email")
    )


def open_invitations(organization: Organization) -> list[Invitation]:
    return [
        i
        for i in Invitation.objects.filter(
            organization=organization, accepted_at=None, revoked_at=None
        ).select_related("invited_by")
        if i.is_open
    ]


def client_links(
    consultancy: Organization, *, user: Any = None, q: str = ""
) -> QuerySet[ClientLink]:
    links = (
        ClientLink.objects.filter(consultancy=consultancy)
        .select_related("client")
        .prefetch_related(
            Prefetch("assignments", queryset=ConsultantAssignment.objects.select_related("user"))
        )
    )
    if user is not None:
        links = links.filter(assignments__user=user)
    if q:
        links = links.filter(client__name__icontains=q)
    return links.order_by("client__name")


def recent_activity(organization: Organization, limit: int = 10) -> QuerySet[Activity]:
    return (
        Activity.objects.filter(organization=organization)
        .select_related("recorded_by")
        .order_by("-seq")[:limit]
    )


def member_counts(organization_ids: list[Any]) -> dict[Any, int]:
    rows = (
        Membership.objects.filter(organization_id__in=organization_ids)
        .values("organization_id")
        .annotate(n=Count("id"))
    )
    return {row["organization_id"]: row["n"] for row in rows}
