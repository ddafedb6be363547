"""Smoke flows in real headless Chromium, at desktop and phone widths."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.common.samples import pdf_bytes
from borderpro.evidence.models import EvidenceFile
from tests.browser import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.fixture
def world(carrier_a, carrier_b, consultancy, carol, alice) -> dict[str, Any]:
    from borderpro.organizations.tests.factories import link_client

    link_client(consultancy, carrier_b, assign=[carol])
    return {"a": carrier_a, "b": carrier_b, "c": consultancy}


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_consultant_signs_in_switches_client_and_language(
    browser, live_server, world, carol, viewport
) -> None:
    page = browser.new_page(viewport=viewport)
    sign_in(page, live_server.url, carol.email, PASSWORD)
    assert page.locator("h1").first.inner_text() in {
        world["a"].name,
        world["b"].name,
        world["c"].name,
    }
    page.click("details.switcher > summary")
    page.click(f"a[href='/o/{world['b'].code}/']")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text() == world["b"].name
    page.click("button[name=language][value=fr]")
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "Activité récente" in page.content()
    page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_carrier_admin_uploads_and_downloads_evidence(
    browser, live_server, world, alice, tmp_path, viewport
) -> None:
    document = tmp_path / "statement-of-support.pdf"
    document.write_bytes(pdf_bytes("Statement of support"))
    page = browser.new_page(viewport=viewport)
    sign_in(page, live_server.url, alice.email, PASSWORD)
    page.goto(f"{live_server.url}/o/{world['a'].code}/evidence/upload/")
    page.set_input_files("input[name=file]", str(document))
    page.fill("input[name=title]", "Statement of support")
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Statement of support"
    assert EvidenceFile.objects.filter(
        organization=world["a"], title="Statement of support"
    ).exists()
    with page.expect_download() as download_info:
        page.click("a:has-text('Download')")
    assert download_info.value.suggested_filename == "statement-of-support.pdf"
    page.goto(f"{live_server.url}/o/{world['a'].code}/evidence/upload/")
    bad = tmp_path / "tool.pdf"
    bad.write_bytes(b"MZ" + b"\x00" * 100)
    page.set_input_files("input[name=file]", str(bad))
    page.click("button[type=submit]")
    assert "tool.pdf was not stored" in page.locator(".field-error").inner_text()
    page.close()


def test_outsider_sees_not_found_for_another_carrier(browser, live_server, world, charlie) -> None:
    page = browser.new_page(viewport=DESKTOP)
    sign_in(page, live_server.url, charlie.email, PASSWORD)
    response = page.goto(f"{live_server.url}/o/{world['a'].code}/evidence/")
    assert response is not None and response.status == 404
    page.close()
