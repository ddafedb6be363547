"""Server-side SVG: the heat map and the flow diagram, the same in the page and the PDF."""

from __future__ import annotations

from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from borderpro.common.documents import text_width, wrap
from borderpro.risk import scoring

# green → amber → red, picked by the level's position on the scale
PALETTE = [
    "#1b5e20",
    "#33691e",
    "#8a5a00",
    "#b34700",
    "#b3261e",
]  # white text stays readable (WCAG AA)


def level_colour(level: int, size: int) -> str:
    index = round(level * (len(PALETTE) - 1) / max(1, size - 1))
    return PALETTE[index]


def _short(text: str, limit: int = 26) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def heat_map(matrix: scoring.Matrix, counts: list[list[int]]) -> SafeString:
    """Rows: threat (highest at the top); columns: vulnerability (lowest at the left)."""
    n = matrix.size
    cell: float = 64 if n <= 3 else 46
    widest = max(text_width(scoring.level_label(n, t), 11) for t in range(n))
    left, top = int(widest) + 30, 12
    width, height = left + n * cell + 8, top + n * cell + 56
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(_("Risk heat map"))}" font-family="sans-serif" font-size="11">'
    ]
    for t in range(n):
        y = top + (n - 1 - t) * cell
        parts.append(
            f'<text x="{left - 6}" y="{y + cell / 2 + 4}" text-anchor="end">'
            f"{escape(scoring.level_label(n, t))}</text>"
        )
        for v in range(n):
            x = left + v * cell
            level = matrix.score(t, v)
            count = counts[t][v]
            label = _("threat %(t)s, vulnerability %(v)s: risk %(r)s, %(n)s risk(s)") % {
                "t": scoring.level_label(n, t),
                "v": scoring.level_label(n, v),
                "r": scoring.level_label(n, level),
                "n": count,
            }
            parts.append(
                f'<g><title>{escape(label)}</title><rect x="{x}" y="{y}" width="{cell - 2}" '
                f'height="{cell - 2}" rx="4" fill="{level_colour(level, n)}" '
                f'fill-opacity="{0.95 if count else 0.35}"/>'
                f'<text x="{x + cell / 2 - 1}" y="{y + cell / 2 + 6}" text-anchor="middle" '
                f'font-size="{18 if n <= 3 else 15}" font-weight="bold" fill="#fff">'
                f"{count or ''}</text></g>"
            )
    for v in range(n):
        x = left + v * cell + cell / 2
        parts.append(
            f'<text x="{x}" y="{top + n * cell + 14}" text-anchor="middle">'
            f"{escape(scoring.level_label(n, v))}</text>"
        )
    parts.append(
        f'<text x="{left + n * cell / 2}" y="{top + n * cell + 36}" text-anchor="middle" '
        f'font-weight="bold">{escape(_("Vulnerability"))} →</text>'
        f'<text x="12" y="{top + n * cell / 2}" transform="rotate(-90 12 {top + n * cell / 2})" '
        f'text-anchor="middle" font-weight="bold">{escape(_("Threat"))} →</text></svg>'
    )
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def _node_text(cx: float, cy: float, label: str, width: float) -> str:
    lines = wrap(label, 10, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], _short(" ".join(lines[1:]), 18)]
    first = cy + 4 - (len(lines) - 1) * 6
    return "".join(
        f'<text x="{cx}" y="{first + i * 12}" text-anchor="middle" font-size="10">{escape(line)}</text>'
        for i, line in enumerate(lines)
    )


def flow_diagram(flows: list[Any]) -> SafeString:
    """One row per flow: origin → stops → border crossing(s) → destination."""
    if not flows:
        return mark_safe("")
    node_w, gap, row_h, left = 132.0, 34.0, 96, 12
    step = node_w + gap
    counts = [2 + len(f.stop_list[:3]) + min(1, len(f.crossing_list)) for f in flows]
    width, height = left * 2 + max(counts) * step - gap, len(flows) * row_h + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="flowmap" viewBox="0 0 {width:.0f} {height}" '
        f'role="img" aria-label="{escape(_("Cargo and data flows"))}" font-family="DejaVu Sans, sans-serif" font-size="11">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>'
    ]
    half = node_w / 2
    for i, flow in enumerate(flows):
        y = 8 + i * row_h
        nodes: list[tuple[str, str]] = [("origin", flow.origin)]
        nodes += [("stop", s) for s in flow.stop_list[:3]]
        crossings = flow.crossing_list
        if crossings:
            more = len(crossings) - 1
            nodes.append(("border", crossings[0] + (f" (+{more})" if more else "")))
        nodes.append(("destination", flow.destination))
        parts.append(
            f'<text x="{left}" y="{y + 12}" font-weight="bold">{escape(_short(flow.name, 90))}</text>'
        )
        cy = y + 50
        for j, (kind, label) in enumerate(nodes):
            cx = left + half + j * step
            if j:
                parts.append(
                    f'<line x1="{cx - step + half + 2}" y1="{cy}" x2="{cx - half - 3}" y2="{cy}" '
                    'stroke="#555" stroke-width="1.5" marker-end="url(#arrow)"/>'
                )
            fill = {"origin": "#e3f2fd", "destination": "#e8f5e9", "border": "#fff3e0"}.get(
                kind, "#f5f5f5"
            )
            if kind == "border":
                shape = (
                    f'<polygon points="{cx - half},{cy} {cx - half + 12},{cy - 22} {cx + half - 12},{cy - 22} '
                    f'{cx + half},{cy} {cx + half - 12},{cy + 22} {cx - half + 12},{cy + 22}" '
                    f'fill="{fill}" stroke="#ef6c00"/>'
                )
                inner = node_w - 28
            else:
                shape = (
                    f'<rect x="{cx - half}" y="{cy - 22}" width="{node_w}" height="44" rx="6" '
                    f'fill="{fill}" stroke="#90a4ae"/>'
                )
                inner = node_w - 10
            parts.append(
                f"<g><title>{escape(label)}</title>{shape}{_node_text(cx, cy, label, inner)}</g>"
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
