"""Writes for people: employees and driver cards."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction

from borderpro.organizations.activity import activity_record, choice_label
from borderpro.people.models import DriverCard, Employee, IssuedItem, Screening

EMPLOYEE_FIELDS = (
    "full_name",
    "role",
    "active",
    "site",
    "hired_on",
    "terminated_on",
    "language",
    "email",
    "phone",
    "licence_number",
    "licence_expires_on",
    "conduct_acknowledged_on",
)


def _employee_fields(fields: dict[str, Any]) -> dict[str, Any]:
    for key in fields:
        if key not in EMPLOYEE_FIELDS:
            raise TypeError(f"unknown employee field {key}")
    return {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}


@transaction.atomic
def employee_create(
    *,
    actor: Any,
    organization: Any,
    full_name: str,
    role: str = "driver",
    active: bool = True,
    **fields: Any,
) -> Employee:
    employee = Employee(
        organization=organization,
        full_name=full_name.strip(),
        role=role,
        active=active,
        **_employee_fields(fields),
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
    for key, value in _employee_fields(changes).items():
        setattr(employee, key, value)
    if employee.terminated_on and "active" not in changes:
        employee.active = False
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


@transaction.atomic
def screening_add(
    *,
    actor: Any,
    organization: Any,
    employee: Employee,
    kind: str,
    checked_on: date,
    outcome: str = "cleared",
    recheck_months: int | None = None,
    note: str = "",
) -> Screening:
    screening = Screening(
        organization=organization,
        employee=employee,
        kind=kind,
        checked_on=checked_on,
        outcome=outcome,
        recheck_months=recheck_months,
        note=note.strip(),
    )
    screening.full_clean()
    screening.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="screening.added",
        target=screening,
        name=employee.full_name,
        check=choice_label(screening, "kind"),
        outcome=choice_label(screening, "outcome"),
    )
    return screening


@transaction.atomic
def item_issue(
    *,
    actor: Any,
    organization: Any,
    employee: Employee,
    kind: str,
    label: str,
    issued_on: date,
    returned_on: date | None = None,
) -> IssuedItem:
    item = IssuedItem(
        organization=organization,
        employee=employee,
        kind=kind,
        label=label.strip(),
        issued_on=issued_on,
        returned_on=returned_on,
    )
    item.full_clean()
    item.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="item.issued",
        target=item,
        name=employee.full_name,
        item=str(item),
    )
    return item


@transaction.atomic
def item_return(
    *, actor: Any, organization: Any, item: IssuedItem, returned_on: date
) -> IssuedItem:
    item.returned_on = returned_on
    item.full_clean()
    item.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="item.returned",
        target=item,
        name=item.employee.full_name,
        item=str(item),
    )
    return item


def items_to_return(employee: Employee) -> list[IssuedItem]:
    """What the employee still holds: the list a termination goes through."""
    return [i for i in employee.items.all() if i.returned_on is None]
