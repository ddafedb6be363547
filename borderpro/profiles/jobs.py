"""Background jobs of the security profile workspace."""

from __future__ import annotations

from django.urls import reverse

from borderpro.catalogue.models import Framework
from borderpro.common.models import Job
from borderpro.organizations.models import Organization
from borderpro.profiles.models import PackageSnapshot
from borderpro.profiles.services.package import package_build


def build_package(job: Job) -> None:
    """The application package (PDF, Word, evidence ZIP) as a dated snapshot."""
    organization = Organization.objects.get(pk=job.organization_id)
    framework = Framework.objects.get(pk=job.params["framework_id"])
    snapshot = package_build(
        actor=job.created_by,
        organization=organization,
        framework=framework,
        language=job.params.get("language", "en"),
        variant=job.params.get("variant", PackageSnapshot.Variant.SUBMISSION),
        unanswered=job.params.get("unanswered", PackageSnapshot.Unanswered.OMIT),
        report=job.report,
    )
    job.result_file.name = snapshot.bundle.name
    job.result_name = (snapshot.bundle.name or "").rsplit("/", 1)[-1]
    code = organization.code
    job.params = {
        **job.params,
        "snapshot_id": str(snapshot.pk),
        # The job page offers each file, not only the ZIP.
        "downloads": [
            {
                "label": label,
                "name": (stored.name or "").rsplit("/", 1)[-1],
                "url": reverse(f"profiles:package_{kind}", args=[code, snapshot.pk]),
            }
            for kind, label, stored in (
                ("pdf", "PDF", snapshot.pdf),
                ("docx", "Word", snapshot.docx),
                ("zip", "ZIP", snapshot.bundle),
            )
        ],
    }
