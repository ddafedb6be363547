"""Reads for programs: evaluations from a carrier's own data, the portfolio (the deadlines are
on the deadline interface: programs/deadlines.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django_scopes import scope

from borderpro.organizations.models import ClientLink
from borderpro.organizations.roles import Role
from borderpro.programs.engine import evaluate
from borderpro.programs.facts import carrier_facts
from borderpro.programs.models import Declarations, Membership, Program


def carrier_evaluation(
    organization: Any, *, as_of: date, lang: str = "en", overrides: dict[str, Any] | None = None
) -> dict[str, Any]:
    from borderpro.programs.engine import merge

    facts, notes = carrier_facts([organization])[organization.pk]
    if overrides:
        facts = merge(facts, overrides)
    return evaluate(facts, as_of=as_of, lang=lang, notes=notes)


def carrier_facts_of(organization: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    return carrier_facts([organization])[organization.pk]


def memberships(organization: Any) -> list[Membership]:
    """One membership per program; programs never recorded come back unsaved, status "none"."""
    rows = {m.program: m for m in Membership.objects.filter(organization=organization)}
    return [
        rows.get(code) or Membership(organization=organization, program=code)
        for code in Program.values
    ]


def membership_for(organization: Any, program: str) -> Membership:
    found = Membership.objects.filter(organization=organization, program=program).first()
    return found or Membership(organization=organization, program=program)


def declarations_for(organization: Any) -> Declarations:
    found = Declarations.objects.filter(organization=organization).first()
    return found or Declarations(organization=organization)


def portfolio_clients(consultancy: Any, user: Any, role: str) -> list[Any]:
    links = ClientLink.objects.filter(
        consultancy=consultancy, client__is_active=True
    ).select_related("client")
    if role == Role.CONSULTANT:
        links = links.filter(assignments__user=user)
    return sorted({link.client for link in links}, key=lambda o: o.name.lower())


def portfolio(
    consultancy: Any, user: Any, role: str, *, lang: str = "en"
) -> list[tuple[Any, dict[str, Any]]]:
    """Every client this user may see, with its evaluation, in a fixed number of queries."""
    clients = portfolio_clients(consultancy, user, role)
    with scope(organization=list(clients)):  # the page runs in the consultancy's scope
        facts = carrier_facts(clients)
    rows = []
    for client in clients:
        client_facts, notes = facts[client.pk]
        rows.append(
            (client, evaluate(client_facts, as_of=client.local_today(), lang=lang, notes=notes))
        )
    return rows
