"""Foundation figures: sign-in, dashboards, evidence pages and API lists at demo size, and a
consultant portfolio of 500 client carriers."""

from __future__ import annotations

import hashlib
import time

from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled

from bench.common import page_row, timed
from borderpro.accounts.models import User
from borderpro.accounts.services import api_token_create
from borderpro.evidence.models import EvidenceFile
from borderpro.organizations.models import (
    ClientLink,
    ConsultantAssignment,
    Membership,
    Organization,
)

PORTFOLIO_SIZE = 500


def _portfolio(consultant: User) -> Organization:
    """A consultancy with 500 clients assigned to one consultant, each with a few evidence rows."""
    with scopes_disabled():
        firm, created = Organization.objects.get_or_create(
            code="benchfirm", defaults={"name": "Bench Consulting", "kind": "consultancy"}
        )
        Membership.objects.get_or_create(
            user=consultant, organization=firm, defaults={"role": "consultant"}
        )
        if not created:
            return firm
        clients = Organization.objects.bulk_create(
            [
                Organization(
                    code=f"bc{i:05d}",
                    name=f"Carrier {i:03d}",
                    kind="client",
                    business_type="highway_carrier",
                    region="ON",
                )
                for i in range(PORTFOLIO_SIZE)
            ]
        )
        links = ClientLink.objects.bulk_create(
            [ClientLink(consultancy=firm, client=c) for c in clients]
        )
        ConsultantAssignment.objects.bulk_create(
            [ConsultantAssignment(link=ln, user=consultant) for ln in links]
        )
        EvidenceFile.objects.bulk_create(
            [
                EvidenceFile(
                    organization=c,
                    title=f"File {n}",
                    original_name="f.pdf",
                    size=1000,
                    sha256=hashlib.sha256(f"{c.code}{n}".encode()).hexdigest(),
                    content_type="application/pdf",
                    type_label="PDF",
                    file=f"evidence/x/{c.code}-{n}.pdf",
                )
                for c in clients
                for n in range(3)
            ]
        )
    return firm


def run() -> list[dict]:
    call_command("seed_demo", verbosity=0)
    with scopes_disabled():
        alice = User.objects.get(email="alice@mapleleaf.example")
        carol = User.objects.get(email="carol@northbound.example")
        carrier = Organization.objects.get(code="mapleleaf")
        _token, raw = api_token_create(
            user=alice, organization=carrier, name="bench", read_only=True
        )
    rows = []
    anonymous = Client()
    rows.append(page_row("sign-in page", anonymous, "/accounts/login/", budget=50))

    def sign_in() -> None:
        client = Client()
        client.post("/accounts/login/", {"login": alice.email, "password": "borderpro-demo"})

    figures = timed(sign_in, runs=15, warmup=1)
    rows.append(
        {
            "name": "sign-in (POST, password hashing included)",
            "value": figures["median"],
            "unit": "ms",
            "budget": None,
            "note": f"p95 {figures['p95']:.1f} ms; Argon2/PBKDF2 cost dominates",
        }
    )
    as_alice = Client()
    as_alice.force_login(alice)
    rows.append(page_row("carrier dashboard", as_alice, f"/o/{carrier.code}/", budget=50))
    rows.append(page_row("evidence list", as_alice, f"/o/{carrier.code}/evidence/", budget=50))
    rows.append(page_row("activity feed", as_alice, f"/o/{carrier.code}/activity/", budget=50))
    api = Client()
    auth = {"Authorization": f"Bearer {raw}"}
    rows.append(
        page_row(
            "API: evidence list",
            api,
            f"/api/v1/o/{carrier.code}/evidence/",
            budget=50,
            headers=auth,
        )
    )
    rows.append(
        page_row(
            "API: activity list",
            api,
            f"/api/v1/o/{carrier.code}/activity/",
            budget=50,
            headers=auth,
        )
    )
    rows.append(page_row("API: me", api, "/api/v1/me/", budget=50, headers=auth))
    started = time.perf_counter()
    firm = _portfolio(carol)
    build = time.perf_counter() - started
    as_carol = Client()
    as_carol.force_login(carol)
    row = page_row(
        f"consultant portfolio, {PORTFOLIO_SIZE} clients",
        as_carol,
        f"/o/{firm.code}/",
        budget=150,
        runs=15,
    )
    row["note"] += f"; data built in {build:.1f} s"
    rows.append(row)
    return rows
