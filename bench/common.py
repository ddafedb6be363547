"""Helpers for bench modules: timing pages and API calls in-process."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def timed(call: Callable[[], Any], *, runs: int = 30, warmup: int = 3) -> dict[str, float]:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "median": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, int(len(samples) * 0.95))],
    }


def page_row(
    name: str,
    client: Client,
    url: str,
    *,
    budget: float,
    runs: int = 30,
    headers: dict[str, str] | None = None,
) -> dict:
    response = client.get(url, headers=headers)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        client.get(url, headers=headers)
    figures = timed(lambda: client.get(url, headers=headers), runs=runs)
    return {
        "name": name,
        "value": figures["median"],
        "unit": "ms",
        "budget": budget,
        "note": f"p95 {figures['p95']:.1f} ms, {len(queries)} queries",
    }
