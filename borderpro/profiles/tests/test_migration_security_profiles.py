"""The migration to one security profile per division keeps existing data: responses, readiness
points and packages move onto each organization's main profile (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from borderpro.common.ids import uuid7

BEFORE = [("profiles", "0001_initial")]
AFTER = [("profiles", "0004_h4_security_profile_required")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest() -> Any:
    """Whatever the test does, the schema ends at the newest migration of every app (later
    tests in this process expect it)."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_existing_responses_move_onto_the_main_profile(carrier_a: Any, carrier_b: Any) -> None:
    from borderpro.profiles.tests.factories import catalogue

    framework = catalogue("PIPX", n=1)
    requirement = framework.requirements.get()
    apps = _migrate(BEFORE)
    Response = apps.get_model("profiles", "Response")
    ReadinessPoint = apps.get_model("profiles", "ReadinessPoint")
    Response.objects.create(
        id=uuid7(),
        organization_id=carrier_a.pk,
        requirement_id=requirement.pk,
        status="implemented",
        narrative="Kept as it was.",
    )
    ReadinessPoint.objects.create(
        id=uuid7(),
        organization_id=carrier_a.pk,
        framework_id=framework.pk,
        day="2026-11-01",
        score=80,
    )
    apps = _migrate(AFTER)
    SecurityProfile = apps.get_model("profiles", "SecurityProfile")
    Response = apps.get_model("profiles", "Response")
    ReadinessPoint = apps.get_model("profiles", "ReadinessPoint")
    main = SecurityProfile.objects.get(organization_id=carrier_a.pk)
    assert main.is_primary and main.code == "main" and main.division_id is None
    response = Response.objects.get(organization_id=carrier_a.pk)
    assert response.security_profile_id == main.pk
    assert response.narrative == "Kept as it was."
    assert ReadinessPoint.objects.get(organization_id=carrier_a.pk).security_profile_id == main.pk
    assert not SecurityProfile.objects.filter(organization_id=carrier_b.pk).exists()
