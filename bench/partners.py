"""Partner register figures: a carrier with 2,000 business partners (mixed types, a third
certified with proof, most screened, some overdue, 300 loads given to sub-carriers in the
seal log), the register page unfiltered and filtered, and the API list (budget 50 ms each)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.test import Client
from django_scopes import scopes_disabled

from bench.common import page_row

SIZE = 2000
ORG_CODE = "benchptn"


def _generated_register(size: int) -> Any:
    from borderpro.accounts.models import User
    from borderpro.evidence.models import EvidenceFile
    from borderpro.organizations.models import Membership, Organization
    from borderpro.partners import rules
    from borderpro.partners.models import Certification, Partner
    from borderpro.partners.tests.factories import proof_for

    org, _ = Organization.objects.get_or_create(
        code=ORG_CODE,
        defaults={"name": "Bench partners carrier", "kind": "client"},
    )
    user = User.objects.filter(email="bench-partners@example.com").first() or (
        User.objects.create_user(
            "bench-partners@example.com", "bench-password-123", full_name="Bench Partners"
        )
    )
    Membership.objects.get_or_create(user=user, organization=org, defaults={"role": "admin"})
    if Partner.objects.filter(organization=org).count() >= size:
        _loads(org, user)
        return user
    today = org.local_today()
    proof: EvidenceFile = proof_for(org, "Bench status page")
    kinds = list(rules.KIND_POINTS)
    partners = [
        Partner(
            organization=org,
            name=f"Partner {n:05d}",
            kind=kinds[n % len(kinds)],
            country=("CA", "US", "MX", "DE")[n % 4],
            services="Linehaul" if n % 2 else "Warehousing",
            code=f"P{n:05d}",
            written_contract_on=today if n % 5 == 0 else None,
            last_screened_on=today - timedelta(days=n % 900) if n % 3 else None,
            screening_outcome=("approved", "approved_conditions", "corrective_action")[n % 3]
            if n % 3
            else "",
            next_screening_due=today - timedelta(days=n % 900) + timedelta(days=730)
            if n % 3
            else None,
        )
        for n in range(size)
    ]
    Partner.objects.bulk_create(partners, batch_size=500)
    Certification.objects.bulk_create(
        [
            Certification(
                organization=org,
                partner=p,
                program=("ctpat", "pip", "eu_aeo")[i % 3],
                number=f"SVI-{i:06d}",
                verified_on=today - timedelta(days=i % 400),
                evidence=proof,
            )
            for i, p in enumerate(partners)
            if i % 3 == 0
        ],
        batch_size=500,
    )
    _loads(org, user)
    return user


LOADS = 300


def _loads(org: Any, user: Any) -> None:
    """Loads noted in the seal log with sub-carrier codes (the register counts them)."""
    from uuid import uuid5

    from borderpro.operations.models import SealEvent, Unit
    from borderpro.operations.services import seal_event_record

    if SealEvent.objects.filter(organization=org).exclude(subcarrier_code="").exists():
        return
    unit, _ = Unit.objects.get_or_create(
        organization=org, unit_number="BENCH-TR", defaults={"kind": "trailer"}
    )
    for n in range(LOADS):
        seal_event_record(
            actor=user,
            organization=org,
            client_id=uuid5(org.pk, f"bench-load-{n}"),
            seal_number=f"BL{n:06d}",
            kind="affixed",
            actor_name="Bench",
            unit=unit,
            subcarrier_code=f"P{(n * 9) % SIZE:05d}",
        )


def run() -> list[dict]:
    rows: list[dict] = []
    with scopes_disabled():
        user = _generated_register(SIZE)
        client = Client()
        client.force_login(user)
        base = f"/o/{ORG_CODE}/partners/"
        rows.append(page_row(f"partners: register of {SIZE}", client, base, budget=50))
        rows.append(
            page_row(
                f"partners: register of {SIZE}, filtered (sub-carriers, overdue)",
                client,
                base + "?kind=sub_carrier&status=overdue",
                budget=50,
            )
        )
        rows.append(
            page_row(
                f"partners: register of {SIZE}, search + high risk",
                client,
                base + "?q=partner%2001&risk=high",
                budget=50,
            )
        )
        rows.append(
            page_row(
                f"partners: GET /api/v1/o/…/partners/ ({SIZE})",
                client,
                f"/api/v1/o/{ORG_CODE}/partners/?status=uncertified",
                budget=50,
            )
        )
    return rows
