"""The written risk assessment as a validator reads it, made with the document toolkit:
PDF and Word, English or French, on the company's letterhead."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from borderpro.common.documents import WordDocument, render_docx, render_pdf
from borderpro.common.templatetags.documents import iso_date
from borderpro.risk import charts, selectors
from borderpro.risk.content import assessment_content
from borderpro.risk.models import Assessment

SECTIONS = (
    ("scope", "Scope"),
    ("participants", "Participants"),
    ("method", "Method"),
    ("flows", "Cargo and data flows"),
    ("threats", "Threats"),
    ("vulnerabilities", "Vulnerabilities"),
    ("risks", "Heat map and risk register"),
    ("actions", "Action plan"),
    ("approvals", "Approvals"),
)


def _sections() -> list[tuple[str, str]]:
    labels = {
        "scope": _("Scope"),
        "participants": _("Participants"),
        "method": _("Method"),
        "flows": _("Cargo and data flows"),
        "threats": _("Threats"),
        "vulnerabilities": _("Vulnerabilities"),
        "risks": _("Heat map and risk register"),
        "actions": _("Action plan"),
        "approvals": _("Approvals"),
    }
    return [(key, f"{i}. {labels[key]}") for i, (key, _label) in enumerate(SECTIONS, start=1)]


def title(assessment: Assessment) -> str:
    return _("Supply chain security risk assessment %(year)s") % {"year": assessment.year}


def _method_in(language: str, stored: str) -> str:
    """The standard method reads in the report's language; a method the assessor rewrote
    is their own text and stays as written."""
    from borderpro.risk.services import default_method

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if stored.strip() == default_method().strip():
                with translation.override(language):
                    return default_method()
    return stored


def report_context(assessment: Assessment, language: str) -> dict[str, Any]:
    ws = selectors.workspace(assessment)
    with translation.override(language):
        sections = _sections()
        content = assessment_content(ws, language=language)
        content["method"] = _method_in(language, content["method"])
        return {
            "c": content,
            "a": assessment,
            "approvals": list(selectors.approvals(assessment)),
            "heatmap": charts.heat_map(assessment.get_matrix(), ws.heat),
            "diagram": charts.flow_diagram(ws.flows),
            "size": assessment.size,
            "sections": dict(sections),
            "toc": [{"anchor": key, "title": label, "level": 1} for key, label in sections],
            "status": str(assessment.get_status_display()),
            "title": title(assessment),
        }


def render_report_pdf(assessment: Assessment, context: dict[str, Any]) -> bytes:
    return render_pdf(
        "risk/report.html",
        context,
        organization=assessment.organization,
        language=context["c"]["language"],
        title=context["title"],
        # an approved assessment's report does not change: made once, put in every package
        reuse=assessment.status == Assessment.Status.APPROVED,
    )


def render_report_docx(assessment: Assessment, context: dict[str, Any]) -> bytes:
    c, s = context["c"], context["sections"]

    def build(doc: WordDocument) -> None:
        doc.letterhead_block()
        doc.heading(context["title"], 0)
        doc.key_values(
            [
                (
                    _("Period"),
                    f"{iso_date(c['period'][0])} – {iso_date(c['period'][1])}",  # noqa: RUF001
                ),
                (_("Assessment date"), iso_date(c["assessed_on"])),
                (_("Next review due"), iso_date(c["review_due_on"]) or "—"),
                (_("Status"), context["status"]),
                (_("Criteria assessed against"), c["framework"] or "—"),
            ]
        )
        doc.contents()
        doc.page_break()
        doc.heading(s["scope"], 1)
        doc.paragraphs(c["scope"] or "—")
        doc.heading(s["participants"], 1)
        for person in c["participants"] or ["—"]:
            doc.bullet(person)
        doc.heading(s["method"], 1)
        doc.paragraphs(c["method"] or "—")
        doc.paragraph(
            _("Risk = threat × vulnerability through a %(n)s×%(n)s matrix; levels: %(levels)s.")  # noqa: RUF001
            % {"n": len(c["levels"]), "levels": ", ".join(c["levels"])}
        )
        doc.heading(s["flows"], 1)
        for f in c["flows"]:
            doc.heading(f["name"], 2)
            doc.key_values(
                [
                    (
                        _("Origin → destination"),
                        f"{f['origin']} → {f['destination']} ({f['mode']})",
                    ),
                    (_("Border crossings"), ", ".join(f["crossings"]) or "—"),
                    (_("Stops and at-rest points"), ", ".join(f["stops"]) or "—"),
                    (_("Business partners"), "; ".join(f["partners"]) or "—"),
                    (_("Cargo types"), f["cargo"] or "—"),
                    (_("Data flow"), "\n".join(f["data_flow"]) or "—"),
                ]
            )
        doc.heading(s["threats"], 1)
        doc.table(
            [_("Threat"), _("Flow"), _("Rating"), _("Justification")],
            [
                [t["name"], t["flow"] or _("All flows"), t["label"], t["justification"]]
                for t in c["threats"]
            ],
        )
        doc.heading(s["vulnerabilities"], 1)
        doc.table(
            [_("Category"), _("Proposed"), _("Rating"), _("Reasons")],
            [
                [
                    v["category"],
                    v["proposed"],
                    v["label"],
                    "\n".join(v["reasons"])
                    + (f"\n{_('Override:')} {v['justification']}" if v["justification"] else ""),
                ]
                for v in c["vulnerabilities"]
            ],
        )
        doc.heading(s["risks"], 1)
        doc.table(
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
        doc.heading(s["actions"], 1)
        doc.table(
            [_("Action"), _("Owner"), _("Due"), _("Status"), _("Requirement")],
            [
                [
                    x["title"],
                    x["owner"],
                    iso_date(x["due_on"]),
                    f"{x['status']} ({x['progress']}%)",
                    x["requirement"] or "—",
                ]
                for x in c["actions"]
            ],
        )
        doc.heading(s["approvals"], 1)
        if context["approvals"]:
            doc.table(
                [_("Step"), _("Signed by"), _("When"), _("Hash of the approved content")],
                [
                    [
                        str(ap.get_step_display()),
                        f"{ap.signer_name}, {ap.signer_title}"
                        if ap.signer_title
                        else ap.signer_name,
                        date_format(localtime(ap.recorded_at), "DATETIME_FORMAT"),
                        ap.content_sha256,
                    ]
                    for ap in context["approvals"]
                ],
            )
        else:
            doc.paragraph(_("Not signed yet."))

    return render_docx(
        build, organization=assessment.organization, language=c["language"], title=context["title"]
    )
