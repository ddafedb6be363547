"""The stepper and the heat map in real headless Chromium, at desktop and phone widths."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.risk import threats
from borderpro.risk.tests.factories import action_for, assessment_for, flow_for, rating_for
from tests.browser import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_a_consultant_follows_the_steps_and_sees_the_heat_map(
    browser: Any, live_server: Any, alice: Any, carrier_a: Any, ctpat: Any, viewport: dict
) -> None:
    a = assessment_for(carrier_a)
    flow = flow_for(a)
    for threat in threats.library():
        rating_for(a, threat.code, 1)
    rating_for(a, "contraband", 2, flow=flow)
    action_for(a)
    page = browser.new_page(viewport=viewport)
    sign_in(page, live_server.url, alice.email, PASSWORD)
    page.goto(f"{live_server.url}/o/{carrier_a.code}/risk/{a.pk}/map/")
    assert page.locator("nav.rk-steps a.active").inner_text().startswith("1.")
    assert page.locator("svg.flowmap").is_visible()
    page.click("nav.rk-steps a:has-text('4.')")
    page.wait_for_load_state("networkidle")
    heat = page.locator("svg.heatmap")
    assert heat.is_visible()
    assert heat.locator("rect").count() == 9
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= viewport["width"], "the page scrolls sideways"
    page.close()
