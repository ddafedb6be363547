"""Demo data by registration: the seeders run dependencies first, once, and twice is harmless."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import Client

from borderpro.common import demo
from borderpro.common.demo import DemoOrderError, Seeder, in_order


def _seeders(**after: tuple[str, ...]) -> dict[str, Seeder]:
    return {name: Seeder(name, f"x.{name}.seed", deps) for name, deps in after.items()}


def test_dependencies_run_first_and_equals_keep_registration_order() -> None:
    order = in_order(
        _seeders(programs=("people", "organizations"), organizations=(), people=("organizations",))
    )
    assert [s.name for s in order] == ["organizations", "people", "programs"]


def test_a_cycle_is_named() -> None:
    with pytest.raises(DemoOrderError, match="cycle: a, b"):
        in_order(_seeders(a=("b",), b=("a",), c=()))


def test_an_unknown_dependency_is_named() -> None:
    with pytest.raises(DemoOrderError, match="'risk' runs after 'policies'"):
        in_order(_seeders(risk=("policies",)))


def test_a_last_seeder_runs_after_every_other_whatever_the_registration_order() -> None:
    registered = {
        "organizations": Seeder("organizations", "x.organizations.seed"),
        "reminders": Seeder("reminders", "x.reminders.seed", ("organizations",), last=True),
        "risk": Seeder("risk", "x.risk.seed", ("organizations",)),
        "training": Seeder("training", "x.training.seed", ("organizations",)),
    }
    assert [s.name for s in in_order(registered)] == [
        "organizations",
        "risk",
        "training",
        "reminders",
    ]


def test_the_demo_reminders_are_planned_once_every_module_has_seeded() -> None:
    names = [s.name for s in in_order()]
    assert names[-1] == "deadlines"


def test_every_app_registers_its_seeder_after_the_tenancy_one() -> None:
    names = [s.name for s in in_order()]
    assert names[0] == "organizations"
    assert {"evidence", "catalogue", "operations", "profiles", "people", "programs"} <= set(names)
    assert names.index("evidence") < names.index("profiles")
    registered = demo.seeders()
    for name, seeder in registered.items():
        if name != "organizations":
            assert "organizations" in seeder.after, f"{name} must run after the demo tenancy"


def test_the_command_reports_an_ordering_fault(monkeypatch: Any) -> None:
    monkeypatch.setattr(demo, "_SEEDERS", _seeders(a=("b",), b=("a",)))
    with pytest.raises(CommandError, match="cycle"):
        call_command("seed_demo", stdout=StringIO())


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if not model._meta.label.startswith(("sessions.", "django_tasks_db."))
    }


@pytest.mark.django_db(transaction=False)
def test_seeding_twice_gives_the_same_rows_in_every_table() -> None:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = _counts()
    # the consultancy, three carriers and the prospect the consultancy won (consulting demo)
    assert first["organizations.Organization"] == 5
    assert first["evidence.EvidenceFile"] >= 9
    assert first["people.Employee"] == 17 and first["programs.Membership"] == 3
    assert first["operations.Incident"] == 3
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
    assert "carol@northbound.example" in out.getvalue()


@pytest.mark.django_db
def test_if_empty_leaves_a_used_database_alone(alice: Any) -> None:
    out = StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)
    assert (
        not apps.get_model("organizations", "Organization")
        .objects.filter(code="mapleleaf")
        .exists()
    )
    assert "Demo data ready" not in out.getvalue()


@pytest.mark.django_db
def test_the_sign_in_page_lists_the_registered_demo_logins(settings: Any) -> None:
    settings.PRODUCTION = False
    page = Client().get("/accounts/login/").content.decode()
    assert "borderpro-demo" not in page  # no demo users yet
    call_command("seed_demo", stdout=StringIO())
    page = Client().get("/accounts/login/").content.decode()
    assert "borderpro-demo" in page
    assert "chantal@laurentides.example" in page
    assert "field staff (maple leaf" in page.lower()  # the role label the header shows
