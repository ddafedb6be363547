"""The validation binder: one ZIP with an indexed PDF, built from every registered binder
part (``common/records.py``) for a chosen period, kept as a dated snapshot in private
storage. The index lists every file of the ZIP with its SHA-256 and size, and for each
record extract whether its hash chain verified intact at build time."""

from __future__ import annotations

import hashlib
import io
import time
import zipfile
from collections.abc import Callable
from datetime import date
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderpro.common.dates import format_day
from borderpro.common.documents import render_pdf
from borderpro.common.records import BinderFile, binder_parts
from borderpro.organizations.activity import activity_record
from borderpro.reviews.models import BinderSnapshot, ChecklistItem, Review

INDEX_PATH = "00-index.pdf"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def collect(
    organization: Any,
    start: date,
    end: date,
    language: str,
    report: Callable[..., None],
) -> list[tuple[Any, list[BinderFile]]]:
    parts = binder_parts()
    out = []
    for n, part in enumerate(parts, start=1):
        with translation.override(language):
            report(done=n - 1, total=len(parts) + 1, message=str(part.label))
            files = part.build(organization, start, end, language)
        out.append((part, files))
    return out


def _numbered(collected: list[tuple[Any, list[BinderFile]]]) -> list[tuple[Any, BinderFile, str]]:
    """Every file with its path in the ZIP, parts numbered in their order (01-, 02-, …)."""
    rows = []
    seen: set[str] = set()
    for n, (part, files) in enumerate(collected, start=1):
        for f in files:
            path = f"{n:02d}-{f.path}"
            while path in seen:  # two files of the same name: keep both
                stem, dot, ext = path.rpartition(".")
                path = f"{stem}-2{dot}{ext}" if dot else f"{path}-2"
            seen.add(path)
            rows.append((part, f, path))
    return rows


def index_pdf(
    organization: Any, start: date, end: date, language: str, rows: list[dict[str, Any]]
) -> bytes:
    with translation.override(language):
        title = _("Validation binder %(start)s – %(end)s") % {  # noqa: RUF001
            "start": format_day(start),
            "end": format_day(end),
        }
        return render_pdf(
            "reviews/binder_index.html",
            {"rows": rows, "start": start, "end": end, "built_at": timezone.now()},
            organization=organization,
            language=language,
            title=title,
        )


def binder_build(
    *,
    actor: Any,
    organization: Any,
    start: date,
    end: date,
    language: str,
    report: Callable[..., None] | None = None,
) -> BinderSnapshot:
    """Build the binder and keep it; files are written before the row."""
    step = report or (lambda **kw: None)
    began = time.perf_counter()
    numbered = _numbered(collect(organization, start, end, language, step))
    rows = [
        {
            "part": str(part.label),
            "path": path,
            "title": f.title,
            "sha256": _sha(f.content),
            "size": len(f.content),
            "chain_intact": f.chain_intact,
        }
        for part, f, path in numbered
    ]
    total = len(binder_parts()) + 1
    step(done=total - 1, total=total, message=_("Writing the index…"))
    index = index_pdf(organization, start, end, language, rows)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr(INDEX_PATH, index)
        for _part, f, path in numbered:
            zf.writestr(path, f.content)
    data = buffer.getvalue()
    snapshot = BinderSnapshot(
        organization=organization,
        period_start=start,
        period_end=end,
        language=language,
        sha256=_sha(data),
        size=len(data),
        index=[
            {"path": INDEX_PATH, "title": _("Index"), "sha256": _sha(index), "size": len(index)},
            *rows,
        ],
        created_by=actor,
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    snapshot.bundle.save(
        f"{organization.code}-binder-{start:%Y%m%d}-{end:%Y%m%d}-{language}-{stamp}.zip",
        ContentFile(data),
        save=False,
    )
    snapshot.seconds = round(time.perf_counter() - began, 2)
    snapshot.full_clean()
    snapshot.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.binder_built",
        target=snapshot,
        period=f"{start.isoformat()} – {end.isoformat()}",  # noqa: RUF001
    )
    step(done=total, total=total, message=_("Done"))
    return snapshot


def latest_review_part(
    organization: Any, start: date, end: date, language: str
) -> list[BinderFile]:
    """The reviews' own binder part: the report of the latest review of the period (the
    completed one if any) and its checklist as a spreadsheet."""
    from borderpro.common.documents import Column, write_xlsx
    from borderpro.reviews.report import render_report_pdf, report_context

    reviews = Review.objects.filter(
        organization=organization, period_end__gte=start, period_start__lte=end
    ).order_by("-period_end", "-created_at")
    review = reviews.filter(status=Review.Status.COMPLETED).first() or reviews.first()
    if review is None:
        return []
    context = report_context(review, language)
    columns = [
        Column("group", _("Group")),
        Column("title", _("What is checked"), wrap=True, width=60),
        Column("result", _("Result"), kind="choice", choices=dict(ChecklistItem.Result.choices)),
        Column("notes", _("Notes"), wrap=True, width=40),
    ]
    sheet = write_xlsx(
        columns,
        review.items.order_by("position").values("group", "title", "result", "notes"),
        title=_("Checklist"),
        language=language,
    )
    return [
        BinderFile(
            "review/review-report.pdf", render_report_pdf(review, context), context["title"]
        ),
        BinderFile(
            "review/review-checklist.xlsx",
            sheet,
            _("Checklist of %(title)s") % {"title": review.title},
        ),
    ]
