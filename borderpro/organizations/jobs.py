"""Background jobs of the organizations app."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.chain import chained_models, save_report, verify_chain
from borderpro.common.jobs import job_kind
from borderpro.common.models import Job
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Organization


@job_kind(permission="organizations.verify_records")
def verify_records(job: Job) -> None:
    """Recompute every hash chain of the organization, chain by chain."""
    organization = Organization.objects.get(pk=job.organization_id)
    models = chained_models()
    job.report(done=0, total=len(models), message=_("Checking records…"))
    broken = 0
    for index, model in enumerate(models, start=1):
        report = verify_chain(model, organization)
        save_report(organization, report, when=timezone.now())
        broken += 0 if report.ok else 1
        job.report(done=index, message=str(model._meta.verbose_name_plural))
    result = _("intact") if not broken else _("%(n)s broken") % {"n": broken}
    activity_record(
        organization=organization, actor=job.created_by, verb="records.verified", result=result
    )
