"""Consulting figures: a consultancy with 500 client carriers (program memberships, half of
them with an engagement and deliverables), 500 requests and 500 consultations with weekly
availability on every weekday; the portfolio (the consultant's home with its client
columns), the inbox, the consultations list, the public booking page (free slots of the next
four weeks) and the API lists. Budget: portfolio 150 ms, the others 50 ms."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.test import Client
from django_scopes import scopes_disabled

from bench.common import page_row

CLIENTS = 500
ORG_CODE = "benchcons"


def _generated_portfolio(size: int) -> Any:
    from borderpro.accounts.models import User
    from borderpro.consulting.models import Engagement, Milestone, ProspectRequest
    from borderpro.organizations.models import ClientLink, Membership, Organization
    from borderpro.programs.models import Membership as ProgramMembership

    consultancy, _ = Organization.objects.get_or_create(
        code=ORG_CODE, defaults={"name": "Bench consultancy", "kind": "consultancy"}
    )
    user = User.objects.filter(email="bench-consulting@example.com").first() or (
        User.objects.create_user(
            "bench-consulting@example.com", "bench-password-123", full_name="Bench Consultant"
        )
    )
    Membership.objects.get_or_create(
        user=user, organization=consultancy, defaults={"role": "consultant_admin"}
    )
    if ClientLink.objects.filter(consultancy=consultancy).count() >= size:
        return user
    today = consultancy.local_today()
    clients = Organization.objects.bulk_create(
        [
            Organization(
                code=f"bcl{n:05d}",
                name=f"Carrier {n:04d}",
                kind="client",
                business_type="highway_carrier",
                region="ON",
            )
            for n in range(size)
        ]
    )
    ClientLink.objects.bulk_create([ClientLink(consultancy=consultancy, client=c) for c in clients])
    ProgramMembership.objects.bulk_create(
        [
            ProgramMembership(
                organization=c,
                program="PIP",
                status=("approved", "applied")[n % 2],
                approved_on=today - timedelta(days=400) if n % 2 == 0 else None,
            )
            for n, c in enumerate(clients)
        ]
    )
    engagements = Engagement.objects.bulk_create(
        [
            Engagement(
                organization=consultancy,
                client=c,
                title=f"Engagement {n}",
                started_on=today - timedelta(days=n),
                renews_on=today + timedelta(days=n),
                hours_estimated=Decimal("20"),
            )
            for n, c in enumerate(clients)
            if n % 2 == 0
        ]
    )
    Milestone.objects.bulk_create(
        [
            Milestone(organization=consultancy, engagement=e, title=t, verb=v, order=i)
            for e in engagements
            for i, (t, v) in enumerate(
                [("Gap assessment", "profile.frameworks_selected"), ("Risk", "risk.approved")]
            )
        ]
    )
    now = consultancy.local_now()
    ProspectRequest.objects.bulk_create(
        [
            ProspectRequest(
                organization=consultancy,
                reference=f"R-B{n:05d}",
                kind="quote",
                status=("new", "assigned", "answered", "quoted", "won", "lost")[n % 6],
                company=f"Prospect {n}",
                contact_name="Pat",
                email=f"p{n}@example.com",
                language="en",
                consent_at=now,
                consent_text="I agree.",
            )
            for n in range(size)
        ]
    )
    return user


def _generated_consultations(user: Any, size: int) -> None:
    """Half-hour slots 9:00-17:00 on every weekday, and ``size`` consultations: most of them
    past and done, a few in the coming weeks (taken out of the free slots)."""
    from datetime import UTC, datetime, time

    from borderpro.consulting.models import Availability, Booking
    from borderpro.organizations.models import Organization

    consultancy = Organization.objects.get(code=ORG_CODE)
    if Booking.objects.filter(organization=consultancy).count() >= size:
        return
    Availability.objects.bulk_create(
        [
            Availability(
                organization=consultancy,
                consultant=user,
                weekday=day,
                starts=time(9),
                ends=time(17),
                time_zone="America/Toronto",
                slot_minutes=30,
                languages=["en", "fr"],
                mode="video",
                where="https://meet.example/bench",
            )
            for day in range(5)
        ]
    )
    hour = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    Booking.objects.bulk_create(
        [
            Booking(
                organization=consultancy,
                reference=f"C-B{n:05d}",
                consultant=user,
                starts_at=hour + timedelta(hours=(n - size + 40) * 3),
                ends_at=hour + timedelta(hours=(n - size + 40) * 3, minutes=30),
                time_zone="America/Toronto",
                language=("en", "fr")[n % 2],
                mode="video",
                where="https://meet.example/bench",
                name=f"Booker {n}",
                email=f"b{n}@example.com",
                company=f"Prospect {n}",
                topic="Eligibility",
                status="done" if n < size - 40 else "booked",
                notes="Notes" if n < size - 40 else "",
            )
            for n in range(size)
        ]
    )


def run() -> list[dict]:
    rows: list[dict] = []
    with scopes_disabled():
        user = _generated_portfolio(CLIENTS)
        client = Client()
        client.force_login(user)
        rows.append(
            page_row(
                f"consulting: portfolio of {CLIENTS} clients", client, f"/o/{ORG_CODE}/", budget=150
            )
        )
        rows.append(
            page_row(
                f"consulting: inbox of {CLIENTS} requests",
                client,
                f"/o/{ORG_CODE}/consulting/requests/?status=",
                budget=50,
            )
        )
        rows.append(
            page_row(
                f"consulting: engagements ({CLIENTS // 2})",
                client,
                f"/o/{ORG_CODE}/consulting/engagements/",
                budget=50,
            )
        )
        rows.append(
            page_row(
                "consulting: GET /api/v1/o/…/consulting/engagements/",
                client,
                f"/api/v1/o/{ORG_CODE}/consulting/engagements/",
                budget=50,
            )
        )
        _generated_consultations(user, CLIENTS)
        rows.append(
            page_row(
                f"consulting: consultations ({CLIENTS}, all)",
                client,
                f"/o/{ORG_CODE}/consulting/bookings/?when=all",
                budget=50,
            )
        )
        rows.append(
            page_row(
                "consulting: public booking page (4 weeks of slots)",
                Client(),
                f"/p/{ORG_CODE}/consultations/",
                budget=50,
            )
        )
        rows.append(
            page_row(
                "consulting: GET /api/v1/o/…/consulting/bookings/",
                client,
                f"/api/v1/o/{ORG_CODE}/consulting/bookings/",
                budget=50,
            )
        )
    return rows
