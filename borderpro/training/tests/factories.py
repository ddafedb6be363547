"""Factories for training, keeping every object inside one tenant."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from borderpro.people.tests.factories import employee_for
from borderpro.training import services
from borderpro.training.models import Course, Registration, Seminar, TrainingRecord, TrainingSession


def course(code: str = "security-awareness") -> Course:
    return Course.objects.get(code=code)


def session_for(
    organization: Any, *, code: str = "security-awareness", held_on: date | None = None
) -> TrainingSession:
    return services.session_create(
        actor=None,
        organization=organization,
        course=course(code),
        held_on=held_on or date.today() - timedelta(days=10),
        trainer="Tina Trainer",
        topics="Threats and reporting",
    )


def record_for(
    employee: Any, *, code: str = "security-awareness", completed_on: date | None = None
) -> TrainingRecord:
    return services.record_add(
        actor=None,
        organization=employee.organization,
        employee=employee,
        course=course(code),
        completed_on=completed_on or date.today() - timedelta(days=10),
    )


def seminar_for(
    organization: Any, *, capacity: int = 10, published: bool = True, **fields: Any
) -> Seminar:
    return services.seminar_save(
        actor=None,
        organization=organization,
        title=fields.pop("title", "Border security morning"),
        starts_at=fields.pop("starts_at", timezone.now() + timedelta(days=20)),
        duration_minutes=120,
        place=fields.pop("place", "Windsor"),
        capacity=capacity,
        price=Decimal("99"),
        language="en",
        published=published,
        **fields,
    )


def sample_session_id(organization: Any) -> TrainingSession:
    return session_for(organization)


def sample_record_id(organization: Any) -> TrainingRecord:
    return record_for(employee_for(organization, "Rita Record"))


def sample_seminar_id(organization: Any) -> Seminar:
    return seminar_for(organization)


def sample_registration_id(organization: Any) -> Registration:
    reg = services.registration_create(
        seminar=seminar_for(organization), full_name="Ray Registrant", email="ray@example.com"
    )
    reg.attended = True
    reg.save()
    return reg
