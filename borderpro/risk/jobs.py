"""Background work of the risk assessment: the written report (PDF or Word)."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils.text import slugify
from django_scopes import scope

from borderpro.common.jobs import job_kind
from borderpro.common.models import Job
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Organization
from borderpro.risk import report
from borderpro.risk.models import Assessment


@job_kind(permission="risk.view")  # the report shows what the assessment pages show
def export_report(job: Job) -> None:
    organization = Organization.objects.get(pk=job.organization_id)
    language = job.params.get("language", "en")
    fmt = job.params.get("format", "pdf")
    with scope(organization=organization):
        assessment = Assessment.objects.get(
            organization=organization, pk=job.params["assessment_id"]
        )
        job.report(done=1, total=3, message="content")
        context = report.report_context(assessment, language)
        job.report(done=2, total=3, message=fmt)
        data = (
            report.render_report_pdf(assessment, context)
            if fmt == "pdf"
            else report.render_report_docx(assessment, context)
        )
        name = f"{slugify(organization.name)}-risk-assessment-{assessment.year}-{language}.{fmt}"
        job.result_file.save(name, ContentFile(data), save=False)
        job.result_name = name
        activity_record(
            organization=organization,
            actor=job.created_by,
            verb="risk.exported",
            target=assessment,
            year=assessment.year,
            format=fmt.upper(),
        )
