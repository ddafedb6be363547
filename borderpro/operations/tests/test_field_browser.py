"""A driver on a phone: inspection with photo and signature, seal affix + VVTT, discrepancy report —
once online, once with the network cut and restored. Nothing is lost and nothing is duplicated."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from borderpro.common.samples import png_bytes
from borderpro.operations.models import Incident, Inspection, SealEvent
from borderpro.operations.tests.factories import ensure_checklists, unit_for
from tests.browser import PHONE, sign_in, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser: Any, live_server: Any, bob: Any, carrier_a: Any) -> Iterator[Any]:
    ensure_checklists()
    unit_for(carrier_a, number="T-101", kind="tractor")
    unit_for(carrier_a, number="TR-5301", kind="trailer")
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.on("console", lambda msg: print("console:", msg.text))
    page.on("pageerror", lambda err: print("pageerror:", err))
    sign_in(page, live_server.url, bob.email, "correct horse battery staple")
    page.base = f"{live_server.url}/o/{carrier_a.code}/field/"
    yield page
    context.close()


def inspect(page: Any, photo: bytes) -> None:
    page.select_option("#tractor", label="T-101")
    page.select_option("#trailer", label="TR-5301")
    page.fill("#seal_number", "H480100")
    fieldset = page.locator("fieldset[data-checklist=msc17]")
    fieldset.locator(".field-point").first.locator("label.pass").click()
    fieldset.locator(".field-point").first.locator("input[data-photo]").set_input_files(
        {"name": "bumper.png", "mimeType": "image/png", "buffer": photo}
    )
    fieldset.locator("[data-all-pass]").click()
    page.locator("[data-signature]").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('[data-signature]').scrollIntoView({block: 'center'})")
    box = page.locator("[data-signature]").bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + 80, steps=8)
    page.mouse.move(box["x"] + 220, box["y"] + 30, steps=8)
    page.mouse.up()
    page.click("button[type=submit]")
    page.wait_for_selector("[data-after]:not([hidden])")


def settled(page: Any) -> None:
    """Online, wait until the phone's queue is empty (the test server is single-file SQLite)."""
    if page.evaluate("navigator.onLine"):
        wait_for(
            lambda: page.evaluate(
                "document.querySelector('[data-queue-count]').textContent === '0'"
            )
        )
        page.wait_for_load_state("networkidle")


def seal(page: Any, number: str) -> None:
    settled(page)
    page.goto(page.base + "seal/")
    page.fill("#seal_number", number)
    page.select_option("#unit", label="TR-5301")
    page.click("button[type=submit]")
    page.wait_for_selector("[data-after]:not([hidden])")
    settled(page)
    page.goto(page.base + "seal/")
    page.click(".field-seg label:has(input[value=verified])")
    page.fill("#seal_number", number)
    page.select_option("#unit", label="TR-5301")
    for name in ("viewed", "verified", "tugged", "twisted"):
        page.click(f".field-vvtt label:has(input[name={name}])")
    page.click("label.fail:has(input[name=number_matches])")
    page.click("button[type=submit]")
    page.wait_for_selector("[data-failed]:not([hidden])")
    settled(page)


def report(page: Any) -> None:
    page.click("[data-report-link]")
    page.wait_for_selector("#summary")
    page.fill("#summary", "Seal number differs from the bill of lading")
    page.fill("#location", "Hwy 401, Windsor")
    page.click("button[type=submit]")
    page.wait_for_selector("[data-after]:not([hidden])")
    settled(page)


def counts(org: Any) -> tuple[int, int, int]:
    return (
        Inspection.objects.filter(organization=org).count(),
        SealEvent.objects.filter(organization=org).exclude(kind="received").count(),
        Incident.objects.filter(organization=org).count(),
    )


def test_driver_completes_the_field_flow_online_and_offline(phone: Any, carrier_a: Any) -> None:
    page = phone
    # online
    page.goto(page.base + "inspect/")
    wait_for(lambda: page.evaluate("navigator.serviceWorker.controller !== null"), timeout=15)
    inspect(page, png_bytes(40, 30, (200, 10, 10)))
    wait_for(lambda: counts(carrier_a)[0] == 1)
    seal(page, "H480100")
    report(page)
    wait_for(lambda: counts(carrier_a) == (1, 2, 1))
    first = Inspection.objects.get(organization=carrier_a)
    assert first.signature_id is not None
    assert first.points[0]["photos"] and len(first.points) == 17
    assert Incident.objects.get(organization=carrier_a).seal.number == "H480100"

    # the network is cut: pages come from the service worker, records wait on the phone
    page.goto(page.base + "inspect/")
    wait_for(lambda: page.evaluate("navigator.serviceWorker.controller !== null"))
    page.context.set_offline(True)
    inspect(page, png_bytes(40, 30, (10, 200, 10)))
    seal(page, "H480101")
    report(page)
    page.goto(page.base)
    wait_for(
        lambda: page.evaluate("document.querySelector('[data-queue-count]').textContent === '4'")
    )
    assert page.locator("[data-queue-list] li").count() == 4
    assert counts(carrier_a) == (1, 2, 1)

    # the network comes back: everything is sent once
    page.context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_for(lambda: counts(carrier_a) == (2, 4, 2))
    page.wait_for_selector("[data-queue-badge]", state="hidden")
    page.evaluate("window.BorderProField.flush()")  # a late retry changes nothing
    time.sleep(1)
    assert counts(carrier_a) == (2, 4, 2)
    second = Inspection.objects.filter(organization=carrier_a).order_by("-seq").first()
    assert second.signature_id and second.points[0]["photos"]
