"""The files of an application package, made with the document toolkit: the PDF, the
editable Word document (same structure and look) and the ZIP with the evidence files named
by requirement ref and an index (UTF-8 CSV with translated headers).

Two variants: the **submission copy** is the company's document (its name and logo on the
cover, a table of contents, the answered requirements with references to their evidence);
the **internal gap report** adds the readiness score, the chart and the readiness per
category. Requirements not yet answered are left out or listed in an appendix."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.common import documents
from borderpro.common.documents import Column, letterhead_for, rendering

INDEX_COLUMNS = [
    Column("ref", gettext_lazy("Requirement")),
    Column("title", gettext_lazy("Title")),
    Column("path", gettext_lazy("File in this package")),
    Column("sha256", "SHA-256"),
    Column("document_date", gettext_lazy("Document date"), documents.DATE),
    Column("expires_on", gettext_lazy("Expires"), documents.DATE),
]


@dataclass(frozen=True)
class PackageOptions:
    variant: str = "submission"
    unanswered: str = "omit"

    @property
    def is_gap_report(self) -> bool:
        return self.variant == "gap_report"

    @property
    def appendix(self) -> bool:
        return self.unanswered == "appendix"


def document_parts(content: dict[str, Any], options: PackageOptions) -> dict[str, Any]:
    """What the PDF and the Word file both say, in the active language: title, sections,
    table of contents, appendix."""
    title = _("Gap report") if options.is_gap_report else _("Security profile")
    sections = []
    unanswered: list[dict[str, Any]] = []
    for n, category in enumerate(content["categories"], start=1):
        items = [i for i in category["items"] if i["answered"]]
        unanswered.extend(i for i in category["items"] if not i["answered"])
        if items:
            sections.append({**category, "items": items, "anchor": f"cat-{n}"})
    toc = []
    if options.is_gap_report:
        toc.append({"anchor": "readiness", "title": _("Readiness by category"), "level": 1})
    toc.append({"anchor": "profile", "title": _("Company profile"), "level": 1})
    toc.extend({"anchor": s["anchor"], "title": s["title"], "level": 1} for s in sections)
    appendix = unanswered if options.appendix else []
    if appendix:
        toc.append(
            {
                "anchor": "appendix",
                "title": _("Appendix: requirements not yet answered"),
                "level": 1,
            }
        )
    framework = content["framework"]
    return {
        "title": title,
        "sections": sections,
        "appendix": appendix,
        "unanswered_count": len(unanswered),
        "toc": toc,
        "framework_line": f"{framework['name']} ({framework['edition']}) — {framework['authority']}",
        "footer": f"{content['organization']} — {title} · {framework['code']}",
    }


def render_pdf(
    content: dict[str, Any],
    *,
    organization: Any,
    options: PackageOptions | None = None,
    chart: str = "",
) -> bytes:
    options = options or PackageOptions()
    language = content["language"]
    with rendering(language, getattr(organization, "time_zone", None)):
        parts = document_parts(content, options)
    return documents.render_pdf(
        "profiles/package.html",
        {"c": content, "p": parts, "options": options, "chart": chart},
        organization=organization,
        language=language,
        title=parts["title"],
        footer=parts["footer"],
    )


def _profile_word(doc: documents.WordDocument, profile: dict[str, Any]) -> None:
    doc.heading(_("Company profile"), 1)
    doc.key_values(
        [(item["label"], item["value"]) for item in profile["fields"].values() if item["value"]]
    )
    if profile["divisions"]:
        doc.heading(_("Divisions"), 2)
        for d in profile["divisions"]:
            doc.bullet(f"{d['name']} — {d['description']}" if d["description"] else d["name"])
    if profile["sites"]:
        doc.heading(_("Sites"), 2)
        doc.table(
            [_("Site"), _("Address"), _("Activity and hours"), _("Security features")],
            [
                [
                    f"{s['name']} ({s['kind']})",
                    s["address"],
                    f"{s['activity']} {s['hours']}".strip(),
                    s["security_features"],
                ]
                for s in profile["sites"]
            ],
        )
    if profile["safety"]:
        doc.heading(_("Safety fitness numbers"), 2)
        for n in profile["safety"]:
            rating = f" ({n['rating']})" if n["rating"] else ""
            doc.bullet(f"{n['jurisdiction']} · {n['kind']}: {n['number']}{rating}")


def _item_word(doc: documents.WordDocument, item: dict[str, Any]) -> None:
    doc.heading(f"{item['ref']} — {item['title']}", 2)
    tag = f"{item['level_label']} · {item['status_label']}"
    if item["reused_from"]:
        tag += " · " + _("answered under %(ref)s") % {"ref": item["reused_from"]}
    doc.paragraph(tag, italic=True, muted=True)
    if item["status"] == "not_applicable":
        doc.paragraph(_("Not applicable:"), bold=True)
        doc.paragraphs(item["justification"])
    else:
        doc.paragraphs(item["narrative"])
    if item["evidence"]:
        doc.paragraph(_("Evidence:"), muted=True)
        for e in item["evidence"]:
            day = iso_day(e["document_date"])
            doc.bullet(f"{e['title']} — {e['path']}" + (f" ({day})" if day else ""))
    if item.get("proofs"):
        doc.paragraph(_("Proven by:"), muted=True)
        for p in item["proofs"]:
            doc.bullet(proof_line(p))


def proof_line(proof: dict[str, Any]) -> str:
    """ "Risk assessment 2026, approved (4 Dec 2026) — proofs/risk-assessment-2026.pdf · Next
    review due …": one line in the PDF and the Word file alike."""
    day = iso_day(proof["day"])
    line = proof["title"] + (f" ({day})" if day else "")
    if proof["path"]:
        line += f" — {proof['path']}"
    if proof["note"]:
        line += f" · {proof['note']}"
    return line


