"""The field app in real Chromium at phone and desktop width: a passed inspection shows no
failure warning, a double tap / reload / resend stores one record, a held unit is flagged
before it is inspected, and field staff land on the field app."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from borderpro.operations.models import Incident, Inspection, SealEvent, Unit
from borderpro.operations.tests.factories import ensure_checklists, unit_for
from tests.browser import PHONE, sign_in, wait_for, wait_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
SHOTS = Path(os.environ.get("BORDERPRO_SHOTS", "/work/wt/shots/h5"))


def shot(page: Any, name: str) -> None:
    if SHOTS.parent.exists():
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def field(browser: Any, live_server: Any, bob: Any, carrier_a: Any, request: Any) -> Any:
    ensure_checklists()
    unit_for(carrier_a, number="T-101", kind="tractor")
    unit_for(carrier_a, number="TR-5301", kind="trailer")
    viewport = request.node.callspec.params["viewport"]
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15000)
    sign_in(page, live_server.url, bob.email, PASSWORD)
    page.base = f"{live_server.url}/o/{carrier_a.code}/field/"
    page.tag = "phone" if viewport == PHONE else "desktop"
    yield page
    context.close()


def fill_passing_inspection(page: Any) -> None:
    page.goto(page.base + "inspect/")
    page.select_option("#tractor", label="T-101")
    page.select_option("#trailer", label="TR-5301")
    page.locator("fieldset[data-checklist=msc17] [data-all-pass]").click()


def queue_empty(page: Any) -> None:
    wait_until(page, "document.querySelector('[data-queue-count]').textContent === '0'")


@WIDTHS
def test_a_passed_inspection_and_a_seal_affix_show_no_failure_warning(
    field: Any, carrier_a: Any, viewport: Any
) -> None:
    page = field
    fill_passing_inspection(page)
    page.click("button[type=submit]")
    page.wait_for_selector("[data-after]:not([hidden])")
    wait_until(page, "document.querySelector('form[data-record]').dataset.state === 'sent'")
    assert page.locator("[data-failed]").is_hidden()
    assert page.locator("[data-failed]").evaluate("el => getComputedStyle(el).display") == "none"
    assert page.locator("button[type=submit]").is_disabled()
    shot(page, f"inspection-passed-{page.tag}")
    assert Inspection.objects.get(organization=carrier_a).result == "pass"

    page.goto(page.base + "seal/")
    page.fill("#seal_number", "H480100")
    page.select_option("#unit", label="TR-5301")
    page.click("button[type=submit]")
    wait_until(page, "document.querySelector('form[data-record]').dataset.state === 'sent'")
    assert page.locator("[data-failed]").is_hidden()
    # the verification sections of other kinds stay hidden too
    assert page.locator("[data-show=verified]").is_hidden()
    shot(page, f"seal-affixed-{page.tag}")


@WIDTHS
def test_a_failed_point_does_show_the_warning(field: Any, carrier_a: Any, viewport: Any) -> None:
    page = field
    page.goto(page.base + "inspect/")
    page.select_option("#trailer", label="TR-5301")
    point = page.locator("fieldset[data-checklist=msc17] .field-point").first
    point.locator("label.fail").click()
    point.locator("[data-note]").fill("Hole in the bumper")
    page.locator("fieldset[data-checklist=msc17] [data-all-pass]").click()
    page.click("button[type=submit]")
    page.wait_for_selector("[data-failed]:not([hidden])")
    assert page.locator("[data-failed]").is_visible()
    wait_for(lambda: Inspection.objects.filter(organization=carrier_a).count() == 1)


@WIDTHS
def test_double_tap_reload_and_resend_store_one_inspection(
    field: Any, carrier_a: Any, viewport: Any
) -> None:
    page = field
    fill_passing_inspection(page)
    # the server stores the record but its answer is lost (a dropped connection)
    lost: list[str] = []

    def drop_answer(route: Any) -> None:
        if route.request.method == "POST" and not lost:
            route.fetch()
            lost.append(route.request.post_data_json["client_id"])
            route.abort()
        else:
            route.continue_()

    page.route("**/api/v1/o/*/inspections/", drop_answer)
    page.evaluate(
        "() => { const f = document.querySelector('form[data-record]');"
        " f.requestSubmit(); f.requestSubmit(); }"
    )
    page.locator("button[type=submit]").click(force=True)  # a third tap on the disabled button
    wait_for(lambda: bool(lost), page)
    assert page.locator("button[type=submit]").is_disabled()
    wait_for(lambda: Inspection.objects.filter(organization=carrier_a).count() == 1, page)
    page.unroute("**/api/v1/o/*/inspections/")

    # reload: the same record (same client id) is shown as sent or waiting, not a blank form
    page.reload()
    page.wait_for_selector("[data-after]:not([hidden])")
    assert page.locator("fieldset[data-checklist=msc17]").is_hidden()
    queue_empty(page)  # the queued copy was resent and acknowledged as the stored record
    wait_until(page, "document.querySelector('form[data-record]').dataset.state === 'sent'")
    shot(page, f"inspection-after-reload-{page.tag}")
    page.evaluate("window.BorderProField.flush()")  # resend: nothing left, nothing new
    time.sleep(0.5)
    records = list(Inspection.objects.filter(organization=carrier_a))
    assert len(records) == 1
    assert str(records[0].client_id) == lost[0]

    # opening the form again starts a new record
    fill_passing_inspection(page)
    page.click("button[type=submit]")
    wait_for(lambda: Inspection.objects.filter(organization=carrier_a).count() == 2)


@WIDTHS
def test_double_tap_stores_one_seal_event_and_one_incident(
    field: Any, carrier_a: Any, viewport: Any
) -> None:
    page = field
    page.goto(page.base + "seal/")
    page.fill("#seal_number", "H480200")
    page.select_option("#unit", label="TR-5301")
    page.locator("button[type=submit]").dblclick()
    page.evaluate("document.querySelector('form[data-record]').requestSubmit()")
    wait_until(page, "document.querySelector('form[data-record]').dataset.state === 'sent'")
    page.goto(page.base + "report/")
    page.fill("#summary", "Broken seal")
    page.fill("#location", "Yard")
    page.locator("button[type=submit]").dblclick()
    wait_until(page, "document.querySelector('form[data-record]').dataset.state === 'sent'")
    page.reload()
    queue_empty(page)
    time.sleep(0.5)
    assert SealEvent.objects.filter(organization=carrier_a, seal_number="H480200").count() == 1
    assert Incident.objects.filter(organization=carrier_a).count() == 1


@WIDTHS
def test_a_held_unit_is_flagged_with_what_to_do(field: Any, carrier_a: Any, viewport: Any) -> None:
    Unit.objects.filter(organization=carrier_a, unit_number="TR-5301").update(status="held")
    page = field
    page.goto(page.base + "inspect/")
    assert page.locator("[data-held]").is_hidden()
    page.select_option("#trailer", label="TR-5301 — on hold")
    assert page.locator("[data-held]").is_visible()
    assert "TR-5301" in page.locator("[data-held]").inner_text()
    assert "release" in page.locator("[data-held]").inner_text()
    shot(page, f"held-unit-{page.tag}")


@WIDTHS
def test_field_staff_land_on_the_field_app_and_others_on_the_dashboard(
    browser: Any, live_server: Any, bob: Any, alice: Any, carrier_a: Any, viewport: Any
) -> None:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    sign_in(page, live_server.url, bob.email, PASSWORD)
    assert page.url.endswith(f"/o/{carrier_a.code}/field/")
    assert page.locator("a[href$='inspect/']").first.is_visible()
    shot(page, f"field-staff-landing-{'phone' if viewport == PHONE else 'desktop'}")
    page.goto(f"{live_server.url}/o/{carrier_a.code}/")
    assert page.locator(f"nav a[href='/o/{carrier_a.code}/field/']").count() == 1
    context.close()
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    sign_in(page, live_server.url, alice.email, PASSWORD)
    assert page.url.endswith(f"/o/{carrier_a.code}/")
    context.close()


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_a_refused_record_reopens_the_form_with_the_reason(
    field: Any, carrier_a: Any, viewport: Any
) -> None:
    page = field
    page.goto(page.base + "seal/")
    page.click(".field-seg label:has(input[value=removed])")
    page.fill("#seal_number", "H000404")  # not in the seal log
    page.click("button[type=submit]")
    page.wait_for_selector("[data-errors]:not([hidden])")
    assert "H000404" in page.locator("[data-errors]").inner_text()
    assert page.locator("button[type=submit]").is_enabled()
    queue_empty(page)  # refused while the form was open: nothing is left waiting
    shot(page, "seal-refused-phone")
    assert not SealEvent.objects.filter(organization=carrier_a, seal_number="H000404").exists()
