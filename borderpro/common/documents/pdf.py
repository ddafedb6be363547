"""PDF documents: an HTML template extending ``documents/base.html``, rendered by WeasyPrint."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.documents.letterhead import Letterhead, letterhead_for, rendering

log = logging.getLogger(__name__)

# A PDF is a pure function of its HTML (everything is embedded: no fetches) and of the
# WeasyPrint that lays it out. Documents that do not change once made (``reuse=True``: the
# approved risk assessment, put in every application package and binder) are kept in the
# cache under the hash of both, and not laid out again when asked for again. Laying out is
# most of a document's cost (WeasyPrint: ~0.1 s a page). They are kept for as long as such
# a document stays current (an approved assessment: a year, then the next one replaces it).
RENDERED_SECONDS = 400 * 24 * 3600
RENDERED_MAX_BYTES = 8 * 1024 * 1024


def _rendered_key(html: str) -> str:
    import weasyprint

    digest = hashlib.sha256(f"{weasyprint.__version__}\0{html}".encode()).hexdigest()
    return f"documents:pdf:{digest}"


def _cache_get(key: str) -> bytes | None:
    try:
        found = cache.get(key)
    except Exception:  # a cache that is down costs a rendering, never the document
        log.warning("document cache unavailable", exc_info=True)
        return None
    return found if isinstance(found, bytes) else None


def _cache_set(key: str, data: bytes) -> None:
    if len(data) > RENDERED_MAX_BYTES:
        return
    try:
        cache.set(key, data, RENDERED_SECONDS)
    except Exception:
        log.warning("document cache unavailable", exc_info=True)


def css_string(text: str) -> str:
    """``text`` as a quoted CSS string (for ``content:`` in page margin boxes)."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_counter_css() -> str:
    """ "Page 1 of 12" / "Page 1 de 12" as a CSS ``content`` value, in the active language."""
    pattern = _("Page %(page)s of %(pages)s")
    parts = []
    for piece in re.split(r"(%\(page\)s|%\(pages\)s)", pattern):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


@dataclass(frozen=True)
class Frame:
    """What every document page shows around its content (``doc`` in templates)."""

    title: str
    language: str
    letterhead: Letterhead
    generated_at: datetime
    footer: str
    page_css: str
    header_css: str
    footer_css: str


def document_frame(
    *, organization: Any, language: str, title: str, footer: str = "", letterhead: Any = None
) -> Frame:
    head = letterhead or letterhead_for(organization)
    return Frame(
        title=title,
        language=language,
        letterhead=head,
        generated_at=timezone.localtime(),
        footer=footer or f"{head.name} — {title}",
        page_css=page_counter_css(),
        header_css=css_string(head.name),
        footer_css=css_string(footer or f"{head.name} — {title}"),
    )


def render_html(
    template: str,
    context: dict[str, Any],
    *,
    organization: Any,
    language: str,
    title: str,
    time_zone: str | None = None,
    footer: str = "",
    letterhead: Letterhead | None = None,
) -> str:
    """The document's HTML (what :func:`render_pdf` prints), in its language and time zone."""
    zone = time_zone or getattr(organization, "time_zone", None)
    with rendering(language, zone):
        frame = document_frame(
            organization=organization,
            language=language,
            title=title,
            footer=footer,
            letterhead=letterhead,
        )
        return render_to_string(template, {**context, "doc": frame})


def render_pdf(
    template: str,
    context: dict[str, Any],
    *,
    organization: Any,
    language: str,
    title: str,
    time_zone: str | None = None,
    footer: str = "",
    letterhead: Letterhead | None = None,
    reuse: bool = False,
) -> bytes:
    """Render ``template`` (which extends ``documents/base.html``) to PDF bytes.

    The template gets ``doc`` (a :class:`Frame`: title, language, letterhead, generation
    time) besides ``context``; dates render in the organization's time zone and the
    document's language, whoever asks for it. No network access: fonts are local and
    images must be data URIs. ``reuse``: the same HTML made before is answered from the
    cache (for documents that stay the same once made).
    """
    import weasyprint

    html = render_html(
        template,
        context,
        organization=organization,
        language=language,
        title=title,
        time_zone=time_zone,
        footer=footer,
        letterhead=letterhead,
    )
    key = _rendered_key(html) if reuse else ""
    kept = _cache_get(key) if key else None
    if kept is not None:
        return kept
    # Documents embed everything (data URIs): nothing is fetched from a network or the disk.
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    data: bytes = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()
    if key:
        _cache_set(key, data)
    return data
