"""Programs figures: one carrier's evaluation from its own data (median of 30), the ad-hoc
evaluate API, and the consultant's cross-client page with the demo data; plus the same page
with 100 generated clients, for information."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled

from bench.common import page_row, timed

FACTS: dict[str, Any] = {
    "as_of": "2026-11-27",
    "organization": {
        "country": "CA",
        "business_types": ["highway_carrier"],
        "cbsa_bonded": True,
        "carm_registered": True,
        "msr_compliant": True,
        "staffed_office_countries": ["CA"],
        "first_cross_border_movement": "2024-01-10",
        "last_cross_border_movement": "2026-11-01",
    },
    "memberships": {"PIP": {"status": "approved", "approved_on": "2022-03-15"}},
    "driver": {"fast_card_expires": "2028-05-01", "cdrp_card_expires": None},
    "importer": {"pip": True, "ctpat": False},
    "crossing": {"direction": "into_canada", "port_code": "0440", "date": "2026-12-01"},
}


def _generated_portfolio(size: int) -> Any:
    from borderpro.accounts.models import User
    from borderpro.organizations.models import ClientLink, Membership, Organization
    from borderpro.people import services as people
    from borderpro.programs import services as programs

    consultancy, _ = Organization.objects.get_or_create(
        code="benchprgc", defaults={"name": "Bench programs consultancy", "kind": "consultancy"}
    )
    user = User.objects.filter(
        email="bench-programs@example.com"
    ).first() or User.objects.create_user(
        "bench-programs@example.com", "bench-password-123", full_name="Bench Programs"
    )
    Membership.objects.get_or_create(
        user=user, organization=consultancy, defaults={"role": "consultant_admin"}
    )
    existing = ClientLink.objects.filter(consultancy=consultancy).count()
    for n in range(existing, size):
        org = Organization.objects.create(
            code=f"bprg{n:04d}",
            name=f"Bench carrier {n:04d}",
            kind="client",
            business_type="highway_carrier",
        )
        ClientLink.objects.create(consultancy=consultancy, client=org)
        programs.membership_save(
            actor=None,
            organization=org,
            program="PIP",
            status="approved",
            approved_on=date(2022, 3, 15),
        )
        driver = people.employee_create(actor=None, organization=org, full_name=f"Driver {n}")
        people.card_add(
            actor=None,
            organization=org,
            employee=driver,
            kind="fast",
            number=f"B{n:07d}",
            expires_on=date(2028, 5, 1),
        )
    return consultancy, user


def run() -> list[dict]:
    from borderpro.accounts.models import User
    from borderpro.organizations.models import Organization
    from borderpro.programs.engine import evaluate
    from borderpro.programs.facts import parse_facts
    from borderpro.programs.selectors import carrier_evaluation

    call_command("load_catalogue", verbosity=0)
    call_command("seed_demo", verbosity=0)
    rows: list[dict] = []
    with scopes_disabled():
        carrier = Organization.objects.get(code="mapleleaf")
        today = carrier.local_today()
        figures = timed(lambda: carrier_evaluation(carrier, as_of=today))
        rows.append(
            {
                "name": "programs: evaluate one carrier from its data",
                "value": figures["median"],
                "unit": "ms",
                "budget": 50,
                "better": "lower",
                "note": f"p95 {figures['p95']:.1f} ms (facts from profile, readiness, memberships, cards)",
            }
        )
        facts, as_of = parse_facts(FACTS)
        engine = timed(lambda: evaluate(facts, as_of=as_of or today), runs=200)
        rows.append(
            {
                "name": "programs: engine alone, one facts document",
                "value": engine["median"],
                "unit": "ms",
                "budget": None,
                "note": f"p95 {engine['p95']:.2f} ms",
            }
        )
        client = Client()
        client.force_login(User.objects.get(email="alice@mapleleaf.example"))
        body = json.dumps(FACTS)
        api = timed(
            lambda: client.post("/api/v1/programs/evaluate", body, content_type="application/json")
        )
        rows.append(
            {
                "name": "programs: POST /api/v1/programs/evaluate",
                "value": api["median"],
                "unit": "ms",
                "budget": 50,
                "better": "lower",
                "note": f"p95 {api['p95']:.1f} ms",
            }
        )
        consultant = Client()
        consultant.force_login(User.objects.get(email="dave@northbound.example"))
        rows.append(
            page_row(
                "programs: consultant cross-client page (demo)",
                consultant,
                "/o/northbnd/programs/",
                budget=150,
            )
        )
        rows.append(
            page_row(
                "programs: carrier programs page (demo)",
                client,
                "/o/mapleleaf/programs/",
                budget=50,
            )
        )
        for name, url in (
            ("programs: Why? page, PIP (demo)", "/o/mapleleaf/programs/PIP/"),
            (
                "programs: what-if with a trip into Canada (demo)",
                "/o/mapleleaf/programs/what-if/?direction=into_canada&port_code=0440"
                "&importer_pip=true",
            ),
        ):
            rows.append(page_row(name, client, url, budget=50))
        consultancy, user = _generated_portfolio(100)
        big = Client()
        big.force_login(user)
        row = page_row(
            "programs: cross-client page, 100 generated clients",
            big,
            f"/o/{consultancy.code}/programs/",
            budget=150,
            runs=10,
        )
        rows.append(row)
    return rows
