"""Background work of the policies module: the whole security manual as PDF or Word."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils.text import slugify
from django_scopes import scope

from borderpro.common.jobs import job_kind
from borderpro.common.models import Job
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Organization
from borderpro.policies import manual


@job_kind(permission="policies.view")  # the manual shows what the policy pages show
def export_manual(job: Job) -> None:
    organization = Organization.objects.get(pk=job.organization_id)
    language = job.params.get("language", "en")
    fmt = job.params.get("format", "pdf")
    with scope(organization=organization):
        job.report(done=0, total=3, message="documents")
        docs = manual.manual_documents(organization, language)
        job.report(done=1, total=3, message=fmt)
        if fmt == "pdf":
            data = manual.manual_pdf(organization, docs, language)
        else:
            data = manual.manual_docx(organization, docs, language)
        job.report(done=2, total=3, message="saving")
        name = f"{slugify(organization.name)}-security-manual-{language}.{fmt}"
        job.result_file.save(name, ContentFile(data), save=False)
        job.result_name = name
        activity_record(
            organization=organization,
            actor=job.created_by,
            verb="policies.exported",
            format=fmt.upper(),
        )
