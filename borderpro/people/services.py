"""Writes for people: employees and driver cards."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from borderpro.organizations.activity import activity_record, choice_label
from borderpro.people.models import DriverCard, Employee

EMPLOYEE_FIELDS = ("full_name", "role", "active")


@transaction.atomic
def employee_create(
    *, actor: Any, organization: Any, full_name: str, role: str = "driver", active: bool = True
) -> Employee:
    employee = Employee(
        organization=organization, full_name=full_name.strip(), role=role, active=active
    )
    employee.full_clean()
    employee.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="employee.added",
        target=employee,
        name=employee.full_name,
    )
    return employee


@transaction.atomic
def employee_update(
    *, actor: Any, organization: Any, employee: Employee, **changes: Any
) -> Employee:
    for key, value in changes.items():
        if key not in EMPLOYEE_FIELDS:
            raise TypeError(f"unknown employee field {key}")
        setattr(employee, key, value.strip() if isinstance(value, str) else value)
    employee.full_clean()
    employee.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="employee.updated",
        target=employee,
        name=employee.full_name,
    )
    return employee


@transaction.atomic
def card_add(
    *,
    actor: Any,
    organization: Any,
    employee: Employee,
    kind: str,
    number: str,
    expires_on: date,
    issued_on: date | None = None,
) -> DriverCard:
    card = DriverCard(
        organization=organization,
        employee=employee,
        kind=kind,
        number=number.strip(),
        issued_on=issued_on,
        expires_on=expires_on,
    )
    card.full_clean()
    card.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="card.added",
        target=card,
        name=employee.full_name,
        card=choice_label(card, "kind"),
        expires=expires_on.isoformat(),
    )
    return card


@transaction.atomic
def card_remove(*, actor: Any, organization: Any, card: DriverCard) -> None:
    name, kind = card.employee.full_name, choice_label(card, "kind")
    card.delete()
    activity_record(
        organization=organization, actor=actor, verb="card.removed", name=name, card=kind
    )
