"""The demo seeder gives Maple Leaf Freightways a register worth looking at, once."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from borderpro.accounts.models import User
from borderpro.organizations.models import Organization
from borderpro.partners import selectors
from borderpro.partners.models import Partner

pytestmark = pytest.mark.django_db


def test_the_demo_register_has_every_case() -> None:
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    org = Organization.objects.get(code="mapleleaf")
    assert Partner.objects.filter(organization=org).count() == 12
    register = selectors.partner_register(org, org.local_today())
    counts = register.counts
    assert counts["certified"] >= 4 and counts["overdue"] >= 1 and counts["unscreened"] >= 1
    assert counts["subcontract_gap"] == 1
    client = Client()
    client.force_login(User.objects.get(email="alice@mapleleaf.example"))
    page = client.get("/o/mapleleaf/partners/").content.decode()
    assert "Quick Lane Carriers" in page and "Re-screening overdue" in page
