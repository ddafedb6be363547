"""Risk assessment figures: the five steps, the register and the API with the demo data
(Maple Leaf Freightways: last year approved, this year draft)."""

from __future__ import annotations

from django.core.management import call_command
from django.test import Client
from django_scopes import scopes_disabled

from bench.common import page_row


def run() -> list[dict]:
    from borderpro.accounts.models import User
    from borderpro.risk.models import Assessment

    call_command("seed_demo", verbosity=0)
    rows: list[dict] = []
    with scopes_disabled():
        client = Client()
        client.force_login(User.objects.get(email="alice@mapleleaf.example"))
        a = Assessment.objects.filter(organization__code="mapleleaf").order_by("-year").first()
        if a is None:
            return rows
        base = f"/o/mapleleaf/risk/{a.pk}/"
        pages = [
            ("risk: assessment list (demo)", "/o/mapleleaf/risk/"),
            ("risk: step 1 flows and diagram (demo)", base + "map/"),
            ("risk: step 2 threats (demo)", base + "threats/"),
            ("risk: step 3 vulnerabilities (demo)", base + "vulnerabilities/"),
            ("risk: step 4 heat map and register (demo)", base + "risks/"),
            ("risk: step 5 action plan (demo)", base + "actions/"),
            ("risk: record and approval (demo)", base),
            (
                "risk: GET /api/v1/o/…/risk/assessments/<id>/risks/ (demo)",
                f"/api/v1/o/mapleleaf/risk/assessments/{a.pk}/risks/",
            ),
        ]
        for name, path in pages:
            rows.append(page_row(name, client, path, budget=50))
    return rows
