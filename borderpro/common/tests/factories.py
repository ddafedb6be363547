from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile

from borderpro.common.models import Job


def sample_job_id(organization: Any) -> Job:
    """A finished job with a result file."""
    job = Job(
        organization=organization,
        kind="evidence.export_zip",
        status=Job.Status.SUCCEEDED,
        result_name="result.txt",
        done=1,
        total=1,
    )
    job.result_file.save("result.txt", ContentFile(b"result"), save=False)
    job.save()
    return job
