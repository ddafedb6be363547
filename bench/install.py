"""Fresh install: what `make` runs on a new clone once the dependencies are in (the `db` and
`run` targets, with the same arguments): migrate, createcachetable, load_catalogue and
seed_demo, each a separate `manage.py` process (so Python and Django start-up count, as they
do for the user) on a brand new database: a temporary SQLite file, or, when DATABASE_URL is
set, a PostgreSQL database created for the run and dropped afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "borderpro_install_bench"

STEPS = [
    ("migrate", ["migrate", "--no-input", "-v0"]),
    ("createcachetable", ["createcachetable"]),
    ("load_catalogue", ["load_catalogue", "--skip-checks"]),
    ("seed_demo", ["seed_demo", "--if-empty", "--skip-checks"]),
]


def _postgres(url: str, statement: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(statement)


def _install(env: dict[str, str]) -> dict[str, float]:
    seconds: dict[str, float] = {}
    for name, args in STEPS:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        seconds[name] = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"install bench: {name} failed:\n{done.stderr[-3000:]}")
    return seconds


def run() -> list[dict]:
    url = os.environ.get("DATABASE_URL", "")
    with tempfile.TemporaryDirectory(prefix="install-bench-") as var:
        # As `make` runs it: the default task backend (the database queue), a new var/ dir.
        env = {k: v for k, v in os.environ.items() if k != "TASKS_BACKEND"}
        env["BORDERPRO_VAR_DIR"] = var
        env["DJANGO_SETTINGS_MODULE"] = "borderpro.settings"
        if url:
            env["DATABASE_URL"] = urlunsplit(urlsplit(url)._replace(path=f"/{BENCH_DATABASE}"))
            _postgres(url, f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
            _postgres(url, f"CREATE DATABASE {BENCH_DATABASE}")
        try:
            seconds = _install(env)
        finally:
            if url:
                _postgres(url, f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)")
    total = sum(seconds.values())
    database = "PostgreSQL" if url else "SQLite"
    rows: list[dict] = [
        {
            "name": f"fresh install, step: {name}",
            "value": value,
            "unit": "s",
            "budget": None,
        }
        for name, value in seconds.items()
    ]
    rows.append(
        {
            "name": f"fresh install, total ({database})",
            "value": total,
            "unit": "s",
            "budget": 10,
            "note": "migrate + createcachetable + load_catalogue + seed_demo: "
            + ", ".join(f"{name} {value:.1f} s" for name, value in seconds.items()),
        }
    )
    return rows
