"""`make bench`: measure Border Pro against the budgets of DESIGN.md §6.

Builds a fresh database (SQLite under var/bench/, or DATABASE_URL), generates data of the
stated size, measures server time in-process (Django's test client: no network, no browser)
and prints one table plus JSON (var/bench/results.json). Each module ``bench/<app>.py`` with
a ``run() -> list[dict]`` function adds its own rows.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _prepare(fresh: bool) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borderpro.settings")
    os.environ.setdefault("BORDERPRO_VAR_DIR", str(ROOT / "var" / "bench"))
    os.environ.setdefault("TASKS_BACKEND", "immediate")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    var = Path(os.environ["BORDERPRO_VAR_DIR"])
    if fresh and not os.environ.get("DATABASE_URL"):
        for name in ("borderpro.sqlite3", "borderpro.sqlite3-wal", "borderpro.sqlite3-shm"):
            (var / name).unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)


def _format(rows: list[dict]) -> str:
    lines = [f"{'measure':58} {'value':>12} {'budget':>12}  verdict", "-" * 96]
    for row in rows:
        better = row.get("better", "lower")
        budget = row.get("budget")
        if budget is None:
            verdict = "info"
        elif better == "lower":
            verdict = "OK" if row["value"] <= budget else "OVER BUDGET"
        else:
            verdict = "OK" if row["value"] >= budget else "UNDER BUDGET"
        unit = row.get("unit", "ms")
        budget_text = (
            f"{'≤' if better == 'lower' else '≥'} {budget:g} {unit}" if budget is not None else ""
        )
        lines.append(
            f"{row['name'][:58]:58} {row['value']:>9.1f} {unit:<3}{budget_text:>12}  {verdict}"
        )
        if row.get("note"):
            lines.append(f"    {row['note']}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__)
    parser.add_argument("--only", help="comma-separated module names (foundation,catalogue,...)")
    parser.add_argument("--keep", action="store_true", help="reuse the existing bench database")
    options = parser.parse_args()
    _prepare(fresh=not options.keep)
    wanted = set(options.only.split(",")) if options.only else None
    names = [
        "foundation",
        *sorted(
            m.name
            for m in pkgutil.iter_modules([str(Path(__file__).parent)])
            if m.name not in ("foundation", "__main__", "common") and not m.name.startswith("_")
        ),
    ]
    rows: list[dict] = []
    for name in names:
        if wanted and name not in wanted:
            continue
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "run"):
            continue
        started = time.perf_counter()
        print(f"… {name}", file=sys.stderr, flush=True)
        module_rows = module.run()
        for row in module_rows:
            row.setdefault("module", name)
        rows.extend(module_rows)
        print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(_format(rows))
    out = Path(os.environ["BORDERPRO_VAR_DIR"]) / "results.json"
    out.write_text(json.dumps(rows, indent=2, default=str))
    print(f"\nJSON: {out}")
    over = [
        r
        for r in rows
        if r.get("budget") is not None
        and (
            r["value"] > r["budget"]
            if r.get("better", "lower") == "lower"
            else r["value"] < r["budget"]
        )
    ]
    return 1 if over and os.environ.get("BENCH_STRICT") else 0


if __name__ == "__main__":
    sys.exit(main())
