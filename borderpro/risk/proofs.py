"""The approved risk assessment as the proof of the risk-assessment requirements."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from borderpro.common.proofs import Proof
from borderpro.risk import selectors
from borderpro.risk.models import Assessment


def _report_builder(assessment: Assessment) -> Any:
    """The approved assessment's written report as PDF, in the language asked for."""

    def build(language: str) -> bytes:
        from borderpro.risk import report

        return report.render_report_pdf(assessment, report.report_context(assessment, language))

    return build


# PIP "written risk assessment, reviewed yearly" and C-TPAT highway 2.1 (documented risk
# assessment), 2.2 (map cargo movement) and 2.3 (annual review)
PROVES = frozenset({"PIP-CORP-02", "CTPAT-HC-2.1", "CTPAT-HC-2.2", "CTPAT-HC-2.3"})


def approved_assessment_proofs(organization: Any, ref: str) -> list[Proof]:
    if ref not in PROVES:
        return []
    a = selectors.latest_approved(organization)
    if a is None:
        return []
    today = organization.local_today()
    due = a.review_due_on
    stale = bool(due and due < today)
    note = ""
    if due is not None:
        day = date_format(due, "DATE_FORMAT")
        note = (
            _("The yearly review was due on %(day)s.") if stale else _("Next review due %(day)s.")
        ) % {"day": day}
    return [
        Proof(
            title=_("Risk assessment %(year)s, approved") % {"year": a.year},
            url=reverse(
                "risk:record", kwargs={"org_code": organization.code, "assessment_id": a.pk}
            ),
            day=a.approved_at.date() if a.approved_at else None,
            note=note,
            stale=stale,
            file_name=f"risk-assessment-{a.year}.pdf",
            file=_report_builder(a),
        )
    ]
