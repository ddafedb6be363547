"""Readiness over time as a hand-written SVG (the same chart in the page and in the PDF)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 220, 40, 16, 16, 32


def readiness_svg(points: list[Any], *, title: str = "") -> SafeString:
    """Points have ``day``, ``score``, ``must_score``; x is time, y is 0 to 100 %."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    days = [p.day for p in points]
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(LEFT + plot_w * ((day - first).days / span if len(points) > 1 else 0.5), 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (1 - value / 100), 1)

    overall = " ".join(f"{x(p.day)},{y(p.score)}" for p in points)
    must = " ".join(f"{x(p.day)},{y(p.must_score)}" for p in points if p.must_score is not None)
    grid = [{"y": y(v), "label": f"{v} %"} for v in (0, 25, 50, 75, 100)]
    labels = []
    if points:
        labels = [{"x": x(first), "text": first.isoformat(), "anchor": "start"}]
        if len(points) > 1:
            labels.append({"x": x(last), "text": last.isoformat(), "anchor": "end"})
    return SafeString(
        render_to_string(
            "profiles/_chart.svg",
            {
                "w": WIDTH,
                "h": HEIGHT,
                "left": LEFT,
                "right": WIDTH - RIGHT,
                "bottom": HEIGHT - BOTTOM,
                "grid": grid,
                "overall": overall,
                "must": must,
                "labels": labels,
                "dots": [
                    {"x": x(p.day), "y": y(p.score), "title": f"{p.day.isoformat()}: {p.score} %"}
                    for p in points
                ],
                "title": title or _("Readiness over time"),
                "empty": not points,
                "legend_overall": _("Overall (must ×3, should ×1)"),  # noqa: RUF001
                "legend_must": _("Must criteria"),
                "empty_text": _("No history yet: the chart fills in as responses change."),
            },
        )
    )
