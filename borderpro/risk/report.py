"""The written risk assessment as a validator reads it: PDF and Word, English or French."""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderpro.risk import charts, selectors
from borderpro.risk.content import assessment_content
from borderpro.risk.models import Assessment


def report_context(assessment: Assessment, language: str) -> dict[str, Any]:
    ws = selectors.workspace(assessment)
    with translation.override(language):
        return {
            "c": assessment_content(ws, language=language),
            "a": assessment,
            "approvals": list(selectors.approvals(assessment)),
            "heatmap": charts.heat_map(assessment.get_matrix(), ws.heat),
            "diagram": charts.flow_diagram(ws.flows),
            "generated": timezone.now(),
            "size": assessment.size,
        }


def render_pdf(context: dict[str, Any]) -> bytes:
    import weasyprint

    with translation.override(context["c"]["language"]):
        html = render_to_string("risk/report.html", context)
    return weasyprint.HTML(string=html).write_pdf()


def render_docx(context: dict[str, Any]) -> bytes:
    from docx import Document
    from docx.shared import Pt

    c = context["c"]
    with translation.override(c["language"]):
        doc = Document()
        doc.styles["Normal"].font.size = Pt(10.5)
        doc.add_heading(_("Supply chain security risk assessment"), 0)
        doc.add_paragraph(f"{c['organization']} — {c['year']}")
        doc.add_paragraph(
            _("Period: %(start)s to %(end)s · assessment date: %(day)s")
            % {"start": c["period"][0], "end": c["period"][1], "day": c["assessed_on"]}
        )
        doc.add_heading(_("1. Scope"), 1)
        for line in (c["scope"] or "—").splitlines():
            doc.add_paragraph(line)
        doc.add_heading(_("2. Participants"), 1)
        for p in c["participants"] or ["—"]:
            doc.add_paragraph(p, style="List Bullet")
        doc.add_heading(_("3. Method"), 1)
        doc.add_paragraph(c["method"] or "—")
        doc.add_paragraph(
            _("Risk matrix: %(n)s×%(n)s (%(levels)s).")  # noqa: RUF001
            % {"n": len(c["levels"]), "levels": ", ".join(c["levels"])}
        )
        doc.add_heading(_("4. Cargo and data flows"), 1)
        for f in c["flows"]:
            doc.add_heading(f["name"], 2)
            for label, value in (
                (_("Origin"), f["origin"]),
                (_("Destination"), f["destination"]),
                (_("Mode"), f["mode"]),
                (_("Border crossings"), ", ".join(f["crossings"])),
                (_("Stops and at-rest points"), ", ".join(f["stops"])),
                (_("Business partners"), "; ".join(f["partners"])),
                (_("Cargo types"), f["cargo"]),
            ):
                doc.add_paragraph(f"{label}: {value or '—'}")
            for line in f["data_flow"]:
                doc.add_paragraph(line, style="List Bullet")
        _table(
            doc,
            _("5. Threats"),
            [_("Threat"), _("Flow"), _("Rating"), _("Justification")],
            [
                [t["name"], t["flow"] or _("All flows"), t["label"], t["justification"]]
                for t in c["threats"]
            ],
        )
        _table(
            doc,
            _("6. Vulnerabilities"),
            [_("Category"), _("Proposed"), _("Rating"), _("Reasons")],
            [
                [
                    v["category"],
                    v["proposed"],
                    v["label"],
                    " ".join(v["reasons"])
                    + (f" {_('Override:')} {v['justification']}" if v["justification"] else ""),
                ]
                for v in c["vulnerabilities"]
            ],
        )
        _table(
            doc,
            _("7. Risk register"),
            [_("Risk"), _("Flow"), _("Threat"), _("Category")],
            [
                [
                    r["label"],
                    r["flow"],
                    f"{r['threat']} ({r['threat_label']})",
                    f"{r['category']} ({r['vulnerability_label']})",
                ]
                for r in c["risks"]
            ],
        )
        _table(
            doc,
            _("8. Action plan"),
            [_("Action"), _("Owner"), _("Due"), _("Status"), _("Requirement")],
            [
                [
                    x["title"],
                    x["owner"],
                    x["due_on"],
                    f"{x['status']} ({x['progress']}%)",
                    x["requirement"],
                ]
                for x in c["actions"]
            ],
        )
        doc.add_heading(_("9. Approvals"), 1)
        for ap in context["approvals"]:
            doc.add_paragraph(
                f"{ap.get_step_display()} — {ap.signer_name} {ap.signer_title} · {ap.recorded_at:%Y-%m-%d %H:%M} UTC · sha256 {ap.content_sha256}"
            )
        if not context["approvals"]:
            doc.add_paragraph(_("Not signed yet."))
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()


def _table(doc: Any, title: str, head: list[str], rows: list[list[str]]) -> None:
    doc.add_heading(title, 1)
    if not rows:
        doc.add_paragraph("—")
        return
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = str(text or "")
