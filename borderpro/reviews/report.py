"""The review report, made with the document toolkit: PDF and Word, English or French, on
the company's letterhead. Summary, scope, method and sample, results by category, findings
and corrective actions, and the year-over-year comparison with charts."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from borderpro.common.documents import WordDocument, render_docx, render_pdf
from borderpro.reviews import charts, selectors
from borderpro.reviews.models import ChecklistItem, Finding, Review

SECTION_KEYS = ("summary", "scope", "method", "results", "findings", "comparison")


def _sections() -> dict[str, str]:
    labels = {
        "summary": _("Summary"),
        "scope": _("Scope and participants"),
        "method": _("Method and sample"),
        "results": _("Results by category"),
        "findings": _("Findings and corrective actions"),
        "comparison": _("Year-over-year comparison"),
    }
    return {key: f"{i}. {labels[key]}" for i, key in enumerate(SECTION_KEYS, start=1)}


def title(review: Review) -> str:
    return f"{review.get_kind_display()} — {review.title}"


def report_context(review: Review, language: str) -> dict[str, Any]:
    with translation.override(language):
        sections = _sections()
        results = selectors.results_by_category(review)
        history = selectors.comparison(review)
        findings = list(selectors.findings(review))
        return {
            "r": review,
            "kind": str(review.get_kind_display()),
            "status": str(review.get_status_display()),
            "language": language,
            "title": title(review),
            "sections": sections,
            "toc": [{"anchor": k, "title": v, "level": 1} for k, v in sections.items()],
            "totals": selectors.result_totals(review),
            "severity_totals": selectors.severity_totals(findings),
            "results": results,
            "sampled": list(
                review.items.filter(category=ChecklistItem.Category.RECORD).order_by("position")
            ),
            "findings": findings,
            "participants": [p for p in review.participants.splitlines() if p.strip()],
            "history": history,
            "trend_chart": charts.readiness_trend([(h["label"], h["readiness"]) for h in history]),
            "severity_chart": charts.findings_by_severity(
                [(h["label"], h["severities"]) for h in history],
                list(Finding.Severity.choices),
            ),
            "result_labels": dict(ChecklistItem.Result.choices),
            "severity_labels": [(c, str(n)) for c, n in Finding.Severity.choices],
        }


def render_report_pdf(review: Review, context: dict[str, Any]) -> bytes:
    return render_pdf(
        "reviews/report.html",
        context,
        organization=review.organization,
        language=context["language"],
        title=context["title"],
    )


def _results_table(doc: WordDocument, context: dict[str, Any]) -> None:
    doc.table(
        [_("Category"), _("Met"), _("Not met"), _("Not applicable"), _("Not checked")],
        [
            [g["group"], g["met"], g["not_met"], g["not_applicable"], g["not_checked"]]
            for g in context["results"]
        ],
    )


def render_report_docx(review: Review, context: dict[str, Any]) -> bytes:
    s = context["sections"]

    def build(doc: WordDocument) -> None:
        doc.letterhead_block()
        doc.heading(context["title"], 0)
        doc.key_values(
            [
                (_("Type of review"), context["kind"]),
                (_("Period"), f"{review.period_start} – {review.period_end}"),  # noqa: RUF001
                (_("Status"), context["status"]),
                (_("Criteria reviewed against"), str(review.framework or "—")),
                (_("Readiness (%)"), "—" if review.readiness is None else f"{review.readiness}%"),
            ]
        )
        doc.contents()
        doc.page_break()
        doc.heading(s["summary"], 1)
        doc.paragraphs(review.summary or _("The review is not completed yet."))
        t = context["totals"]
        doc.paragraph(
            _("%(met)s met, %(not_met)s not met, %(na)s not applicable, %(open)s not checked.")
            % {
                "met": t["met"],
                "not_met": t["not_met"],
                "na": t["not_applicable"],
                "open": t["not_checked"],
            }
        )
        doc.heading(s["scope"], 1)
        doc.paragraphs(review.scope or "—")
        if review.partner_name:
            doc.paragraph(f"{_('Partner audited')}: {review.partner_name}")
        for person in context["participants"] or ["—"]:
            doc.bullet(person)
        doc.heading(s["method"], 1)
        doc.paragraphs(review.sample_method or "—")
        doc.paragraph(f"{_('Sample seed')}: {review.sample_seed}")
        doc.table(
            [_("Record source"), _("Record"), _("Date"), _("What"), _("Result")],
            [
                [i.group, i.ref, str(i.day or ""), i.title, str(i.get_result_display())]
                for i in context["sampled"]
            ],
        )
        doc.heading(s["results"], 1)
        _results_table(doc, context)
        doc.heading(s["findings"], 1)
        for f in context["findings"]:
            doc.heading(f"{f.code} — {f.title} ({f.get_severity_display()})", 2)
            if f.requirement:
                doc.paragraph(f"{_('Requirement')}: {f.requirement.ref} {f.requirement.title}")
            if f.detail:
                doc.paragraphs(f.detail)
            doc.table(
                [_("Corrective action"), _("Owner"), _("Due"), _("Status"), _("Verified by")],
                [
                    [
                        a.title,
                        a.owner.full_name or a.owner.email,
                        str(a.due_on),
                        str(a.get_status_display()),
                        (a.verified_by.full_name or a.verified_by.email) if a.verified_by else "—",
                    ]
                    for a in f.actions.all()
                ],
            )
        if not context["findings"]:
            doc.paragraph(_("No findings."))
        doc.heading(s["comparison"], 1)
        doc.table(
            [_("Review"), _("Readiness (%)"), *[str(n) for _c, n in Finding.Severity.choices]],
            [
                [
                    h["label"],
                    "—" if h["readiness"] is None else h["readiness"],
                    *[h["severities"].get(c, 0) for c, _n in Finding.Severity.choices],
                ]
                for h in context["history"]
            ],
        )

    return render_docx(
        build,
        organization=review.organization,
        language=context["language"],
        title=context["title"],
    )
