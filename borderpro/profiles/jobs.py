"""Background jobs of the security profile workspace."""

from __future__ import annotations

from django_scopes import scope

from borderpro.catalogue.models import Framework
from borderpro.common.models import Job
from borderpro.organizations.models import Organization
from borderpro.profiles.models import SecurityProfile
from borderpro.profiles.services.package import package_build


def build_package(job: Job) -> None:
    """The application package (PDF, Word, evidence ZIP) as a dated snapshot."""
    organization = Organization.objects.get(pk=job.organization_id)
    framework = Framework.objects.get(pk=job.params["framework_id"])
    security_profile = None
    if job.params.get("security_profile_id"):
        with scope(organization=organization):
            security_profile = SecurityProfile.objects.get(
                organization=organization, pk=job.params["security_profile_id"]
            )
    snapshot = package_build(
        actor=job.created_by,
        organization=organization,
        framework=framework,
        language=job.params.get("language", "en"),
        report=job.report,
        security_profile=security_profile,
    )
    job.result_file.name = snapshot.bundle.name
    job.result_name = (snapshot.bundle.name or "").rsplit("/", 1)[-1]
    job.params = {**job.params, "snapshot_id": str(snapshot.pk)}
