"""The files of an application package: the PDF (WeasyPrint), the editable Word document
(python-docx) and the ZIP with the evidence files named by requirement ref."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from borderpro.common.csvsafe import safe_csv_writer


def render_pdf(content: dict[str, Any], *, chart: str = "") -> bytes:
    import weasyprint

    with translation.override(content["language"]):
        html = render_to_string(
            "profiles/package.html", {"c": content, "chart": chart, "generated": timezone.now()}
        )
    return weasyprint.HTML(string=html).write_pdf()


def render_docx(content: dict[str, Any]) -> bytes:
    from docx import Document
    from docx.shared import Pt

    with translation.override(content["language"]):
        doc = Document()
        doc.styles["Normal"].font.size = Pt(10.5)
        doc.add_heading(_("Security profile"), 0)
        doc.add_paragraph(
            f"{content['organization']} — {content['framework']['name']} ({content['framework']['edition']})"
        )
        doc.add_paragraph(_("Readiness: %(score)s %%") % {"score": content["readiness"]})
        doc.add_heading(_("Company profile"), 1)
        table = doc.add_table(rows=0, cols=2)
        table.style = "Light Grid Accent 1"
        for item in content["profile"]["fields"].values():
            if item["value"]:
                cells = table.add_row().cells
                cells[0].text, cells[1].text = item["label"], item["value"]
        if content["profile"]["sites"]:
            doc.add_heading(_("Sites"), 2)
            for site in content["profile"]["sites"]:
                doc.add_paragraph(
                    f"{site['name']} ({site['kind']}) — {site['address']}. {site['activity']} "
                    f"{site['hours']}. {site['security_features']}",
                    style="List Bullet",
                )
        for category in content["categories"]:
            doc.add_heading(category["title"], 1)
            for item in category["items"]:
                doc.add_heading(f"{item['ref']} — {item['title']}", 2)
                level = _("Must") if item["level"] == "must" else _("Should")
                doc.add_paragraph(f"{level} · {item['status_label']}").runs[0].italic = True
                text = (
                    item["justification"]
                    if item["status"] == "not_applicable"
                    else item["narrative"]
                )
                for paragraph in (text or _("(no narrative yet)")).split("\n"):
                    if paragraph.strip():
                        doc.add_paragraph(paragraph.strip())
                for evidence in item["evidence"]:
                    doc.add_paragraph(
                        f"{evidence['title']} — {evidence['file']} ({evidence['document_date'] or '—'})",
                        style="List Bullet",
                    )
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()


def render_bundle(
    content: dict[str, Any],
    *,
    pdf: bytes,
    docx: bytes,
    open_file: Callable[[str], bytes],
    report: Callable[[int], None] | None = None,
) -> tuple[bytes, int]:
    """One ZIP: the PDF, the Word file and every evidence file under ``evidence/<ref>/``."""
    base = slugify(f"{content['organization']}-{content['framework']['code']}")[:60] or "package"
    buffer = io.BytesIO()
    count = 0
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{base}.pdf", pdf)
        archive.writestr(f"{base}.docx", docx)
        index = io.StringIO()
        writer = safe_csv_writer(index, lineterminator="\n")
        writer.writerow(["ref", "title", "file", "sha256", "document_date", "expires_on"])
        for category in content["categories"]:
            for item in category["items"]:
                for n, evidence in enumerate(item["evidence"], start=1):
                    name = f"evidence/{item['ref']}/{n:02d}-{slugify(evidence['title'])[:50] or 'file'}-{evidence['file']}"
                    archive.writestr(name, open_file(evidence["id"]))
                    writer.writerow(
                        [
                            item["ref"],
                            evidence["title"],
                            name,
                            evidence["sha256"],
                            evidence["document_date"] or "",
                            evidence["expires_on"] or "",
                        ]
                    )
                    count += 1
                    if report:
                        report(count)
        archive.writestr("evidence/index.csv", index.getvalue())
    return buffer.getvalue(), count
