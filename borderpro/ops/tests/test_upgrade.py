"""Upgrading keeps old data valid: records written before chain heads were sealed (common
0003) still verify after migrating forward, with every row kept (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from borderpro.ops.tests.data import populate, snapshot

BEFORE_SEALS = [("common", "0003_chainhead_prev_hash")]


def _migrate(targets: list[tuple[str, str]] | None = None) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.fixture
def back_to_latest() -> Iterator[None]:
    yield
    _migrate()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_records_from_before_sealed_heads_verify_after_the_upgrade(
    alice: Any, carrier_a: Any, charlie: Any, carrier_b: Any
) -> None:
    populate(carrier_a, alice)
    populate(carrier_b, charlie)
    before = snapshot()
    _migrate(BEFORE_SEALS)  # the database as the earlier release left it: heads unsealed
    with connection.cursor() as cursor:
        columns = [
            c.name
            for c in connection.introspection.get_table_description(cursor, "common_chainhead")
        ]
    assert "seal" not in columns

    _migrate()

    after = snapshot()
    assert after["counts"] == before["counts"]
    assert after["files"] == before["files"]
    assert after["chains"] == before["chains"]
    assert all(ok for ok, _n in after["chains"].values())
    call_command("verify_records", "--no-save", verbosity=0)
