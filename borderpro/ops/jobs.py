"""Background jobs of the ops app: the organization export an administrator downloads."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.core.files import File
from django.utils.translation import gettext as _

from borderpro.common.jobs import job_kind
from borderpro.common.models import Job
from borderpro.ops.orgexport import export_organization
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Organization


@job_kind(permission="ops.export")
def export_data(job: Job) -> None:
    """Write the organization's archive and attach it to the job for download."""
    organization = Organization.objects.get(pk=job.organization_id)
    job.report(done=0, total=1, message=_("Collecting records…"))

    def progress(done: int, total: int) -> None:
        job.report(done=done, total=total + 1, message=_("Collecting records…"))

    with tempfile.TemporaryDirectory(prefix="borderpro-export-") as scratch:
        summary = export_organization(organization, Path(scratch), progress=progress)
        with open(summary.path, "rb") as handle:
            job.result_file.save(summary.path.name, File(handle), save=False)
    job.result_name = summary.path.name
    job.message = _("%(rows)s records, %(files)s files") % {
        "rows": summary.rows,
        "files": summary.files,
    }
    activity_record(
        organization=organization,
        actor=job.created_by,
        verb="data.exported",
        rows=summary.rows,
        files=summary.files,
    )
