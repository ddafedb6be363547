"""Mixed load (DESIGN.md §6, issue #20): locust, started and stopped here on 127.0.0.1,
against gunicorn as the README deploys it, for a fixed time. Consultants browse their
portfolio (session), carriers edit security-profile responses (API), devices post
inspections and seal events with one request in ten retried. Reports throughput, latency
percentiles and errors per kind, then counts in the database: every answered device record
stored exactly once (0 lost, 0 doubled). Budget: 0 errors, pages p95 ≤ 100 ms while devices
post ≥ 100 req/s. People pause 1 to 3 s between requests; devices post at a fixed combined rate
(see ``_locustfile.py``). Meant for PostgreSQL (``DATABASE_URL``); ``BENCH_LOAD_SECONDS``
(30), ``BENCH_LOAD_CONSULTANTS`` (20), ``BENCH_LOAD_CARRIERS`` (20), ``BENCH_LOAD_DEVICES``
(12), ``BENCH_LOAD_DEVICE_RPS`` (120, their combined rate), ``BENCH_LOAD_WORKERS`` (4, as
in the README).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from django.db.models import Count
from django.test import Client
from django_scopes import scopes_disabled

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "30"))
CONSULTANTS = int(os.environ.get("BENCH_LOAD_CONSULTANTS", "20"))
CARRIERS = int(os.environ.get("BENCH_LOAD_CARRIERS", "20"))
DEVICES = int(os.environ.get("BENCH_LOAD_DEVICES", "12"))
DEVICE_RPS = float(os.environ.get("BENCH_LOAD_DEVICE_RPS", "120"))
USERS = CONSULTANTS + CARRIERS + DEVICES
WORKERS = int(os.environ.get("BENCH_LOAD_WORKERS", "4"))
PAGE_P95_BUDGET = 100.0
DEVICE_RPS_BUDGET = 100.0


def _setup() -> dict[str, Any]:
    from bench.operations import _points
    from borderpro.accounts.services import api_token_create
    from borderpro.operations.tests.factories import ensure_checklists, unit_for
    from borderpro.organizations.tests.factories import (
        MembershipFactory,
        OrganizationFactory,
        link_client,
    )
    from borderpro.profiles.tests.factories import catalogue, response_for

    ensure_checklists()
    consultancy: Any = OrganizationFactory(
        kind="consultancy", business_type="", name="Load Consult"
    )
    carrier: Any = OrganizationFactory(name="Load Carrier")
    consultant: Any = MembershipFactory(organization=consultancy, role="consultant").user
    link_client(consultancy, carrier, assign=[consultant])
    admin: Any = MembershipFactory(organization=carrier, role="admin").user
    driver: Any = MembershipFactory(organization=carrier, role="field_staff").user
    framework = catalogue("LOADPIP", n=max(CARRIERS, 1))
    responses = [
        str(response_for(carrier, requirement, narrative="Initial").pk)
        for requirement in framework.requirements.order_by("position")
    ]
    browser = Client()
    browser.force_login(consultant)
    return {
        "consultancy": consultancy.code,
        "carrier": carrier.code,
        "consultant_session": browser.cookies["sessionid"].value,
        "carrier_token": api_token_create(
            user=admin, organization=carrier, name="load carrier", read_only=False
        )[1],
        "device_token": api_token_create(
            user=driver, organization=carrier, name="load device", read_only=False
        )[1],
        "tractor": str(unit_for(carrier, kind="tractor").pk),
        "trailer": str(unit_for(carrier, kind="trailer").pk),
        "points": json.loads(_points()),
        "responses": responses,
        "carrier_id": str(carrier.pk),
        "consultants": CONSULTANTS,
        "carriers": CARRIERS,
        "devices": DEVICES,
        "device_rps": DEVICE_RPS,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_gunicorn(port: int) -> subprocess.Popen[bytes]:
    gunicorn = Path(sys.executable).parent / "gunicorn"
    env = {**os.environ, "DEBUG": "0", "LOG_LEVEL": "WARNING"}
    server = subprocess.Popen(
        [
            str(gunicorn),
            "borderpro.wsgi",
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=str(ROOT),
    )
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def _warm_up(port: int, config: dict[str, Any]) -> None:
    """Every worker answers each kind of request once before the clock starts (a server in
    production is warm: imports, URL resolvers, templates and translations loaded)."""
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    base = f"http://127.0.0.1:{port}"
    pages = [
        f"/o/{config['consultancy']}/clients/",
        f"/o/{config['carrier']}/",
        f"/o/{config['carrier']}/evidence/",
    ]
    api = f"/api/v1/o/{config['carrier']}/profile/responses/{config['responses'][0]}/"

    def fetch(n: int) -> None:
        if n % 4 == 3:
            request = urllib.request.Request(
                base + api, headers={"Authorization": f"Bearer {config['carrier_token']}"}
            )
        else:
            request = urllib.request.Request(
                base + pages[n % 3], headers={"Cookie": f"sessionid={config['consultant_session']}"}
            )
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()

    with ThreadPoolExecutor(max_workers=WORKERS * 2) as pool:
        list(pool.map(fetch, range(WORKERS * 12)))


def _run_locust(port: int, config: dict[str, Any], folder: Path) -> dict[str, Any]:
    (folder / "config.json").write_text(json.dumps(config))
    env = {
        **os.environ,
        "BENCH_LOAD_CONFIG": str(folder / "config.json"),
        "BENCH_LOAD_SENT": str(folder / "sent.json"),
    }
    locust = Path(sys.executable).parent / "locust"
    subprocess.run(
        [
            str(locust),
            "-f",
            str(ROOT / "bench" / "_locustfile.py"),
            "--headless",
            "--users",
            str(USERS),
            "--spawn-rate",
            str(USERS),
            "--run-time",
            f"{SECONDS}s",
            "--host",
            f"http://127.0.0.1:{port}",
            "--csv",
            str(folder / "load"),
            "--only-summary",
            "--loglevel",
            "WARNING",
            "--stop-timeout",
            "10",
        ],
        env=env,
        cwd=str(folder),
        check=False,
        capture_output=True,
    )
    with open(folder / "load_stats.csv") as handle:
        stats = [row for row in csv.DictReader(handle) if row["Name"] != "Aggregated"]
    failures: list[dict[str, str]] = []
    if (folder / "load_failures.csv").exists():
        with open(folder / "load_failures.csv") as handle:
            failures = list(csv.DictReader(handle))
    sent = json.loads((folder / "sent.json").read_text())
    return {"stats": stats, "failures": failures, "sent": sent}


def _count(config: dict[str, Any], sent: dict[str, Any]) -> dict[str, int]:
    from borderpro.operations.models import Inspection, SealEvent

    figures: dict[str, int] = {}
    for kind, model in (("inspection", Inspection), ("seal", SealEvent)):
        answered = {cid for cid, s in sent[kind].items() if s["ok"]}
        rows = model.objects.filter(organization_id=config["carrier_id"], trip_ref="LOAD")
        stored = set(map(str, rows.values_list("client_id", flat=True)))
        doubled = rows.values("client_id").annotate(n=Count("id")).filter(n__gt=1).count()
        figures[f"{kind}_answered"] = len(answered)
        figures[f"{kind}_lost"] = len(answered - stored)
        figures[f"{kind}_doubled"] = doubled
        figures[f"{kind}_retries"] = sum(len(s["statuses"]) - 1 for s in sent[kind].values())
    return figures


def _ms(row: dict[str, str], key: str) -> float:
    try:
        return float(row[key])
    except (KeyError, ValueError):
        return 0.0


def run() -> list[dict[str, Any]]:
    from django.db import connection

    if not shutil.which("locust") and not (Path(sys.executable).parent / "locust").exists():
        return [{"name": "load: mixed", "value": 0, "budget": None, "note": "locust missing"}]
    with scopes_disabled():
        config = _setup()
    port = _free_port()
    server = _start_gunicorn(port)
    try:
        _warm_up(port, config)
        with tempfile.TemporaryDirectory(prefix="borderpro-load-") as scratch:
            result = _run_locust(port, config, Path(scratch))
    finally:
        server.terminate()
        server.wait(timeout=20)
    with scopes_disabled():
        counted = _count(config, result["sent"])
    stats = result["stats"]
    pages = [r for r in stats if r["Name"].startswith("page:")]
    devices = [r for r in stats if r["Name"].startswith("device:")]
    device_rps = sum(_ms(r, "Requests/s") for r in devices)
    page_p95 = max((_ms(r, "95%") for r in pages), default=0.0)
    errors = sum(int(r["Failure Count"]) for r in stats)
    kinds = "; ".join(
        f"{f['Method']} {f['Name']}: {f['Error'][:80]} x{f['Occurrences']}"
        for f in result["failures"]
    )
    per_kind = "; ".join(
        f"{r['Name']} {_ms(r, 'Requests/s'):.0f}/s p50 {_ms(r, '50%'):.0f} p95 {_ms(r, '95%'):.0f} "
        f"p99 {_ms(r, '99%'):.0f} ms"
        for r in stats
    )
    lost = counted["inspection_lost"] + counted["seal_lost"]
    doubled = counted["inspection_doubled"] + counted["seal_doubled"]
    setting = (
        f"{connection.vendor}, gunicorn {WORKERS} workers, locust {USERS} users for {SECONDS} s "
        f"on 127.0.0.1 ({CONSULTANTS} consultants and {CARRIERS} carriers pausing 1 to 3 s, "
        f"{DEVICES} devices posting {DEVICE_RPS:.0f} req/s together)"
    )
    return [
        {
            "name": "load: devices posting",
            "value": device_rps,
            "unit": "req/s",
            "budget": DEVICE_RPS_BUDGET,
            "better": "higher",
            "note": f"{setting}; {per_kind}",
        },
        {
            "name": "load: pages p95 (worst page)",
            "value": page_p95,
            "unit": "ms",
            "budget": PAGE_P95_BUDGET,
        },
        {"name": "load: errors", "value": errors, "unit": "", "budget": 0, "note": kinds or "none"},
        {
            "name": "load: device records lost or doubled",
            "value": lost + doubled,
            "unit": "",
            "budget": 0,
            "note": (
                f"inspections answered {counted['inspection_answered']}, lost "
                f"{counted['inspection_lost']}, doubled {counted['inspection_doubled']}; seal events "
                f"answered {counted['seal_answered']}, lost {counted['seal_lost']}, doubled "
                f"{counted['seal_doubled']}; retries sent {counted['inspection_retries'] + counted['seal_retries']}"
            ),
        },
    ]
