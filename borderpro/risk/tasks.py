"""Background tasks of the risk assessment."""

from __future__ import annotations

from django.conf import settings
from django.tasks import task
from django_scopes import scopes_disabled

from borderpro.risk import report
from borderpro.risk.models import Assessment


@task()
def prepare_approved_report(assessment_id: str) -> int:
    """Lay out the approved assessment's report once, in every language, when it is approved:
    it no longer changes, and every application package and audit binder ships it (they
    find it made: :func:`borderpro.common.documents.pdf.render_pdf` with ``reuse``)."""
    with scopes_disabled():
        assessment = Assessment.objects.select_related("organization").get(pk=assessment_id)
        if assessment.status != Assessment.Status.APPROVED:
            return 0
        for language, _name in settings.LANGUAGES:
            report.render_report_pdf(assessment, report.report_context(assessment, language))
    return len(settings.LANGUAGES)
