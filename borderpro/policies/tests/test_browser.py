"""The Done-when flow in real headless Chromium: the consultant generates the manual from the
carrier profile and edits one procedure with a preview, the officer approves it, and the
Word and PDF files download; at desktop and phone widths, without sideways scrolling, for an
English carrier and for a French one whose people read the app in French."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.organizations.tests.factories import MembershipFactory
from borderpro.policies.tests.factories import profile_for, site_for
from tests.browser import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
# what each reader sees, in their language (the catalogue's and the .po file's words)
SEEN = {
    "en": {
        "drafted": "17 documents drafted",
        "seal": "Seal control",
        "valid": "Signature valid",
        "added": "Seals are kept in the dispatch safe.",
    },
    "fr": {
        "drafted": "17 documents rédigés",
        "seal": "Contrôle des scellés",
        "valid": "Signature valide",
        "added": "Les scellés sont gardés dans le coffre de la répartition.",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_generate_edit_approve_and_export(
    browser: Any, live_server: Any, carrier_a: Any, carol: Any, viewport: dict, language: str
) -> None:
    seen = SEEN[language]
    officer = MembershipFactory(
        organization=carrier_a, role="owner", user__full_name="Olivia Officer"
    ).user
    carrier_a.language = language
    carrier_a.save()
    for user in (officer, carol):
        user.language = language
        user.save()
    profile_for(carrier_a)
    site_for(carrier_a)
    base = f"{live_server.url}/o/{carrier_a.code}/policies/"
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    sign_in(page, live_server.url, carol.email, PASSWORD)
    page.goto(base)
    page.click("form[action$='/generate/'] button.btn")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == language
    assert seen["drafted"] in page.content()
    page.click(f"a:has-text('{seen['seal']}')")
    page.click("a.btn[href$='/edit/']")
    body = page.input_value("textarea[name=body]")
    page.fill("textarea[name=body]", body + f"\n\n{seen['added']}\n")
    page.click("button[name=preview]")
    page.wait_for_load_state("networkidle")
    assert seen["added"] in page.locator(".pl-prose").last.inner_text()
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
    assert seen["valid"] in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
        with page.expect_download() as download:
            page.click(f"a[href*='format={fmt}']")
        with open(download.value.path(), "rb") as f:
            assert f.read(4).startswith(magic)
    context.close()
