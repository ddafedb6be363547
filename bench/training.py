"""Training matrix figures: a carrier with 500 employees and 10 required courses (the shipped
programme plus bench courses, every role), about three records per employee-course with gaps;
the matrix page (budget 100 ms), filtered, its API, and the XLSX and PDF exports (5 s each)."""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from django.test import Client
from django_scopes import scopes_disabled

from bench.common import page_row

EMPLOYEES = 500
COURSES = 10
ORG_CODE = "benchtrn"
ROLES = ("driver", "driver", "driver", "yard", "dispatch", "office", "security", "management")


def _courses() -> list[Any]:
    from borderpro.training.courses import sync_courses
    from borderpro.training.models import Course
    from borderpro.training.selectors import courses

    sync_courses(Course)
    everyone = list(ROLES)
    n = 0
    while len([c for c in courses() if c.frequency != "after_incident"]) < COURSES:
        n += 1
        Course.objects.update_or_create(
            code=f"bench-course-{n}",
            defaults={
                "order": 900 + n,
                "title_en": f"Bench course {n}",
                "title_fr": f"Cours d'essai {n}",
                "frequency": "yearly",
                "validity_months": 12,
                "roles": everyone,
            },
        )
    for course in Course.objects.exclude(frequency="after_incident"):
        if set(everyone) - set(course.roles):
            course.roles = sorted(set(course.roles) | set(everyone))
            course.save(update_fields=["roles"])
    return [c for c in courses() if c.frequency != "after_incident"]


def _generated(size: int) -> Any:
    from borderpro.accounts.models import User
    from borderpro.organizations.models import Membership, Organization
    from borderpro.people.models import Employee
    from borderpro.training.models import TrainingRecord, verification_code

    org, _ = Organization.objects.get_or_create(
        code=ORG_CODE, defaults={"name": "Bench training carrier", "kind": "client"}
    )
    user = User.objects.filter(email="bench-training@example.com").first() or (
        User.objects.create_user(
            "bench-training@example.com", "bench-password-123", full_name="Bench Training"
        )
    )
    Membership.objects.get_or_create(user=user, organization=org, defaults={"role": "admin"})
    course_list = _courses()
    if Employee.objects.filter(organization=org).count() >= size:
        return org, user
    today = org.local_today()
    employees = Employee.objects.bulk_create(
        [
            Employee(
                organization=org,
                full_name=f"Employee {n:04d}",
                role=ROLES[n % len(ROLES)],
                site=("Windsor", "Sarnia", "Mississauga")[n % 3],
                hired_on=today - timedelta(days=20 + (n * 37) % 2000),
            )
            for n in range(size)
        ],
        batch_size=500,
    )
    records = []
    for i, employee in enumerate(employees):
        for j, course in enumerate(course_list):
            if (i + j) % 7 == 0:
                continue  # never trained: a gap
            for k in range(3):
                done = today - timedelta(days=(i * 13 + j * 31) % 500 + k * 365)
                records.append(
                    TrainingRecord(
                        organization=org,
                        employee=employee,
                        course=course,
                        completed_on=done,
                        expires_on=course.expires_on(done),
                        signed_name=employee.full_name,
                        code=verification_code(),
                    )
                )
    TrainingRecord.objects.bulk_create(records, batch_size=1000)
    return org, user


def _export_row(name: str, client: Client, url: str) -> dict:
    client.get(url)  # warm
    samples = []
    for _ in range(3):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    return {
        "name": name,
        "value": sorted(samples)[1],
        "unit": "ms",
        "budget": 5000,
        "note": f"{len(response.content) // 1024} KB",
    }


def run() -> list[dict]:
    rows: list[dict] = []
    with scopes_disabled():
        _org, user = _generated(EMPLOYEES)
        client = Client()
        client.force_login(user)
        base = f"/o/{ORG_CODE}/training/"
        label = f"{EMPLOYEES} x {COURSES}"
        rows.append(page_row(f"training: matrix {label}", client, base, budget=100))
        rows.append(
            page_row(
                f"training: matrix {label}, filtered (drivers, overdue)",
                client,
                base + "?role=driver&state=overdue",
                budget=100,
            )
        )
        rows.append(
            page_row(
                f"training: GET /api/v1/o/…/training/matrix/ ({label})",
                client,
                f"/api/v1/o/{ORG_CODE}/training/matrix/",
                budget=100,
                runs=10,
            )
        )
        rows.append(
            _export_row(
                f"training: matrix export XLSX ({label})",
                client,
                base + "matrix/export/?format=xlsx",
            )
        )
        rows.append(
            _export_row(
                f"training: matrix export PDF ({label})", client, base + "matrix/export/?format=pdf"
            )
        )
    return rows
