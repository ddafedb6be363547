"""Long-running work with progress: a :class:`Job` row, run by a ``django.tasks`` task.

A job kind is ``<app>.<function>``; the function lives in ``borderpro/<app>/jobs.py`` and
takes the job. It calls ``job.report(done=..., total=...)`` as it goes and may attach a
result file. The UI polls the job's status partial until it is finished.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django_scopes import scopes_disabled

from borderpro.common.models import Job

log = logging.getLogger(__name__)


def _handler(kind: str) -> Callable[[Job], None]:
    app, name = kind.split(".", 1)
    return getattr(import_module(f"borderpro.{app}.jobs"), name)


def job_start(*, organization: Any, actor: Any, kind: str, params: dict | None = None) -> Job:
    _handler(kind)  # fail now, not in the worker, when the kind does not exist
    job = Job.objects.create(
        organization=organization, kind=kind, params=params or {}, created_by=actor
    )
    transaction.on_commit(lambda: run_job.enqueue(str(job.pk)))
    return job


@task()
def run_job(job_id: str) -> str:
    with scopes_disabled():
        job = Job.objects.get(pk=job_id)
        if job.is_finished:
            return job.status
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
        try:
            _handler(job.kind)(job)
        except Exception as exc:  # the job failed: say so in the UI, keep the worker alive
            log.exception("job %s (%s) failed", job.pk, job.kind)
            Job.objects.filter(pk=job.pk).update(
                status=Job.Status.FAILED, error=str(exc)[:2000], finished_at=timezone.now()
            )
            return Job.Status.FAILED
        with transaction.atomic():
            job.status = Job.Status.SUCCEEDED
            job.finished_at = timezone.now()
            job.done = job.total or job.done
            job.save()
        return Job.Status.SUCCEEDED
