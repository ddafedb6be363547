"""The Done-when flow in real headless Chromium: the consultant generates the manual from the
carrier profile and edits one procedure with a preview, the officer approves it, and the
Word and PDF files download; at desktop and phone widths, without sideways scrolling."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.organizations.tests.factories import MembershipFactory
from borderpro.policies.tests.factories import profile_for, site_for
from tests.browser import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_generate_edit_approve_and_export(
    browser: Any, live_server: Any, carrier_a: Any, carol: Any, viewport: dict
) -> None:
    officer = MembershipFactory(
        organization=carrier_a, role="owner", user__full_name="Olivia Officer"
    ).user
    profile_for(carrier_a)
    site_for(carrier_a)
    base = f"{live_server.url}/o/{carrier_a.code}/policies/"
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    sign_in(page, live_server.url, carol.email, PASSWORD)
    page.goto(base)
    page.click("form[action$='/generate/'] button.btn")
    page.wait_for_load_state("networkidle")
    assert "17 documents drafted" in page.content()
    page.click("a:has-text('Seal control')")
    page.click("a.btn[href$='/edit/']")
    body = page.input_value("textarea[name=body]")
    page.fill("textarea[name=body]", body + "\n\nSeals are kept in the dispatch safe.\n")
    page.click("button[name=preview]")
    page.wait_for_load_state("networkidle")
    assert "Seals are kept in the dispatch safe." in page.locator(".pl-prose").last.inner_text()
    page.click("button[name=save]")
    page.wait_for_load_state("networkidle")
    url = page.url
    context.close()

    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    sign_in(page, live_server.url, officer.email, PASSWORD)
    page.goto(url)
    page.fill("input[name=signer_name]", "Olivia Officer")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[name=step][value=approved]")
    page.wait_for_load_state("networkidle")
    assert "Signature valid" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
        with page.expect_download() as download:
            page.click(f"a[href*='format={fmt}']")
        with open(download.value.path(), "rb") as f:
            assert f.read(4).startswith(magic)
    context.close()
