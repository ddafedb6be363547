"""Playwright in Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, answering one request at a time.

    On SQLite the test database is in memory and every server thread shares one connection
    with the test (Django's ``connections_override``): two requests at once (a page and its
    service worker, say) interleave their statements on that connection and one of them
    fails with "database table is locked". Connections still get their own threads; the
    application runs under a lock, its answer read out in full before the next one starts."""

    _lock = threading.Lock()

    def set_app(self, application: Any) -> None:
        def serial(environ: Any, start_response: Any) -> list[bytes]:
            with self._lock:
                result = application(environ, start_response)
                try:
                    return list(result)
                finally:
                    close = getattr(result, "close", None)
                    if close is not None:
                        close()

        super().set_app(serial)


LiveServerThread.server_class = OneRequestAtATimeServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield instance
        instance.close()


def sign_in(page: Any, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def wait_until(page: Any, expression: str, timeout: float = 20.0) -> None:
    """Wait until a JavaScript ``expression`` is true in ``page``, polling from Python.

    Playwright's ``wait_for_function`` evaluates its predicate with ``eval`` inside the page,
    which our Content-Security-Policy forbids (as it should); ``page.evaluate`` does not."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if page.evaluate(f"() => Boolean({expression})"):
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for: {expression}")


def wait_for(condition: Callable[[], bool], page: Any = None, timeout: float = 20.0) -> None:
    """Poll a Python ``condition`` (usually a database count) until it holds.

    With a ``page``, Playwright runs its handlers (routes) while waiting. On SQLite the test
    database is an in-memory one shared with the live server's thread, where a read that
    meets the server's write transaction fails at once with "table is locked" instead of
    waiting; that read counts as "not yet" and is tried again."""
    import time

    from django.db import OperationalError

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OperationalError as error:
            if "locked" not in str(error):
                raise
        if page is not None:
            page.wait_for_timeout(200)
        else:
            time.sleep(0.2)
    raise AssertionError("timed out waiting for the records to arrive")
