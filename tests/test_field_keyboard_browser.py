"""#21.17: the field app works with a keyboard alone, and the driver's signature has a typed
alternative to drawing (for keyboard and screen-reader users)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from borderpro.operations.models import Inspection
from borderpro.operations.tests.factories import ensure_checklists, unit_for
from tests.pages import browser_page_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_inspection_signed_by_typing_with_the_keyboard_only(
    browser: Any, live_server: Any, bob: Any, carrier_a: Any
) -> None:
    ensure_checklists()
    unit_for(carrier_a, number="T-101", kind="tractor")
    page = browser_page_as(browser, live_server.url, bob.email, {"width": 390, "height": 844})
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/o/{carrier_a.code}/field/inspect/")
    page.focus("#tractor")
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector("#tractor", "e => e.selectedOptions[0].textContent").strip()
    page.focus("fieldset[data-checklist=msc17] [data-all-pass]")
    page.keyboard.press("Enter")
    page.focus("[data-signature-typed]")
    page.keyboard.type("Bob Tremblay")
    page.focus("button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-after]:not([hidden])")
    deadline = time.monotonic() + 20
    while (
        time.monotonic() < deadline
        and not Inspection.objects.filter(organization=carrier_a).exists()
    ):
        time.sleep(0.2)
    inspection = Inspection.objects.get(organization=carrier_a)
    assert inspection.signature_id is not None, "the typed name is kept as the signature"
    page.context.close()
