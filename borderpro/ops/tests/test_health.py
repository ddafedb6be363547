"""/healthz says the process is up without touching the database; /readyz checks the
database, private storage and the worker's backlog, and names what is wrong (503)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.tasks import TaskResultStatus
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from borderpro.ops.heartbeat import record_heartbeat, worker_finished
from borderpro.ops.models import Heartbeat


def test_healthz_answers_without_the_database(client: Any) -> None:
    # no django_db mark: any database access here would raise
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ok_and_leaves_no_probe_file(client: Any) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"] == {"database": True, "storage": True, "worker_backlog": 0}
    _dirs, files = default_storage.listdir("_readyz")
    assert files == []
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def _queued(age: timedelta) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="borderpro.common.jobs.run_job",
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),
        status=TaskResultStatus.READY,
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - age)
    return task


@pytest.mark.django_db
def test_readyz_fails_when_the_worker_falls_behind(client: Any, settings: Any) -> None:
    settings.READYZ_MAX_QUEUE_AGE = 60
    _queued(timedelta(seconds=5))  # recent: the worker has time
    assert client.get("/readyz").status_code == 200
    _queued(timedelta(minutes=5))
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["problems"] == ["worker backlog: 1 task(s) queued for more than 60 s"]
    assert body["checks"]["worker_backlog"] == 1


@pytest.mark.django_db
def test_readyz_fails_when_storage_cannot_write(client: Any, monkeypatch: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> str:
        raise PermissionError("read-only file system")

    monkeypatch.setattr(FileSystemStorage, "save", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["problems"] == ["storage: PermissionError"]
    assert response.json()["checks"]["storage"] is False


@pytest.mark.django_db
def test_readyz_fails_when_the_database_is_down(client: Any, monkeypatch: Any) -> None:
    from django.db import OperationalError

    from borderpro.ops import health

    def down() -> Any:
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", down)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["problems"][0] == "database: OperationalError"


@pytest.mark.django_db
def test_background_processes_report_their_last_successful_run(client: Any) -> None:
    class Result:
        status = TaskResultStatus.SUCCESSFUL

    class Failed:
        status = TaskResultStatus.FAILED

    worker_finished(sender=None, task_result=Failed())
    assert not Heartbeat.objects.filter(name="worker").exists()  # a failure is no heartbeat
    worker_finished(sender=ImmediateBackend, task_result=Result())
    assert not Heartbeat.objects.filter(name="worker").exists()  # ran inline: there is no worker
    worker_finished(sender=None, task_result=Result())
    worker_finished(sender=None, task_result=Result())
    record_heartbeat("send_due_reminders")
    beat = Heartbeat.objects.get(name="worker")
    assert beat.runs == 2
    last = client.get("/readyz").json()["last_success"]
    assert set(last) == {"send_due_reminders", "worker"}
    assert last["worker"] == beat.last_success_at.isoformat()


@pytest.mark.django_db
def test_a_job_run_by_the_worker_is_a_heartbeat(
    alice: Any, carrier_a: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A job the database worker runs records the worker's heartbeat; the same job run inline
    by the immediate backend (no worker) records none."""
    from borderpro.common.jobs import job_start

    with django_capture_on_commit_callbacks(execute=True):
        job_start(organization=carrier_a, actor=alice, kind="organizations.verify_records")
    assert not Heartbeat.objects.filter(name="worker").exists()

    # the database worker sends the same signal with its backend as sender (running
    # db_worker in-process would close the test's own connection on PostgreSQL)
    from django_tasks_db import DatabaseBackend

    class Result:
        status = TaskResultStatus.SUCCESSFUL

    worker_finished(sender=DatabaseBackend, task_result=Result())
    assert Heartbeat.objects.get(name="worker").runs == 1
