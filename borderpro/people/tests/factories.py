"""Factories for people, keeping every object inside one tenant."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

from borderpro.people import services
from borderpro.people.models import DriverCard, Employee


def employee_for(organization: Any, name: str = "Dan Driver", **fields: Any) -> Employee:
    return services.employee_create(actor=None, organization=organization, full_name=name, **fields)


def card_for(
    employee: Employee,
    *,
    kind: str = "fast",
    expires_on: date = date(2028, 5, 1),
    number: str = "",
    issued_on: date | None = None,
) -> DriverCard:
    return services.card_add(
        actor=None,
        organization=employee.organization,
        employee=employee,
        kind=kind,
        number=number or uuid4().hex[:9].upper(),
        expires_on=expires_on,
        issued_on=issued_on,
    )


def sample_employee_id(organization: Any) -> Employee:
    return employee_for(organization)


def sample_card_id(organization: Any) -> DriverCard:
    return card_for(employee_for(organization, "Card Holder"))


def sample_item_id(organization: Any) -> Any:
    from borderpro.people.models import IssuedItem

    item: IssuedItem = services.item_issue(
        actor=None,
        organization=organization,
        employee=employee_for(organization, "Badge Holder"),
        kind="badge",
        label="B-1",
        issued_on=date(2025, 1, 1),
    )
    return item


def sample_import_id(organization: Any) -> Any:
    from borderpro.people.imports import import_upload

    return import_upload(
        actor=None, organization=organization, name="staff.csv", data=b"Name,Role\nAnn,driver\n"
    )
