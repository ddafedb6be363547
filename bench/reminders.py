"""Reminder figures: ``send_due_reminders`` for 500 generated client carriers with a year of
deadlines (each: a PIP membership and twelve FAST cards expiring month after month), the
first run of a day (it plans every current stage) and the next day's run; the mail goes to
the in-memory backend, so the figure is the product's own work (plan, claim, render, mark)."""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import Any

from django.test.utils import override_settings
from django_scopes import scopes_disabled

CARRIERS = 500
CARDS_PER_CARRIER = 12
DAY = date(2027, 1, 4)  # a Monday: weekly digests go out too


def _generated_carriers(size: int) -> list[Any]:
    from borderpro.accounts.models import User
    from borderpro.organizations.models import ClientLink, Membership, Organization
    from borderpro.people.models import DriverCard, Employee
    from borderpro.programs import services as programs

    consultancy, _ = Organization.objects.get_or_create(
        code="benchremc", defaults={"name": "Bench reminders consultancy", "kind": "consultancy"}
    )
    consultant = User.objects.filter(email="bench-rem-consultant@example.com").first()
    if consultant is None:
        consultant = User.objects.create_user(
            "bench-rem-consultant@example.com", None, full_name="Bench Consultant"
        )
        Membership.objects.create(user=consultant, organization=consultancy, role="consultant")
    existing = ClientLink.objects.filter(consultancy=consultancy).count()
    for n in range(existing, size):
        org = Organization.objects.create(
            code=f"brem{n:04d}", name=f"Reminder carrier {n:04d}", kind="client"
        )
        link = ClientLink.objects.create(consultancy=consultancy, client=org)
        link.assignments.create(user=consultant)
        admin = User.objects.create_user(
            f"bench-rem-{n:04d}@example.com",
            None,
            full_name=f"Admin {n}",
            language="fr" if n % 3 == 0 else "en",
        )
        Membership.objects.create(user=admin, organization=org, role="admin")
        programs.membership_save(
            actor=None,
            organization=org,
            program="PIP",
            status="approved",
            approved_on=date(2022, 3, 15),
        )
        employees = Employee.objects.bulk_create(
            Employee(organization=org, full_name=f"Driver {n}-{i}")
            for i in range(CARDS_PER_CARRIER)
        )
        DriverCard.objects.bulk_create(
            DriverCard(
                organization=org,
                employee=e,
                kind="fast",
                number=f"R{n:04d}{i:03d}",
                expires_on=DAY + timedelta(days=30 * i + n % 30),
            )
            for i, e in enumerate(employees)
        )
    return list(Organization.objects.filter(consultancy_links__consultancy=consultancy))


def run() -> list[dict]:
    from borderpro.deadlines.models import SentReminder
    from borderpro.deadlines.reminders import send_due_reminders

    rows: list[dict] = []
    memory_mail = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with scopes_disabled(), override_settings(MAILERS=memory_mail):
        orgs = _generated_carriers(CARRIERS)
        SentReminder.objects.filter(organization__in=orgs).delete()
        for label, day in (("first run of a day", DAY), ("the next day", DAY + timedelta(days=1))):
            started = time.perf_counter()
            result = send_due_reminders(today=day, organizations=orgs)
            seconds = time.perf_counter() - started
            rows.append(
                {
                    "name": f"reminders: send_due_reminders, {len(orgs)} carriers ({label})",
                    "value": seconds,
                    "unit": "s",
                    "budget": 30,
                    "better": "lower",
                    "note": f"{result.planned} reminders planned, {result.emails} emails",
                }
            )
    return rows
