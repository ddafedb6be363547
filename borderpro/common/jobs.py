"""Long-running work with progress: a :class:`Job` row, run by a ``django.tasks`` task.

A job kind is ``<app>.<function>``; the function lives in ``borderpro/<app>/jobs.py`` and
takes the job. It calls ``job.report(done=..., total=...)`` as it goes and may attach a
result file. The UI polls the job's status partial until it is finished.

Each job function is declared with :func:`job_kind`, naming the permission its result needs:
the permission of the page that starts it (a package build needs ``profiles.package``).
Anyone may follow a job's progress, but only those who may read what it contains download
its file (:func:`job_result_permission`). The registry is filled by the module that owns
the kind; ``common`` knows no kind.
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

JobFunction = Callable[[Job], None]
_RESULT_PERMISSIONS: dict[str, str] = {}


def job_kind(*, permission: str) -> Callable[[JobFunction], JobFunction]:
    """Register ``<app>/jobs.py``'s function as the job kind ``<app>.<function>``, whose
    result only those holding ``permission`` may download."""

    def register(function: JobFunction) -> JobFunction:
        app = function.__module__.removeprefix("borderpro.").split(".", 1)[0]
        _RESULT_PERMISSIONS[f"{app}.{function.__name__}"] = permission
        return function

    return register


def _handler(kind: str) -> JobFunction:
    app, name = kind.split(".", 1)
    return getattr(import_module(f"borderpro.{app}.jobs"), name)


def job_result_permission(kind: str) -> str:
    """The permission a job's result file needs (the page that starts the job asks it)."""
    _handler(kind)  # imports the owning module, which registers its kinds
    try:
        return _RESULT_PERMISSIONS[kind]
    except KeyError:
        raise LookupError(
            f"job kind {kind!r} is not registered: decorate it with @job_kind(permission=...)"
        ) from None


def job_start(*, organization: Any, actor: Any, kind: str, params: dict | None = None) -> Job:
    job_result_permission(kind)  # fail now, not in the worker, for an unknown kind
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
        job.status, job.started_at = Job.Status.RUNNING, timezone.now()
        Job.objects.filter(pk=job.pk).update(status=job.status, started_at=job.started_at)
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
