"""Background jobs of the evidence vault."""

from __future__ import annotations

import io
import json
import tempfile
import zipfile

from django.core.files import File
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from borderpro.common.checkpoints import chain_checkpoint_summary
from borderpro.common.csvsafe import safe_csv_writer
from borderpro.common.jobs import job_kind
from borderpro.common.models import Job
from borderpro.evidence.models import EvidenceFile
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Organization


@job_kind(permission="evidence.export")
def export_zip(job: Job) -> None:
    """Every current evidence file in one ZIP, with a manifest of hashes and dates."""
    organization = Organization.objects.get(pk=job.organization_id)
    files = list(
        EvidenceFile.objects.filter(organization=organization, archived_at__isnull=True).order_by(
            "title"
        )
    )
    job.report(done=0, total=len(files) + 1, message=_("Collecting files…"))
    manifest = io.StringIO()
    writer = safe_csv_writer(manifest)
    writer.writerow(
        ["file", "title", "what it proves", "document date", "expires on", "sha256", "bytes"]
    )
    with tempfile.TemporaryFile() as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for index, evidence in enumerate(files, start=1):
                arcname = (
                    f"{index:04d}-{slugify(evidence.title)[:60] or 'file'}-{evidence.original_name}"
                )
                with evidence.file.open("rb") as handle:
                    archive.writestr(arcname, handle.read())
                writer.writerow(
                    [
                        arcname,
                        evidence.title,
                        evidence.proves,
                        evidence.document_date or "",
                        evidence.expires_on or "",
                        evidence.sha256,
                        evidence.size,
                    ]
                )
                job.report(done=index, message=evidence.title)
            archive.writestr("manifest.csv", manifest.getvalue())
            checkpoint = chain_checkpoint_summary(organization)
            if checkpoint is not None:  # the signed heads of its record chains (decision 0005)
                archive.writestr("record-checkpoint.json", json.dumps(checkpoint, indent=1))
        tmp.seek(0)
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        job.result_name = f"evidence-{organization.code}-{stamp}.zip"
        job.result_file.save(job.result_name, File(tmp), save=False)
    activity_record(
        organization=organization, actor=job.created_by, verb="evidence.exported", count=len(files)
    )
