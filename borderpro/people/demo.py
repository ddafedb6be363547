"""Demo staff: drivers with FAST / CDRP cards (one expiring soon, one expired), yard,
dispatch and office people with sites and hire dates, screenings (one re-check overdue),
badges and keys (a departed driver still holds a badge). Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from borderpro.people import services
from borderpro.people.models import Employee

# (name, role, site, days since hire, [(kind, number, days from today to expiry)])
STAFF: dict[str, list[tuple[str, str, str, int, list[tuple[str, str, int]]]]] = {
    "mapleleaf": [
        ("Bob Martin", "driver", "Windsor", 2100, [("fast", "42719083", 45)]),
        ("Sandeep Gill", "driver", "Windsor", 1500, [("fast", "42188210", 900)]),
        ("Gary Olsen", "driver", "Windsor", 3000, [("fast", "41877301", -20)]),
        ("Alice Moreau", "dispatch", "Windsor", 2600, []),
        ("Harpreet Sandhu", "driver", "Mississauga", 400, [("fast", "42900455", 1300)]),
        ("Tom Kowalski", "driver", "Mississauga", 12, []),
        ("Maria Santos", "yard", "Windsor", 800, []),
        ("Kevin Tremblay", "yard", "Mississauga", 150, []),
        ("Nadia Haddad", "office", "Windsor", 1100, []),
        ("Paul Nguyen", "it", "Windsor", 600, []),
        ("Linda Park", "hr", "Windsor", 1900, []),
        ("Robert Blais", "security", "Windsor", 700, []),
        ("Diane Fortin", "management", "Windsor", 4000, []),
    ],
    "laurentid": [
        ("Marc Gagnon", "driver", "Montréal", 1800, [("fast", "43002117", 1200)]),
        ("Luc Bergeron", "driver", "Lacolle", 900, [("cdrp", "C-558120", 75)]),
    ],
    "prairiex": [
        ("Priya Singh", "driver", "Regina", 300, []),
    ],
}


def _details(org: Any, employees: dict[str, Employee], today: date) -> None:
    """Screenings, badges and keys, and a driver who left with his badge (mapleleaf)."""
    for name, employee in employees.items():
        hired = employee.hired_on or today
        services.screening_add(
            actor=None,
            organization=org,
            employee=employee,
            kind="identity",
            checked_on=hired,
        )
        if employee.role in ("driver", "yard", "security"):
            services.screening_add(
                actor=None,
                organization=org,
                employee=employee,
                kind="background",
                checked_on=hired - timedelta(days=10),
                outcome="pending" if name == "Tom Kowalski" else "cleared",
                recheck_months=36,
            )
        services.item_issue(
            actor=None,
            organization=org,
            employee=employee,
            kind="badge",
            label=f"B-{100 + len(name)}{name[:2].upper()}",
            issued_on=hired,
        )
    leaver = services.employee_create(
        actor=None,
        organization=org,
        full_name="Eric Dubois",
        role="driver",
        site="Windsor",
        hired_on=today - timedelta(days=900),
        terminated_on=today - timedelta(days=6),
        active=False,
    )
    services.item_issue(
        actor=None,
        organization=org,
        employee=leaver,
        kind="badge",
        label="B-117ER",
        issued_on=today - timedelta(days=900),
    )
    services.item_issue(
        actor=None,
        organization=org,
        employee=leaver,
        kind="key",
        label="Yard gate K-4",
        issued_on=today - timedelta(days=900),
        returned_on=today - timedelta(days=6),
    )


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    today = date.today()
    for code, staff in STAFF.items():
        org = orgs.get(code)
        if org is None or Employee.objects.filter(organization=org).exists():
            continue
        created: dict[str, Employee] = {}
        for name, role, site, days, cards in staff:
            employee = services.employee_create(
                actor=None,
                organization=org,
                full_name=name,
                role=role,
                site=site,
                hired_on=today - timedelta(days=days),
                language="fr" if code == "laurentid" else "en",
                conduct_acknowledged_on=today - timedelta(days=days) if days > 20 else None,
            )
            created[name] = employee
            for kind, number, expiry in cards:
                expires = today + timedelta(days=expiry)
                services.card_add(
                    actor=None,
                    organization=org,
                    employee=employee,
                    kind=kind,
                    number=number,
                    expires_on=expires,
                    issued_on=expires - timedelta(days=5 * 365),
                )
        if code == "mapleleaf":
            _details(org, created, today)
