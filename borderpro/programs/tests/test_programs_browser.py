"""In a real browser: Alice asks what blocks FAST for a driver with an expired card, on a
phone, then records the PIP membership and sees the program open on the desktop."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from borderpro.people.tests.factories import card_for, employee_for
from tests.browser import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"


def test_what_if_on_a_phone_then_record_the_membership(
    browser: Any, live_server: Any, alice: Any, carrier_a: Any
) -> None:
    dan = employee_for(carrier_a, "Dan Expired")
    card_for(dan, expires_on=date(2026, 1, 1))
    base = f"{live_server.url}/o/{carrier_a.code}/programs/"

    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    sign_in(phone, live_server.url, alice.email, PASSWORD)
    phone.goto(base + "what-if/")
    phone.select_option("select[name=direction]", "into_canada")
    phone.select_option("select[name=driver]", label="Dan Expired")
    phone.fill("input[name=crossing_date]", "2026-12-01")
    phone.fill("input[name=port_code]", "0440")
    phone.click("button[type=submit]")
    phone.wait_for_load_state("networkidle")
    text = phone.inner_text("main")
    assert "FAST and CDRP cards are expired or missing on the crossing date" in text
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.context.close()

    desk = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(desk, live_server.url, alice.email, PASSWORD)
    desk.goto(base + "memberships/PIP/")
    desk.select_option("select[name=status]", "approved")
    desk.click("button[type=submit]")
    assert "Give the approval date" in desk.inner_text("main")
    desk.fill("input[name=approved_on]", "2022-03-15")
    desk.click("button[type=submit]")
    desk.wait_for_load_state("networkidle")
    desk.goto(base + "MRA/")
    assert "Eligible" in desk.inner_text("h1")
    desk.context.close()
