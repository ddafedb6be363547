"""Background work of reviews: the review report (PDF or Word) and the validation binder."""

from __future__ import annotations

from datetime import date

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.text import slugify
from django_scopes import scope

from borderpro.common.jobs import job_kind
from borderpro.common.models import Job
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Organization
from borderpro.reviews import report
from borderpro.reviews.binder import binder_build
from borderpro.reviews.models import Review


@job_kind(permission="reviews.view")  # the report shows what the review pages show
def export_report(job: Job) -> None:
    organization = Organization.objects.get(pk=job.organization_id)
    language = job.params.get("language", "en")
    fmt = job.params.get("format", "pdf")
    with scope(organization=organization):
        review = Review.objects.get(organization=organization, pk=job.params["review_id"])
        job.report(done=1, total=3, message="content")
        context = report.report_context(review, language)
        job.report(done=2, total=3, message=fmt)
        data = (
            report.render_report_pdf(review, context)
            if fmt == "pdf"
            else report.render_report_docx(review, context)
        )
        name = f"{slugify(organization.name)}-review-{review.period_end.year}-{language}.{fmt}"
        job.result_file.save(name, ContentFile(data), save=False)
        job.result_name = name
        activity_record(
            organization=organization,
            actor=job.created_by,
            verb="reviews.exported",
            target=review,
            title=review.title,
            format=fmt.upper(),
        )


@job_kind(permission="reviews.binder")  # the binder holds every evidence file
def build_binder(job: Job) -> None:
    organization = Organization.objects.get(pk=job.organization_id)
    with scope(organization=organization):
        snapshot = binder_build(
            actor=job.created_by,
            organization=organization,
            start=date.fromisoformat(job.params["start"]),
            end=date.fromisoformat(job.params["end"]),
            language=job.params.get("language", "en"),
            report=job.report,
        )
    job.result_file.name = snapshot.bundle.name
    job.result_name = (snapshot.bundle.name or "").rsplit("/", 1)[-1]
    job.params = {
        **job.params,
        "binder_id": str(snapshot.pk),
        "downloads": [
            {
                "label": "ZIP",
                "name": job.result_name,
                "url": reverse("reviews:binder_download", args=[organization.code, snapshot.pk]),
            }
        ],
    }
