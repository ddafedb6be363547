"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis).

In-process through the WSGI application (no network), on the demo data set, with a
read-write token of a carrier admin and the ids of real demo objects pinned in the paths, so
requests reach the handlers instead of stopping at 404. Every operation gets valid
(schema-conforming) and invalid data; the test fails on any server error (5xx), and on a
successful answer that does not match its documented schema. Bounded: a few examples per
operation and a total time budget, so it runs in every CI run on SQLite and PostgreSQL.

``FUZZ_EXAMPLES`` and ``FUZZ_SECONDS`` in the environment raise the bounds for a longer run.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from typing import Any

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django_scopes import scope
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from borderpro.accounts.models import User
from borderpro.accounts.services import api_token_create
from borderpro.common.models import Job
from borderpro.common.routing import OBJECT_KWARGS
from borderpro.organizations.models import Membership

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "12"))
BUDGET_SECONDS = float(os.environ.get("FUZZ_SECONDS", "60"))
DEMO_ADMIN = "alice@mapleleaf.example"


def _real_ids(organization: Any) -> dict[str, str]:
    """One real object of the organization for every ``<thing>_id`` in the API's paths."""
    ids = {}
    for kwarg, (label, org_path) in OBJECT_KWARGS.items():
        rows = apps.get_model(label).objects.order_by("pk")
        first = (
            rows.filter(**{org_path: organization}).first()
            # shared rows the organization reads (the catalogue's own frameworks)
            or rows.filter(**{f"{org_path}__isnull": True}).first()
        )
        if first is not None:
            ids[kwarg] = str(first.pk)
    return ids


def _checks() -> list[Any]:
    from schemathesis.specs.openapi.checks import response_schema_conformance

    return [response_schema_conformance]


class _TestWSGIHandler(WSGIHandler):
    """The WSGI application, keeping the test's database connection between requests (as
    Django's test client does): the requests run inside the test's transaction."""

    def __call__(self, environ: Any, start_response: Any) -> Any:
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            response = super().__call__(environ, start_response)
            return list(response)
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)


class Tally:
    def __init__(self) -> None:
        self.requests = 0
        self.statuses: Counter[int] = Counter()
        self.server_errors: list[str] = []
        self.nonconforming: list[str] = []
        self.operations = 0
        self.skipped: list[str] = []
        self.unexercised: list[str] = []


def _fuzz_operation(
    operation: Any, path_parameters: dict[str, str], token: str, tally: Tally, deadline: float
) -> None:
    from schemathesis.core.failures import FailureGroup
    from schemathesis.generation import GenerationMode

    needed = {p.name for p in operation.path_parameters}
    pinned = {k: v for k, v in path_parameters.items() if k in needed}
    if needed - set(pinned):
        tally.skipped.append(
            f"{operation.label} (no demo object for {sorted(needed - set(pinned))})"
        )
        return
    strategy = st.one_of(
        operation.as_strategy(GenerationMode.POSITIVE, path_parameters=pinned),
        operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=pinned),
    )
    headers = {"Authorization": f"Bearer {token}"}
    before = tally.requests

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        if time.monotonic() > deadline and tally.requests > before:
            return  # this operation's share of the time budget is spent
        case.path_parameters = {**(case.path_parameters or {}), **pinned}
        response = case.call(headers=headers)
        tally.requests += 1
        tally.statuses[response.status_code] += 1
        where = f"{case.method} {case.formatted_path}"
        if response.status_code >= 500:
            tally.server_errors.append(f"{where} → {response.status_code}: {response.text[:300]}")
            return
        if 200 <= response.status_code < 300:
            try:
                case.validate_response(response, checks=_checks())
            except (FailureGroup, AssertionError) as exc:
                found = getattr(exc, "exceptions", [exc])
                tally.nonconforming.append(f"{where}: {'; '.join(str(e)[:200] for e in found)}")

    run()
    if tally.requests > before:
        tally.operations += 1
    else:
        tally.unexercised.append(operation.label)


def test_the_api_survives_fuzzing_with_no_server_error(settings: Any) -> None:
    import schemathesis

    settings.DEBUG = False
    settings.API_DOCS_PUBLIC = True
    seeding = time.monotonic()
    call_command("load_catalogue", verbosity=0)
    call_command("seed_demo", verbosity=0)
    seeded_in = time.monotonic() - seeding
    admin = User.objects.get(email=DEMO_ADMIN)
    organization = Membership.objects.get(user=admin, role="admin").organization
    token = api_token_create(user=admin, organization=organization, name="fuzz", read_only=False)[1]
    finished = Job(organization=organization, kind="evidence.export_zip", status="succeeded")
    finished.result_file.save("export.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    app = _TestWSGIHandler()
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", app)
    # (after the first request: the URL modules that register the id kwargs are loaded)
    path_parameters = {"org_code": organization.code, **_real_ids(organization)}
    operations = [result.ok() for result in schema.get_all_operations()]
    share = BUDGET_SECONDS / len(operations)  # every operation gets its part of the budget
    tally = Tally()
    started = time.monotonic()
    with scope():  # tenant scopes on, as in production: a query without its tenant fails
        for operation in operations:
            deadline = time.monotonic() + share
            _fuzz_operation(operation, path_parameters, token, tally, deadline)
    elapsed = time.monotonic() - started

    summary = {
        "operations": tally.operations,
        "in_schema": len(operations),
        "requests": tally.requests,
        "server_errors": len(tally.server_errors),
        "nonconforming": len(tally.nonconforming),
        "statuses": dict(sorted(tally.statuses.items())),
        "seconds": round(elapsed, 1),
        "seeding_seconds": round(seeded_in, 1),
        "skipped": tally.skipped,
        "unexercised": tally.unexercised,
    }
    print("API fuzzing:", json.dumps(summary))
    for line in tally.server_errors + tally.nonconforming:
        print("  ", line)
    assert tally.server_errors == [], "\n".join(tally.server_errors[:20])
    assert tally.nonconforming == [], "\n".join(tally.nonconforming[:20])
    assert tally.operations == len(operations) - len(tally.skipped)