def iso_day(value: str) -> str:
    from borderpro.common.templatetags.documents import iso_date

    return iso_date(value)


def render_docx(
    content: dict[str, Any], *, organization: Any, options: PackageOptions | None = None
) -> bytes:
    options = options or PackageOptions()

    def build(doc: documents.WordDocument) -> None:
        parts = document_parts(content, options)
        doc.letterhead_block()
        doc.doc.add_heading(parts["title"], 0)
        doc.paragraph(parts["framework_line"])
        doc.paragraph(
            _("Prepared by %(company)s on %(day)s")
            % {
                "company": content["organization"],
                "day": formats.date_format(timezone.localdate(), "DATE_FORMAT"),
            },
            muted=True,
        )
        if options.is_gap_report:
            doc.paragraph(_("Internal document — not for submission."), bold=True)
            doc.paragraph(_("Readiness: %(score)s %%") % {"score": content["readiness"]})
        doc.page_break()
        doc.contents()
        doc.page_break()
        if options.is_gap_report:
            doc.heading(_("Readiness by category"), 1)
            doc.table(
                [_("Category"), _("Readiness"), _("Done")],
                [
                    [
                        c["title"],
                        f"{c['score']}\u00a0%",
                        _("%(done)s of %(total)s") % {"done": c["done"], "total": c["total"]},
                    ]
                    for c in content["categories"]
                ],
            )
        _profile_word(doc, content["profile"])
        for section in parts["sections"]:
            doc.heading(section["title"], 1)
            for item in section["items"]:
                _item_word(doc, item)
        if parts["appendix"]:
            doc.heading(_("Appendix: requirements not yet answered"), 1)
            doc.table(
                [_("Requirement"), _("Level"), _("Status")],
                [
                    [f"{i['ref']} — {i['title']}", i["level_label"], i["status_label"]]
                    for i in parts["appendix"]
                ],
            )

    return documents.render_docx(
        build,
        organization=organization,
        language=content["language"],
        title=_document_title(content, options),
        letterhead=letterhead_for(organization),
    )


def _document_title(content: dict[str, Any], options: PackageOptions) -> str:
    with rendering(content["language"]):
        return str(_("Gap report") if options.is_gap_report else _("Security profile"))


def render_bundle(
    content: dict[str, Any],
    *,
    pdf: bytes,
    docx: bytes,
    open_file: Callable[[str], bytes],
    report: Callable[[int], None] | None = None,
    proof_files: dict[str, Callable[[], bytes]] | None = None,
) -> tuple[bytes, int]:
    """One ZIP: the PDF, the Word file and the evidence of every answered requirement under
    ``evidence/<ref>/``, listed in ``evidence/index.csv``; the documents of the records that
    prove a requirement (``proof_files``: path → maker, e.g. the approved risk assessment's
    report) under ``proofs/``."""
    base = slugify(f"{content['organization']}-{content['framework']['code']}")[:60] or "package"
    buffer = io.BytesIO()
    index: list[dict[str, Any]] = []
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{base}.pdf", pdf)
        archive.writestr(f"{base}.docx", docx)
        for category in content["categories"]:
            for item in category["items"]:
                if not item["answered"]:
                    continue
                for evidence in item["evidence"]:
                    archive.writestr(evidence["path"], open_file(evidence["id"]))
                    index.append({"ref": item["ref"], **evidence})
                    if report:
                        report(len(index))
        for path, make in sorted((proof_files or {}).items()):
            archive.writestr(path, make())
        archive.writestr(
            "evidence/index.csv",
            documents.write_csv(INDEX_COLUMNS, index, language=content["language"]),
        )
    return buffer.getvalue(), len(index)
