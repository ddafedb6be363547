"""Background jobs of the security profile workspace."""

from __future__ import annotations

from borderpro.catalogue.models import Framework
from borderpro.common.jobs import job_kind
from borderpro.common.models import Job
from borderpro.organizations.models import Organization
from borderpro.profiles.services.package import package_build


@job_kind(permission="profiles.package")
def build_package(job: Job) -> None:
    """The application package (PDF, Word, evidence ZIP) as a dated snapshot."""
    organization = Organization.objects.get(pk=job.organization_id)
    framework = Framework.objects.get(pk=job.params["framework_id"])
    snapshot = package_build(
        actor=job.created_by,
        organization=organization,
        framework=framework,
        language=job.params.get("language", "en"),
        report=job.report,
    )
    job.result_file.name = snapshot.bundle.name
    job.result_name = (snapshot.bundle.name or "").rsplit("/", 1)[-1]
    job.params = {**job.params, "snapshot_id": str(snapshot.pk)}
