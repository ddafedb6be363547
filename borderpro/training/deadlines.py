"""Training's deadlines on the deadline interface: a required course due or overdue for an
employee (a new hire's first course, a yearly refresher). Three queries for any number of
organizations: their active employees, the courses, the latest record per employee and course."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.people.models import Employee
from borderpro.training.models import Frequency, TrainingRecord
from borderpro.training.selectors import NEW_HIRE_DAYS, courses

TRAINING_DUE = "training.course_due"


def register() -> None:
    register_kind(
        DeadlineKind(
            TRAINING_DUE,
            gettext_lazy("Training due"),
            permission="training.view",
            reminder_days=(60, 30, 7),
            due_soon_days=60,
        )
    )
    register_provider("training", training_deadlines, kinds=[TRAINING_DUE])


def _due(course: Any, employee: Employee, last: date | None) -> date | None:
    if last is None:
        if employee.hired_on is None:
            return None  # no date to count from: the matrix shows it overdue
        return date.fromordinal(employee.hired_on.toordinal() + NEW_HIRE_DAYS)
    if course.frequency == Frequency.ON_HIRE:
        return None
    return course.expires_on(last)


def training_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    orgs = [o for o in organizations if not o.is_consultancy]
    by_id = {o.pk: o for o in orgs}
    course_list = list(courses())
    last = {
        (r["employee_id"], r["course_id"]): r["last"]
        for r in TrainingRecord.objects.filter(organization__in=orgs, employee__active=True)
        .values("employee_id", "course_id")
        .annotate(last=Max("completed_on"))
        .order_by()
    }
    employees = Employee.objects.filter(organization__in=orgs, active=True).order_by("full_name")
    for employee in employees:
        org = by_id[employee.organization_id]
        for course in course_list:
            if not course.required_for(employee.role):
                continue
            due = _due(course, employee, last.get((employee.pk, course.pk)))
            if due is None or not start <= due <= end:
                continue
            yield Deadline(
                kind=TRAINING_DUE,
                organization=org,
                subject=f"{employee.full_name} · {course.title}",
                due=due,
                owner=None,
                action_url=reverse("training:matrix", args=[org.code]) + f"?q={employee.full_name}",
                ref=f"{employee.pk}:{course.code}",
                detail=_("%(name)s needs the %(course)s training; record it once given.")
                % {"name": employee.full_name, "course": course.title},
            )


__all__ = ["register", "training_deadlines"]
