"""Helpers for server-side SVG charts (the same chart in the page and in the PDF).

Charts are drawn in the document font (DejaVu Sans, installed on the server; browsers without
it fall back to a narrower sans-serif, so widths measured here are an upper bound). Text is
measured from the font's own advance widths so labels can be wrapped or given room instead
of running outside the picture or over each other — French labels are about a third longer
than English ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_FAMILY = "'DejaVu Sans', Verdana, sans-serif"
FONT_FILES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
)
FALLBACK_EM = 0.62  # DejaVu Sans' average advance for Latin text, when the font is absent


@lru_cache(maxsize=1)
def _advances() -> tuple[dict[int, float], float] | None:
    try:
        from fontTools.ttLib import TTFont
    except ImportError:  # pragma: no cover - fonttools comes with WeasyPrint
        return None
    for path in FONT_FILES:
        if path.exists():
            font = TTFont(str(path), lazy=True)
            units = float(font["head"].unitsPerEm)
            metrics = font["hmtx"].metrics
            cmap = font.getBestCmap()
            return {code: metrics[glyph][0] / units for code, glyph in cmap.items()}, units
    return None


def text_width(text: str, size: float) -> float:
    """The width of ``text`` at ``size`` user units in DejaVu Sans (an upper bound elsewhere)."""
    table = _advances()
    if table is None:
        return len(text) * size * FALLBACK_EM
    advances = table[0]
    return sum(advances.get(ord(ch), FALLBACK_EM) for ch in text) * size


def wrap(text: str, size: float, width: float) -> list[str]:
    """Split ``text`` on spaces into lines no wider than ``width`` (a long word stays whole)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines or [""]


@dataclass(frozen=True)
class LegendItem:
    x: float
    y: float
    width: float
    label: str
    lines: tuple[str, ...]
    key: str


def legend_layout(
    items: list[tuple[str, str]],
    *,
    left: float,
    right: float,
    top: float,
    size: float,
    swatch: float = 18,
    gap: float = 4,
    spacing: float = 16,
) -> tuple[list[LegendItem], float]:
    """Lay legend entries (key, label) left to right, moving to a new row when one would not
    fit between ``left`` and ``right``; returns the entries and the height they take."""
    line_height = size * 1.3
    out: list[LegendItem] = []
    x, y, row_height = left, top, line_height
    available = right - left - swatch - gap
    for key, label in items:
        lines = wrap(label, size, available)
        width = swatch + gap + max(text_width(line, size) for line in lines)
        if x > left and x + width > right:
            x, y = left, y + row_height
            row_height = line_height
        out.append(LegendItem(x=x, y=y, width=width, label=label, lines=tuple(lines), key=key))
        row_height = max(row_height, line_height * len(lines))
        x += width + spacing
    return out, (y - top) + row_height
