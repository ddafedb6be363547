"""People's deadlines on the deadline interface: screening re-checks (identity and background
checks redone on their cycle) and badges or keys a departed employee has not returned.
(FAST and CDRP card renewals come from ``programs/deadlines.py``, which owns the rules.)
Two queries for any number of organizations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.people.models import IssuedItem, Screening

RECHECK = "people.screening_recheck"
UNRETURNED = "people.item_unreturned"


def register() -> None:
    register_kind(
        DeadlineKind(
            RECHECK,
            gettext_lazy("Screening re-check"),
            permission="people.view",
            reminder_days=(60, 30, 7),
            due_soon_days=60,
        ),
        DeadlineKind(
            UNRETURNED,
            gettext_lazy("Badge or key to recover"),
            permission="people.view",
            reminder_days=(0,),
            due_soon_days=7,
        ),
    )
    register_provider("people", people_deadlines, kinds=[RECHECK, UNRETURNED])


def people_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    orgs = list(organizations)
    by_id = {o.pk: o for o in orgs}
    latest: dict[tuple[Any, str], Screening] = {}
    screenings = (
        Screening.objects.filter(
            organization__in=orgs, employee__active=True, recheck_months__isnull=False
        )
        .select_related("employee")
        .order_by("checked_on")
    )
    for screening in screenings:
        latest[(screening.employee_id, screening.kind)] = screening  # the newest wins
    for screening in latest.values():
        due = screening.recheck_on
        if due is None or not start <= due <= end:
            continue
        org = by_id[screening.organization_id]
        name = screening.employee.full_name
        yield Deadline(
            kind=RECHECK,
            organization=org,
            subject=f"{name} · {screening.get_kind_display()}",
            due=due,
            owner=None,
            action_url=reverse("people:employee", args=[org.code, screening.employee_id]),
            ref=str(screening.pk),
            detail=_("Redo the %(check)s of %(name)s and record the outcome.")
            % {"check": screening.get_kind_display().lower(), "name": name},
        )
    items = (
        IssuedItem.objects.filter(
            organization__in=orgs,
            returned_on__isnull=True,
            employee__terminated_on__isnull=False,
            employee__terminated_on__gte=start,
            employee__terminated_on__lte=end,
        )
        .select_related("employee")
        .order_by("employee__terminated_on")
    )
    for item in items:
        org = by_id[item.organization_id]
        employee = item.employee
        assert employee.terminated_on is not None
        yield Deadline(
            kind=UNRETURNED,
            organization=org,
            subject=f"{employee.full_name} · {item}",
            due=employee.terminated_on,
            owner=None,
            action_url=reverse("people:employee", args=[org.code, employee.pk]),
            ref=str(item.pk),
            detail=_("%(name)s has left: recover %(item)s, or disable it, and record the return.")
            % {"name": employee.full_name, "item": item},
        )


__all__ = ["people_deadlines", "register"]
