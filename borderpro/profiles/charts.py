"""Readiness over time as a hand-written SVG (the same chart in the page and in the PDF).

The layout is measured, not fixed: the legend is laid out entry by entry and wraps onto a
new row when a (French) label would run into the next one; the left margin is as wide as
the widest axis label; dates use the language's date format and are anchored inside the
picture, so nothing is clipped or overlaps in either language.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from borderpro.common.documents.charts import FONT_FAMILY, legend_layout, text_width, wrap

WIDTH, PLOT_HEIGHT, RIGHT, PAD = 520, 160, 12, 6
AXIS_SIZE, LEGEND_SIZE = 12, 12.5
SWATCH = 18


def _day(day: date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def chart_layout(points: list[Any]) -> dict[str, Any]:
    """Every coordinate and label of the chart (the template only draws them)."""
    grid_values = (0, 25, 50, 75, 100)
    grid_labels = [f"{v}\u00a0%" for v in grid_values]
    left = PAD + max(text_width(label, AXIS_SIZE) for label in grid_labels) + 6
    right = WIDTH - RIGHT
    legend, legend_height = legend_layout(
        [
            ("overall", _("Overall (must ×3, should ×1)")),  # noqa: RUF001
            ("must", _("Must criteria")),
        ],
        left=left,
        right=right,
        top=PAD,
        size=LEGEND_SIZE,
        swatch=SWATCH,
    )
    top = PAD + legend_height + 10
    bottom = top + PLOT_HEIGHT
    height = bottom + AXIS_SIZE * 1.3 + 10
    plot_w = right - left
    days = [p.day for p in points]
    first, last = (min(days), max(days)) if days else (date.today(), date.today())
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(left + plot_w * ((day - first).days / span if len(points) > 1 else 0.5), 1)

    def y(value: float) -> float:
        return round(top + PLOT_HEIGHT * (1 - value / 100), 1)

    labels: list[dict[str, Any]] = []
    if points:
        start_text, end_text = _day(first), _day(last)
        labels.append({"x": round(left, 1), "text": start_text, "anchor": "start"})
        room = plot_w - text_width(start_text, AXIS_SIZE) - 12
        if len(points) > 1 and last != first and text_width(end_text, AXIS_SIZE) <= room:
            labels.append({"x": right, "text": end_text, "anchor": "end"})
    empty_lines = wrap(
        _("No history yet: the chart fills in as responses change."), LEGEND_SIZE, plot_w - 20
    )
    return {
        "w": WIDTH,
        "h": round(height),
        "left": round(left, 1),
        "right": right,
        "top": top,
        "bottom": bottom,
        "center": round(left + plot_w / 2, 1),
        "middle": round(top + PLOT_HEIGHT / 2, 1),
        "axis_size": AXIS_SIZE,
        "legend_size": LEGEND_SIZE,
        "label_y": round(bottom + AXIS_SIZE * 1.3 + 2, 1),
        "grid": [
            {"y": y(v), "label": label, "x": round(left - 6, 1)}
            for v, label in zip(grid_values, grid_labels, strict=True)
        ],
        "overall": " ".join(f"{x(p.day)},{y(p.score)}" for p in points),
        "must": " ".join(
            f"{x(p.day)},{y(p.must_score)}" for p in points if p.must_score is not None
        ),
        "labels": labels,
        "dots": [
            {
                "x": x(p.day),
                "y": y(p.score),
                "title": _("%(day)s: %(score)s %%") % {"day": _day(p.day), "score": p.score},
            }
            for p in points
        ],
        "legend": [
            {
                "key": item.key,
                "x": round(item.x, 1),
                "x2": round(item.x + SWATCH, 1),
                "line_y": round(item.y + LEGEND_SIZE * 0.65, 1),
                "text_x": round(item.x + SWATCH + 4, 1),
                "lines": [
                    {"y": round(item.y + LEGEND_SIZE * (0.95 + 1.3 * n), 1), "text": line}
                    for n, line in enumerate(item.lines)
                ],
            }
            for item in legend
        ],
        "empty": not points,
        "empty_lines": [
            {"y": round(top + PLOT_HEIGHT / 2 + LEGEND_SIZE * 1.3 * n, 1), "text": line}
            for n, line in enumerate(empty_lines)
        ],
        "font_family": FONT_FAMILY,
    }


def readiness_svg(points: list[Any], *, title: str = "") -> SafeString:
    """Points have ``day``, ``score``, ``must_score``; x is time, y is 0 to 100 %."""
    return SafeString(
        render_to_string(
            "profiles/_chart.svg",
            {**chart_layout(points), "title": title or _("Readiness over time")},
        )
    )
