"""The readiness chart keeps every label inside the picture and its legend entries apart,
in English and in French (whose labels are a third longer), with and without history."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.utils import translation

from borderpro.common.documents.charts import text_width
from borderpro.profiles.charts import readiness_svg

NS = "{http://www.w3.org/2000/svg}"


def points(n: int) -> list[Any]:
    start = date(2026, 1, 5)
    return [
        SimpleNamespace(day=start + timedelta(days=9 * i), score=10 + i, must_score=5 + i)
        for i in range(n)
    ]


def text_boxes(
    svg: str,
) -> tuple[tuple[float, float], list[tuple[float, float, float, float, str]]]:
    root = ET.fromstring(svg)
    _x, _y, width, height = (float(v) for v in root.get("viewBox").split())
    boxes = []
    for group in [root, *root.iter(f"{NS}g")]:
        size_default = float(group.get("font-size") or 0)
        for node in group.findall(f"{NS}text"):
            size = float(node.get("font-size") or size_default)
            text = node.text or ""
            w = text_width(text, size)
            x, y = float(node.get("x")), float(node.get("y"))
            if node.get("dy"):
                y += float(node.get("dy").removesuffix("em")) * size
            anchor = node.get("text-anchor", "start")
            left = x - w if anchor == "end" else x - w / 2 if anchor == "middle" else x
            boxes.append((left, y - size * 0.8, left + w, y + size * 0.25, text))
    return (width, height), boxes


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("n", [0, 1, 40])
def test_no_label_leaves_the_picture_and_none_overlap(language: str, n: int) -> None:
    with translation.override(language):
        svg = str(readiness_svg(points(n)))
    (width, height), boxes = text_boxes(svg)
    assert boxes
    for left, top, right, bottom, text in boxes:
        assert left >= 0 and right <= width, f"{text!r} runs outside the width {width}"
        assert top >= 0 and bottom <= height, f"{text!r} runs outside the height {height}"
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
            assert not overlap, f"{a[4]!r} overlaps {b[4]!r}"


def test_coordinates_are_numbers_in_french_too() -> None:
    """French number formatting ("12,5") must never reach an SVG attribute."""
    with translation.override("fr"):
        svg = str(readiness_svg(points(5)))
    for value in re.findall(r' (?:x|y|x1|x2|y1|y2|cx|cy)="([^"]*)"', svg):
        float(value)
    assert "Critères obligatoires" in svg
