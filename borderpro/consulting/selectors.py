"""Reads of the consulting front office; each takes the consultancy (or client) explicitly."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from borderpro.consulting.milestones import reached_on
from borderpro.consulting.models import (
    Engagement,
    Milestone,
    ProspectRequest,
    Quote,
    Service,
    TimeEntry,
)
from borderpro.organizations.models import Organization

OPEN_STATUSES = ("new", "assigned", "answered", "quoted")


def public_consultancy(code: str) -> Organization | None:
    return Organization.objects.filter(
        code=code, kind=Organization.Kind.CONSULTANCY, is_active=True
    ).first()


def offered_services(consultancy: Organization) -> QuerySet[Service]:
    return Service._base_manager.filter(organization=consultancy, active=True).order_by(
        "order", "name"
    )


def services_of(consultancy: Organization) -> QuerySet[Service]:
    return Service.objects.filter(organization=consultancy).prefetch_related("sizing_rules")


def inbox(
    consultancy: Organization, *, status: str = "", q: str = "", assignee: Any = None
) -> QuerySet[ProspectRequest]:
    rows = ProspectRequest.objects.filter(organization=consultancy).select_related(
        "assigned_to", "client"
    )
    if status == "open":
        rows = rows.filter(status__in=OPEN_STATUSES)
    elif status:
        rows = rows.filter(status=status)
    if assignee is not None:
        rows = rows.filter(assigned_to=assignee)
    if q:
        rows = rows.filter(
            Q(company__icontains=q)
            | Q(contact_name__icontains=q)
            | Q(email__icontains=q)
            | Q(reference__iexact=q)
        )
    return rows


def inbox_counts(consultancy: Organization) -> dict[str, int]:
    counts = dict(
        ProspectRequest.objects.filter(organization=consultancy)
        .values_list("status")
        .annotate(n=Count("id"))
    )
    counts["open"] = sum(counts.get(s, 0) for s in OPEN_STATUSES)
    return counts


def request_detail(consultancy: Organization) -> QuerySet[ProspectRequest]:
    return (
        ProspectRequest.objects.filter(organization=consultancy)
        .select_related("assigned_to", "client")
        .prefetch_related("services", "thread__author", "quotes")
    )


def quote_detail(consultancy: Organization) -> QuerySet[Quote]:
    return (
        Quote.objects.filter(organization=consultancy)
        .select_related("request", "organization")
        .prefetch_related("lines")
    )


def engagements_of(consultancy: Organization) -> QuerySet[Engagement]:
    return (
        Engagement.objects.filter(organization=consultancy)
        .select_related("client")
        .annotate(
            hours_logged=Sum("time__hours"),
            milestones_total=Count("milestones", distinct=True),
        )
        # explicit: the model's ordering is dropped from a grouped (annotated) query
        .order_by("-started_on", "-created_at", "pk")
    )


def engagement_detail(consultancy: Organization) -> QuerySet[Engagement]:
    return (
        Engagement.objects.filter(organization=consultancy)
        .select_related("client", "quote")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("order", "created_at")),
            Prefetch("time", queryset=TimeEntry.objects.select_related("user")),
        )
    )


def engagements_for_client(client: Organization) -> list[Engagement]:
    """The engagements consultancies run for ``client`` (rows owned by the consultancies,
    read from the client's side: the base manager with the client named explicitly)."""
    rows: list[Engagement] = list(
        Engagement._base_manager.filter(client=client)
        .exclude(status=Engagement.Status.CANCELLED)
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "milestones",
                queryset=Milestone._base_manager.order_by("order", "created_at"),
            )
        )
        .annotate(hours_logged=Sum("time__hours"))
    )
    attach_milestone_states(rows)
    return rows


def attach_milestone_states(engagements: Sequence[Engagement]) -> None:
    """``milestone.reached`` (a day or None) on every milestone: ticked by hand, or the
    client's event recorded since the engagement started."""
    events = reached_on(engagements)
    for engagement in engagements:
        reached = 0
        for milestone in engagement.milestones.all():
            milestone.reached = milestone.done_on or (  # type: ignore[attr-defined]
                events.get((engagement.client_id, milestone.verb)) if milestone.verb else None
            )
            reached += milestone.reached is not None  # type: ignore[attr-defined]
        engagement.milestones_reached = reached  # type: ignore[attr-defined]


def engagements_with_hours(consultancy: Organization) -> QuerySet[Engagement]:
    return (
        Engagement.objects.filter(organization=consultancy)
        .select_related("client", "organization")
        .prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("order", "created_at"))
        )
        .annotate(hours_logged=Sum("time__hours"))
    )
