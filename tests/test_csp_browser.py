"""The Content-Security-Policy allows scripts and styles from our own files only, and the
pages still work under it in real Chromium: no violation is reported while pages load,
htmx filters swap, and selects that submit their form on change do so."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser import DESKTOP, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


def _violations(page: Any) -> list[str]:
    return page.evaluate("window.__csp || []")


def test_pages_work_under_the_policy(
    browser: Any, live_server: Any, alice: Any, carrier_a: Any
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console: list[str] = []
    page.on(
        "console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None
    )
    sign_in(page, live_server.url, alice.email, PASSWORD)
    base = f"{live_server.url}/o/{carrier_a.code}"
    for path in (
        "/",
        "/evidence/",
        "/programs/",
        "/profile/requirements/",
        "/operations/",
        "/operations/inspections/",
        "/operations/fleet/",
        "/operations/seals/",
        "/operations/seals/audit/",
        "/operations/incidents/",
        "/people/",
        "/catalogue/requirements/",
        "/team/",
        "/field/",
        "/field/inspect/",
    ):
        response = page.goto(base + path)
        assert response is not None and response.status < 400, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        page.wait_for_load_state("networkidle")
        assert _violations(page) == [], f"{path}: {_violations(page)}"

    # a select that submits its form on change (was an inline onchange handler)
    page.goto(base + "/operations/fleet/")
    page.select_option("select#status", index=1)
    page.wait_for_load_state("networkidle")
    assert "status=" in page.url
    # an htmx filter swaps the table in place
    page.goto(base + "/evidence/")
    page.fill("input[type=search]", "nothing matches this")
    page.wait_for_timeout(600)
    page.wait_for_load_state("networkidle")
    assert _violations(page) == []
    assert console == []
    context.close()


def test_the_sign_in_page_works_under_the_policy(
    browser: Any, live_server: Any, alice: Any
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    sign_in(page, live_server.url, alice.email, PASSWORD)
    assert "/accounts/login/" not in page.url
    assert _violations(page) == []
    context.close()
