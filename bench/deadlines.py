"""Deadlines figures: the carrier's deadlines page and API with the demo data, and every
module's deadlines for 100 generated client carriers at once (what a consultant's portfolio
and the reminder run ask), with the number of queries."""

from __future__ import annotations

from datetime import timedelta

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_scopes import scopes_disabled

from bench.common import page_row, timed


def run() -> list[dict]:
    from bench.programs import _generated_portfolio
    from borderpro.accounts.models import User
    from borderpro.deadlines.selectors import HORIZON_DAYS, OVERDUE_LOOKBACK_DAYS, deadlines_for
    from borderpro.organizations.models import Organization

    call_command("seed_demo", verbosity=0)
    rows: list[dict] = []
    with scopes_disabled():
        client = Client()
        client.force_login(User.objects.get(email="alice@mapleleaf.example"))
        rows.append(
            page_row(
                "deadlines: carrier deadlines page (demo)",
                client,
                "/o/mapleleaf/deadlines/",
                budget=50,
            )
        )
        rows.append(
            page_row(
                "deadlines: GET /api/v1/o/…/deadlines/ (demo)",
                client,
                "/api/v1/o/mapleleaf/deadlines/",
                budget=50,
            )
        )
        consultancy, _user = _generated_portfolio(100)
        clients = list(Organization.objects.filter(consultancy_links__consultancy=consultancy))
        today = consultancy.local_today()
        start = today - timedelta(days=OVERDUE_LOOKBACK_DAYS)
        end = today + timedelta(days=HORIZON_DAYS)
        with CaptureQueriesContext(connection) as queries:
            found = deadlines_for(clients, start, end)
        figures = timed(lambda: deadlines_for(clients, start, end), runs=10)
        rows.append(
            {
                "name": f"deadlines: every module, {len(clients)} generated clients",
                "value": figures["median"],
                "unit": "ms",
                "budget": 150,
                "better": "lower",
                "note": f"p95 {figures['p95']:.1f} ms, {len(queries)} queries, {len(found)} deadlines",
            }
        )
    return rows
