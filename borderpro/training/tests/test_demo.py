"""The demo gives Maple Leaf staff, a training history and a matrix with realistic gaps, and
the consultancy a seminar with registrations and a waiting list."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from borderpro.accounts.models import User
from borderpro.organizations.models import Organization
from borderpro.training.models import Registration, Seminar
from borderpro.training.selectors import training_matrix

pytestmark = pytest.mark.django_db


def test_the_demo_matrix_has_gaps_and_the_seminar_has_registrations() -> None:
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)
    org = Organization.objects.get(code="mapleleaf")
    counts = training_matrix(org, today=org.local_today()).counts()
    assert counts["done"] >= 15 and counts["due"] >= 3 and counts["overdue"] >= 10
    client = Client()
    client.force_login(User.objects.get(email="alice@mapleleaf.example"))
    page = client.get("/o/mapleleaf/training/").content.decode()
    assert "Tom Kowalski" in page and "Overdue" in page
    seminar = Seminar.objects.filter(organization__code="northbnd", published=True).first()
    assert seminar is not None
    assert Registration.objects.filter(seminar=seminar).count() == 4
    public = Client().get(f"/p/northbnd/seminars/{seminar.pk}/").content.decode()
    assert "1 seat left" in public
