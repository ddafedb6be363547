"""Demo memberships and declarations for the demo carriers. Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from borderpro.programs import services
from borderpro.programs.models import Declarations, Membership

MEMBERSHIPS: dict[str, list[dict[str, Any]]] = {
    "mapleleaf": [
        {
            "program": "PIP",
            "status": "approved",
            "number": "CA-PIP-0048213",
            "applied_on": date(2021, 9, 1),
            "validation_on": date(2022, 1, 20),
            "approved_on": date(2022, 3, 15),
            "last_portal_sign_in": date(2026, 2, 2),
        },
        {
            "program": "CTPAT",
            "status": "approved",
            "number": "CTPAT-88120",
            "svi_number": "B7X-21-9Q4",
            "applied_on": date(2022, 6, 1),
            "approved_on": date(2023, 1, 10),
        },
    ],
    "laurentid": [
        {"program": "PIP", "status": "applied", "applied_on": date(2026, 9, 30)},
    ],
}

DECLARATIONS: dict[str, dict[str, Any]] = {
    "mapleleaf": {
        "crown_debt": False,
        "undischarged_bankruptcy": False,
        "unpardoned_convictions": False,
        "foreign_convictions": False,
        "significant_contraventions": False,
        "shipment_tracking": True,
    },
    "laurentid": {
        "crown_debt": False,
        "undischarged_bankruptcy": False,
        "unpardoned_convictions": False,
    },
}


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    for code, rows in MEMBERSHIPS.items():
        org = orgs.get(code)
        if org is None or Membership.objects.filter(organization=org).exists():
            continue
        for row in rows:
            fields = dict(row)
            services.membership_save(
                actor=None, organization=org, program=fields.pop("program"), **fields
            )
    for code, answers in DECLARATIONS.items():
        org = orgs.get(code)
        if org is None or Declarations.objects.filter(organization=org).exists():
            continue
        last = date.today() - timedelta(days=6 if code == "mapleleaf" else 40)
        services.declarations_save(
            actor=None, organization=org, last_cross_border_movement=last, **answers
        )
