"""#21.13: the layout at phone (390x844) and desktop (1280x800) widths, measured in Chromium.

- the dashboard's panels fill their columns without holes under short cards;
- the sidebar's colour reaches the bottom of long pages (sticky, full height);
- section tabs stay one row on a phone (they scroll sideways);
- on a phone a list's filters fold so the list starts in the first screen;
- a table wider than the page (the consultant's portfolio) scrolls inside its frame: the
  page itself never scrolls sideways.
Screenshots are kept under /work/wt/shots/h6/ (when that folder can be written) to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.pages import SHOTS, browser_page_as, demo_seed

pytestmark = [pytest.mark.browser]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
ALICE = "alice@mapleleaf.example"


@pytest.fixture
def signed_in(browser: Any, live_server: Any) -> Iterator[Any]:
    """Pages signed in on a live server with the demo data (seeded once for the one test:
    the live server's database is emptied after each test)."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        demo_seed()

    def open_as(viewport: dict[str, int], email: str = ALICE) -> Any:
        page = browser_page_as(browser, live_server.url, email, viewport)
        pages.append(page)
        return page

    pages: list[Any] = []
    open_as.base = live_server.url  # type: ignore[attr-defined]
    yield open_as
    for page in pages:
        page.context.close()


def shot(page: Any, name: str) -> None:
    try:
        SHOTS.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def dashboard_panels_leave_no_hole_under_a_short_card(signed_in: Any) -> None:
    page = signed_in(DESKTOP)
    page.goto(f"{signed_in.base}/o/mapleleaf/")
    shot(page, "dashboard-desktop")
    boxes = page.eval_on_selector_all(
        ".panels > *",
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {left: Math.round(r.left), top: r.top, bottom: r.bottom}; })",
    )
    assert len(boxes) >= 3
    assert len({b["left"] for b in boxes}) == 2, "two columns of panels at desktop width"
    for box in boxes:
        above = [b for b in boxes if b["left"] == box["left"] and b["bottom"] <= box["top"]]
        if above:
            gap = box["top"] - max(b["bottom"] for b in above)
            assert gap <= 20, f"a {gap:.0f}px hole above a panel"
    page.set_viewport_size(PHONE)
    shot(page, "dashboard-phone")


def the_sidebar_reaches_the_bottom_of_a_long_page(signed_in: Any) -> None:
    page = signed_in(DESKTOP)
    page.goto(f"{signed_in.base}/o/mapleleaf/activity/")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 2 * DESKTOP["height"], "the page is long"
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    rect = page.eval_on_selector("#sidebar", "e => e.getBoundingClientRect().toJSON()")
    assert rect["bottom"] >= DESKTOP["height"] - 1, rect
    colour = page.evaluate(
        "() => getComputedStyle(document.elementFromPoint(20, innerHeight - 5)"
        ".closest('.sidebar, .layout')).backgroundColor + '|' +"
        " getComputedStyle(document.querySelector('#sidebar')).backgroundColor"
    )
    inside, sidebar = colour.split("|")
    assert inside == sidebar, "the sidebar's colour reaches the bottom"
    topbar = page.eval_on_selector(".topbar", "e => e.getBoundingClientRect().top")
    assert topbar == 0, "the top bar stays in view"
    shot(page, "activity-bottom-desktop")


def tabs_stay_on_one_row_on_a_phone(signed_in: Any, path: str) -> None:
    page = signed_in(PHONE)
    page.goto(f"{signed_in.base}/o/mapleleaf/{path}")
    tops = page.eval_on_selector_all(
        "nav[class$='-tabs'] a", "els => els.map(e => Math.round(e.getBoundingClientRect().top))"
    )
    assert tops, f"{path} has tabs"
    assert len(set(tops)) == 1, f"tabs on {len(set(tops))} rows"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], "the tabs scroll inside their row, not the page"
    shot(page, f"tabs-{path.strip('/').replace('/', '-')}-phone")


def a_list_starts_in_the_first_screen_on_a_phone(signed_in: Any, path: str) -> None:
    page = signed_in(PHONE)
    page.goto(f"{signed_in.base}/o/mapleleaf/{path}")
    first_row = page.locator("table tbody tr, .feed li").first
    top = first_row.evaluate("e => e.getBoundingClientRect().top")
    assert top < PHONE["height"] - 60, f"the list starts at {top:.0f}px"
    toggle = page.locator(".filters-toggle").first
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert page.locator("form.filters").first.is_visible()
    shot(page, f"list-{path.strip('/').replace('/', '-')}-phone")
    desktop = signed_in(DESKTOP)
    desktop.goto(f"{signed_in.base}/o/mapleleaf/{path}")
    assert desktop.locator("form.filters").first.is_visible()
    assert not desktop.locator(".filters-toggle").count()


def a_wide_table_scrolls_in_its_frame_not_the_page(signed_in: Any) -> None:
    page = signed_in(DESKTOP, "carol@northbound.example")
    page.goto(f"{signed_in.base}/o/northbnd/")
    shot(page, "portfolio-desktop")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= DESKTOP["width"], f"the page is {width}px wide"
    right = page.locator(".table-wrap").first.evaluate("e => e.getBoundingClientRect().right")
    assert right <= DESKTOP["width"], f"the portfolio's frame ends at {right:.0f}px"


@pytest.mark.django_db(transaction=True)
def test_layout_at_phone_and_desktop_widths(signed_in: Any) -> None:
    dashboard_panels_leave_no_hole_under_a_short_card(signed_in)
    the_sidebar_reaches_the_bottom_of_a_long_page(signed_in)
    for path in ("programs/", "profile/company/", "operations/", "catalogue/"):
        tabs_stay_on_one_row_on_a_phone(signed_in, path)
    for path in ("evidence/", "operations/inspections/", "people/"):
        a_list_starts_in_the_first_screen_on_a_phone(signed_in, path)
    a_wide_table_scrolls_in_its_frame_not_the_page(signed_in)
