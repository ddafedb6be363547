"""Reads for training: the course list, the training matrix (employees by required courses,
in two queries whatever its size), sessions, records and seminars."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery

from borderpro.people.models import Employee
from borderpro.training.models import (
    Course,
    Frequency,
    Registration,
    Seminar,
    TrainingRecord,
    TrainingSession,
)

DONE, DUE, OVERDUE, NOT_REQUIRED = "done", "due", "overdue", "none"
DUE_SOON_DAYS = 60  # a yearly course is "due" from two months before its record expires
NEW_HIRE_DAYS = 30  # a new hire has this long to take a required course


def courses() -> QuerySet[Course]:
    return Course.objects.filter(active=True).order_by("order", "code")


@dataclass
class Cell:
    state: str
    completed_on: date | None = None
    due_on: date | None = None


@dataclass
class MatrixRow:
    employee: Employee
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Matrix:
    courses: list[Course]
    rows: list[MatrixRow]
    today: date
    # every active course, before the course filter (the page's course menu)
    all_courses: list[Course] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out = {DONE: 0, DUE: 0, OVERDUE: 0}
        for row in self.rows:
            for cell in row.cells:
                if cell.state in out:
                    out[cell.state] += 1
        return out


def cell_state(course: Course, employee: Employee, last: date | None, today: date) -> Cell:
    """Done, due or overdue for a course the employee's role requires (see README)."""
    if not course.required_for(employee.role):
        return Cell(NOT_REQUIRED, last)
    if last is None:
        start = employee.hired_on
        due = start + timedelta(days=NEW_HIRE_DAYS) if start else None
        state = DUE if due is not None and due >= today else OVERDUE
        return Cell(state, None, due)
    if course.frequency == Frequency.ON_HIRE or not course.validity_months:
        return Cell(DONE, last)
    due = course.expires_on(last)
    assert due is not None
    if due < today:
        return Cell(OVERDUE, last, due)
    if (due - today).days <= DUE_SOON_DAYS:
        return Cell(DUE, last, due)
    return Cell(DONE, last, due)


def training_matrix(
    organization: Any,
    *,
    today: date,
    role: str = "",
    site: str = "",
    course_code: str = "",
    state: str = "",
    q: str = "",
) -> Matrix:
    """Active employees by the courses their roles require, filtered. Two queries: the
    courses, then the employees with each course's last completion as a correlated subquery
    (an index seek on the records' (organization, employee, course, completed_on) index)."""
    all_courses = list(courses())
    course_list = all_courses
    if course_code:
        course_list = [c for c in all_courses if c.code == course_code]
    employees = Employee.objects.filter(organization=organization, active=True)
    if role:
        employees = employees.filter(role=role)
    if site:
        employees = employees.filter(site=site)
    if q:
        employees = employees.filter(full_name__icontains=q)
    last = {
        f"last_{i}": Subquery(
            TrainingRecord.objects.filter(
                organization=organization, employee=OuterRef("pk"), course=course.pk
            )
            .order_by("-completed_on")
            .values("completed_on")[:1]
        )
        for i, course in enumerate(course_list)
    }
    employees = (
        employees.only("id", "full_name", "role", "site", "hired_on")
        .annotate(**last)
        .order_by("full_name")
    )
    names = list(last)
    rows = []
    for employee in employees:
        cells = [
            cell_state(c, employee, getattr(employee, name), today)
            for c, name in zip(course_list, names, strict=True)
        ]
        if state and not any(cell.state == state for cell in cells):
            continue
        rows.append(MatrixRow(employee, cells))
    return Matrix(course_list, rows, today, all_courses)


def sites(organization: Any) -> list[str]:
    return sorted(
        s
        for s in Employee.objects.filter(organization=organization, active=True)
        .exclude(site="")
        .values_list("site", flat=True)
        .distinct()
    )


def sessions(organization: Any) -> QuerySet[TrainingSession]:
    return (
        TrainingSession.objects.filter(organization=organization)
        .select_related("course")
        .annotate(attendees=Count("records"))
        .order_by("-held_on")
    )


def records(organization: Any, *, employee: Any = None) -> QuerySet[TrainingRecord]:
    qs = TrainingRecord.objects.filter(organization=organization).select_related(
        "employee", "course", "session"
    )
    if employee is not None:
        qs = qs.filter(employee=employee)
    return qs.order_by("-completed_on", "employee__full_name")


def seminars(organization: Any) -> QuerySet[Seminar]:
    return (
        Seminar.objects.filter(organization=organization)
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status="confirmed")),
            waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
        )
        .order_by("-starts_at")
    )


def upcoming_public_seminars(consultancy: Any, now: Any) -> QuerySet[Seminar]:
    return (
        Seminar._base_manager.filter(organization=consultancy, published=True, starts_at__gte=now)
        .annotate(confirmed=Count("registrations", filter=Q(registrations__status="confirmed")))
        .order_by("starts_at")
    )


def registrations(seminar: Seminar) -> QuerySet[Registration]:
    return seminar.registrations.order_by("status", "created_at")
