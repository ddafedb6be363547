"""Server-side SVG of the year-over-year comparison (the same chart in the page and the
report): readiness at each review, and findings by severity at each review."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from borderpro.common.documents import FONT_FAMILY, text_width

# dark enough for white text and for a white background (WCAG AA)
SEVERITY_COLOURS = {
    "critical": "#b3261e",
    "major": "#b34700",
    "minor": "#8a5a00",
    "observation": "#455a64",
}
BAR = "#1f4e79"


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def readiness_trend(points: list[tuple[str, int | None]]) -> SafeString:
    """One bar per review (oldest first): readiness in percent."""
    width, height, left, top, bottom = 520, 200, 40, 14, 40
    if not points:
        return mark_safe("")
    step = (width - left - 10) / len(points)
    bar = min(48.0, step * 0.6)
    plot = height - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(_("Readiness at each review"))}" '
        f'font-family="{FONT_FAMILY}" font-size="11" class="rv-chart">'
    ]
    for pct in (0, 50, 100):
        y = top + plot - plot * pct / 100
        parts.append(
            f'<line x1="{left}" x2="{width - 6}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ccd" />'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333">{pct}%</text>'
        )
    for i, (label, value) in enumerate(points):
        x = left + i * step + (step - bar) / 2
        v = value or 0
        h = plot * v / 100
        parts.append(
            f'<rect x="{x:.1f}" y="{top + plot - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'fill="{BAR}"><title>{escape(label)}: {v}%</title></rect>'
            f'<text x="{x + bar / 2:.1f}" y="{top + plot - h - 4:.1f}" text-anchor="middle" '
            f'fill="#111">{"—" if value is None else f"{v}%"}</text>'
            f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 16:.1f}" text-anchor="middle" '
            f'fill="#333">{escape(_short(label))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def findings_by_severity(
    rows: list[tuple[str, dict[str, int]]], severities: list[tuple[str, Any]]
) -> SafeString:
    """Stacked bars: per review (oldest first), its findings by severity, with a legend."""
    width, height, left, top, bottom = 520, 230, 40, 14, 70
    if not rows:
        return mark_safe("")
    most = max([sum(c.values()) for _l, c in rows] + [1])
    step = (width - left - 10) / len(rows)
    bar = min(48.0, step * 0.6)
    plot = height - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(_("Findings by severity at each review"))}" '
        f'font-family="{FONT_FAMILY}" font-size="11" class="rv-chart">',
        f'<line x1="{left}" x2="{width - 6}" y1="{top + plot}" y2="{top + plot}" stroke="#889" />',
        f'<text x="{left - 6}" y="{top + 8}" text-anchor="end" fill="#333">{most}</text>',
    ]
    for i, (label, counts) in enumerate(rows):
        x = left + i * step + (step - bar) / 2
        y: float = top + plot
        for code, name in severities:
            n = counts.get(code, 0)
            if not n:
                continue
            h = plot * n / most
            y -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{SEVERITY_COLOURS[code]}"><title>{escape(label)}: {n} '
                f"{escape(str(name))}</title></rect>"
            )
            if h >= 13:
                parts.append(
                    f'<text x="{x + bar / 2:.1f}" y="{y + h / 2 + 4:.1f}" '
                    f'text-anchor="middle" fill="#fff">{n}</text>'
                )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{top + plot + 16:.1f}" text-anchor="middle" '
            f'fill="#333">{escape(_short(label))}</text>'
        )
    x, y = float(left), float(height - 22)
    for code, name in severities:
        text = str(name)
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" '
            f'fill="{SEVERITY_COLOURS[code]}" />'
            f'<text x="{x + 14:.1f}" y="{y:.1f}" fill="#333">{escape(text)}</text>'
        )
        x += 24 + text_width(text, 11)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
