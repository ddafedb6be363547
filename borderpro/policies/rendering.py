"""A document's Markdown as HTML (page, preview, PDF) and as Word paragraphs.

Markdown is read by markdown-it-py with raw HTML turned off: whatever a person types in the
editor is shown as text, never as markup, and link targets are checked by the parser
(no ``javascript:``)."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "breaks": False}).enable("table")


def to_html(text: str, *, shift: int = 0) -> SafeString:
    """The Markdown as HTML; ``shift`` lowers every heading level (a document inside the
    manual starts at h2)."""
    html = _parser().render(text or "")
    if shift:
        for level in range(6 - shift, 0, -1):
            html = html.replace(f"<h{level}>", f"<h{level + shift}>").replace(
                f"</h{level}>", f"</h{level + shift}>"
            )
    return mark_safe(html)  # noqa: S308 — raw HTML is disabled in the parser


def _inline_text(token: Any) -> str:
    return "".join(
        child.content
        if child.type in ("text", "code_inline")
        else (" " if "break" in child.type else "")
        for child in token.children or []
    )


def _runs(token: Any) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) pieces of an inline token."""
    out: list[tuple[str, bool, bool]] = []
    bold = italic = False
    for child in token.children or []:
        if child.type == "strong_open":
            bold = True
        elif child.type == "strong_close":
            bold = False
        elif child.type == "em_open":
            italic = True
        elif child.type == "em_close":
            italic = False
        elif child.type in ("text", "code_inline"):
            out.append((child.content, bold, italic))
        elif child.type in ("softbreak", "hardbreak"):
            out.append((" ", bold, italic))
    return out


def to_word(writer: Any, text: str, *, shift: int = 0) -> None:
    """Write the Markdown into a ``common.documents.WordDocument``: headings, paragraphs
    (bold and italic kept), bullet and numbered lists, tables."""
    tokens = _parser().parse(text or "")
    doc = writer.doc
    list_stack: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            level = min(int(tok.tag[1]) + shift, 4)
            writer.heading(_inline_text(tokens[i + 1]), level)
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            list_stack.append("List Bullet" if tok.type == "bullet_list_open" else "List Number")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif tok.type == "table_open":
            i = _table(writer, tokens, i)
            continue
        elif tok.type == "inline" and tokens[i - 1].type == "paragraph_open":
            style = list_stack[-1] if list_stack else None
            paragraph = doc.add_paragraph(style=style)
            for content, bold, italic in _runs(tok):
                run = paragraph.add_run(content)
                run.bold, run.italic = bold or None, italic or None
        i += 1


def _table(writer: Any, tokens: list[Any], start: int) -> int:
    rows: list[list[str]] = []
    i = start
    while tokens[i].type != "table_close":
        if tokens[i].type == "tr_open":
            rows.append([])
        elif tokens[i].type == "inline":
            rows[-1].append(_inline_text(tokens[i]))
        i += 1
    if rows:
        width = len(rows[0])
        writer.table(rows[0], [(r + [""] * width)[:width] for r in rows[1:]])
    return i + 1
