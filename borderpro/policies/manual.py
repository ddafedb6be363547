"""Exports: one document, or the whole security manual (cover, table of contents, every
current document in order), as PDF or editable Word, in the organization's letterhead."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from borderpro.common.documents import WordDocument, render_docx, render_pdf
from borderpro.policies import rendering, selectors
from borderpro.policies.models import Document


def _day(day: Any) -> str:
    return date_format(day, "DATE_FORMAT")


def _status_line(d: Document) -> str:
    parts = [_("Version %(v)s") % {"v": d.version}, str(d.get_status_display())]
    if d.approved_at:
        parts.append(_("approved %(day)s") % {"day": _day(timezone.localdate(d.approved_at))})
    if d.review_due_on:
        parts.append(_("next review %(day)s") % {"day": _day(d.review_due_on)})
    return " · ".join(parts)


def manual_title(language: str) -> str:
    with override(language):
        return _("Security manual — policies and procedures")


def _entries(docs: Sequence[Document]) -> list[dict[str, Any]]:
    return [
        {
            "anchor": f"doc-{d.pk}",
            "title": d.title,
            "level": 1,
            "status": _status_line(d),
            "html": rendering.to_html(_without_title(d), shift=1),
            "refs": d.refs,
            "signature": _signature(d),
        }
        for d in docs
    ]


def _signature(d: Document) -> str:
    for check in reversed(selectors.signature_checks(d)):
        a = check.approval
        if a.step == "approved" and check.valid:
            return _("Approved by %(name)s%(title)s on %(day)s — SHA-256 %(hash)s") % {
                "name": a.signer_name,
                "title": f", {a.signer_title}" if a.signer_title else "",
                "day": _day(timezone.localdate(a.recorded_at)),
                "hash": a.content_sha256,
            }
    return _("Not approved yet.")


def manual_pdf(
    organization: Any,
    docs: Sequence[Document],
    language: str,
    *,
    title: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    title = title or manual_title(language)
    with override(language):
        entries = _entries(docs)
    if progress:
        progress(1, 2)
    return render_pdf(
        "policies/manual_pdf.html",
        {"entries": entries, "toc": entries if len(entries) > 1 else []},
        organization=organization,
        language=language,
        title=title,
    )


def manual_docx(
    organization: Any, docs: Sequence[Document], language: str, *, title: str | None = None
) -> bytes:
    title = title or manual_title(language)

    def build(w: WordDocument) -> None:
        w.letterhead_block()
        w.doc.add_heading(title, 0)
        if len(docs) > 1:
            w.contents()
        for n, d in enumerate(docs):
            if n or len(docs) > 1:
                w.page_break()
            w.heading(d.title, 1)
            w.paragraph(_status_line(d), muted=True)
            rendering.to_word(w, _without_title(d), shift=1)
            w.paragraph(_signature(d), muted=True, italic=True)

    return render_docx(build, organization=organization, language=language, title=title)


def _without_title(d: Document) -> str:
    """The body without a first "# Title" line repeating the document's title."""
    lines = d.body.lstrip().split("\n", 1)
    if lines and lines[0].startswith("# "):
        return lines[1] if len(lines) > 1 else ""
    return d.body


def document_pdf(d: Document) -> bytes:
    return manual_pdf(d.organization, [d], d.language, title=d.title)


def document_docx(d: Document) -> bytes:
    return manual_docx(d.organization, [d], d.language, title=d.title)


def manual_documents(organization: Any, language: str) -> list[Document]:
    """The current documents of the manual in that language (the latest of each key)."""
    docs = [d for d in selectors.documents(organization) if d.language == language]
    return docs
