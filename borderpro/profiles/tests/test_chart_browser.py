"""The readiness chart as Chromium draws it, in English and French, on a desktop and a
phone: every label inside the picture, legend entries apart (real text boxes, not estimates).
Set ``BORDERPRO_SHOTS`` to a directory to keep the screenshots."""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import pytest

from borderpro.profiles.models import ReadinessPoint
from tests.browser import DESKTOP, PHONE, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"

GEOMETRY = """(svg) => {
  const box = svg.getBoundingClientRect();
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const r = t.getBoundingClientRect();
    return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
            legend: !!t.closest('g.legend')};
  });
  return {box: {left: box.left, right: box.right, top: box.top, bottom: box.bottom}, texts};
}"""


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_readiness_chart_fits_in_both_languages(
    browser: Any,
    live_server: Any,
    carol: Any,
    carrier_a: Any,
    frameworks: Any,
    language: str,
    viewport: dict,
) -> None:
    carol.language = language
    carol.save()
    today = carrier_a.local_today()
    for n in range(12):
        ReadinessPoint.objects.create(
            organization=carrier_a,
            framework=frameworks["pip"],
            day=today - timedelta(days=7 * (11 - n)),
            score=10 + 7 * n,
            must_score=5 + 7 * n,
        )
    page = browser.new_page(viewport=viewport)
    sign_in(page, live_server.url, carol.email, PASSWORD)
    page.goto(f"{live_server.url}/o/{carrier_a.code}/profile/readiness/?framework=PIP")
    svg = page.locator("svg.pf-chart")
    svg.wait_for()
    geometry = svg.evaluate(GEOMETRY)
    box, texts = geometry["box"], geometry["texts"]
    assert len(texts) >= 8
    for t in texts:
        assert t["left"] >= box["left"] - 0.5 and t["right"] <= box["right"] + 0.5, t
        assert t["top"] >= box["top"] - 0.5 and t["bottom"] <= box["bottom"] + 0.5, t
    legend = [t for t in texts if t["legend"]]
    assert len(legend) == 2
    a, b = legend
    apart = a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"]
    assert apart, legend
    shots = os.environ.get("BORDERPRO_SHOTS")
    if shots:
        name = "desktop" if viewport == DESKTOP else "phone"
        page.screenshot(path=f"{shots}/readiness-{language}-{name}.png", full_page=False)
        svg.screenshot(path=f"{shots}/chart-{language}-{name}.png")
    page.close()
