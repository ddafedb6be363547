"""Demo drivers with FAST / CDRP cards: one expiring soon, one expired. Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from borderpro.people import services
from borderpro.people.models import Employee

# (name, role, [(kind, number, days from today to expiry)])
STAFF: dict[str, list[tuple[str, str, list[tuple[str, str, int]]]]] = {
    "mapleleaf": [
        ("Bob Martin", "driver", [("fast", "42719083", 45)]),
        ("Sandeep Gill", "driver", [("fast", "42188210", 900)]),
        ("Gary Olsen", "driver", [("fast", "41877301", -20)]),
        ("Alice Moreau", "dispatch", []),
    ],
    "laurentid": [
        ("Marc Gagnon", "driver", [("fast", "43002117", 1200)]),
        ("Luc Bergeron", "driver", [("cdrp", "C-558120", 75)]),
    ],
    "prairiex": [
        ("Priya Singh", "driver", []),
    ],
}


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    today = date.today()
    for code, staff in STAFF.items():
        org = orgs.get(code)
        if org is None or Employee.objects.filter(organization=org).exists():
            continue
        for name, role, cards in staff:
            employee = services.employee_create(
                actor=None, organization=org, full_name=name, role=role
            )
            for kind, number, days in cards:
                expires = today + timedelta(days=days)
                services.card_add(
                    actor=None,
                    organization=org,
                    employee=employee,
                    kind=kind,
                    number=number,
                    expires_on=expires,
                    issued_on=expires - timedelta(days=5 * 365),
                )
