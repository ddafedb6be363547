"""A consultant takes a carrier from gaps to an exported package, in real headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from borderpro.profiles.models import PackageSnapshot, Response
from tests.browser import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_consultant_answers_a_requirement_and_exports_the_package(
    browser: Any, live_server: Any, carol: Any, carrier_a: Any, viewport: dict
) -> None:
    call_command("load_catalogue", verbosity=0)
    page = browser.new_page(viewport=viewport)
    sign_in(page, live_server.url, carol.email, PASSWORD)
    base = f"{live_server.url}/o/{carrier_a.code}/profile/"

    page.goto(base + "requirements/")
    page.wait_for_load_state("networkidle")
    assert "Security profile" in page.locator("h1").inner_text()
    first = page.locator(".pf-item").first
    first.locator("button", has_text="Edit").click()
    editor = page.locator("form[data-pf-editor]")
    editor.wait_for()
    editor.locator("select[name=status]").select_option("implemented")
    narrative = "Our Mississauga terminal manager reviews the seal log every Monday and signs it."
    editor.locator("textarea[name=narrative]").fill(narrative)
    editor.locator("button", has_text="Save").click()
    page.wait_for_selector("form[data-pf-editor]", state="detached")
    saved = Response.objects.get(organization=carrier_a, narrative=narrative)
    assert saved.status == "implemented" and saved.updated_by == carol

    page.goto(base + "packages/")
    page.click("button:has-text('Build the package')")
    page.wait_for_selector(".job a.btn", timeout=30_000)  # the job page offers the download
    snapshot = PackageSnapshot.objects.get(organization=carrier_a)
    page.goto(base + "packages/")
    with page.expect_download() as download:
        page.click(f"a[href$='/packages/{snapshot.pk}/pdf/']")
    assert download.value.suggested_filename.endswith(".pdf")
    page.close()
