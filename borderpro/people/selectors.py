"""Reads for people: employees with their cards, in a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from borderpro.people.models import DriverCard, Employee


def employee_list(
    organization: Any, *, q: str = "", role: str = "", active: str = ""
) -> QuerySet[Employee]:
    qs = Employee.objects.filter(organization=organization).prefetch_related(
        Prefetch(
            "cards",
            queryset=DriverCard.objects.filter(organization=organization).order_by(
                "kind", "-expires_on"
            ),
        )
    )
    if q:
        qs = qs.filter(full_name__icontains=q)
    if role:
        qs = qs.filter(role=role)
    if active in ("yes", "no"):
        qs = qs.filter(active=active == "yes")
    return qs.order_by("full_name")


def driver_cards(organizations: list[Any]) -> QuerySet[DriverCard]:
    """Cards of active drivers of these organizations (for eligibility and deadlines)."""
    return (
        DriverCard.objects.filter(organization__in=organizations, employee__active=True)
        .select_related("employee")
        .order_by("organization_id", "employee__full_name", "kind", "-expires_on")
    )


def latest_cards(employee: Employee) -> dict[str, DriverCard]:
    """The newest card of each kind (only the newest card is accepted at the border)."""
    out: dict[str, DriverCard] = {}
    for card in employee.cards.all():
        current = out.get(card.kind)
        if current is None or card.expires_on > current.expires_on:
            out[card.kind] = card
    return out
