"""The risk assessment on the record registry (``common/records.py``): the validation binder
holds the written report of the latest approved assessment, and its approvals' chain."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy

from borderpro.common.chain import verify_chain
from borderpro.common.records import BinderFile, register_binder_part


def approved_assessment_part(
    organization: Any, start: date, end: date, language: str
) -> list[BinderFile]:
    from borderpro.risk import report, selectors
    from borderpro.risk.models import Approval

    assessment = selectors.latest_approved(organization)
    if assessment is None:
        return []
    context = report.report_context(assessment, language)
    return [
        BinderFile(
            f"risk/risk-assessment-{assessment.year}.pdf",
            report.render_report_pdf(assessment, context),
            context["title"],
            chain_intact=verify_chain(Approval, organization).ok,
        )
    ]


def register() -> None:
    register_binder_part(
        "risk.assessment",
        label=gettext_lazy("Risk assessment"),
        build=approved_assessment_part,
        order=20,
    )
