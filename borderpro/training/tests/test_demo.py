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


def test_the_french_demo_carrier_has_a_french_history_and_only_recent_lapses() -> None:
    """Transports Laurentides' drivers were trained (in French), and what is overdue lapsed
    weeks ago, not years: the dashboard shows a carrier keeping up, with one refresher late."""
    from datetime import timedelta

    from borderpro.training.models import TrainingSession
    from borderpro.training.selectors import OVERDUE

    call_command("seed_demo", verbosity=0)
    org = Organization.objects.get(code="laurentid")
    today = org.local_today()
    matrix = training_matrix(org, today=today)
    assert matrix.counts()["done"] >= 8
    overdue = [cell for row in matrix.rows for cell in row.cells if cell.state == OVERDUE]
    assert overdue, "one refresher lapsed, for the demo to show"
    late = [
        (row.employee.full_name, matrix.courses[i].code, cell.due_on)
        for row in matrix.rows
        for i, cell in enumerate(row.cells)
        if cell.state == OVERDUE
    ]
    assert all(due and due >= today - timedelta(days=60) for _n, _c, due in late), late
    topics = TrainingSession.objects.filter(organization=org).values_list("topics", flat=True)
    assert "Qui appeler, quoi consigner, à quoi ne pas toucher." in topics
