"""``manage.py worker`` sleeps until a task is queued: queueing wakes it (PostgreSQL NOTIFY,
a Unix datagram on SQLite) once the queueing transaction commits, never for one rolled back;
the worker still finds its tasks in the database, so a signal only shortens the wait."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.test.utils import override_settings

from borderpro.ops.management.commands.worker import WakingWorker
from borderpro.ops.tasks import ping
from borderpro.ops.wakeup import Waiter

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def waiter() -> Any:
    w = Waiter(name="test")
    yield w
    w.close()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_queueing_a_task_wakes_the_worker_at_once(waiter: Waiter) -> None:
    assert waiter.wait(0.05) is False  # nothing queued: it sleeps the whole timeout
    started = time.monotonic()
    ping.enqueue()
    assert waiter.wait(5) is True
    assert time.monotonic() - started < 1
    assert waiter.wait(0.05) is False  # the wake-up was consumed


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_task_queued_in_a_transaction_wakes_the_worker_only_once_committed(
    waiter: Waiter,
) -> None:
    from django_tasks_db.models import DBTaskResult

    def failed_request() -> None:
        with transaction.atomic():
            ping.enqueue()
            raise RuntimeError("the request failed")

    with pytest.raises(RuntimeError):
        failed_request()
    assert waiter.wait(0.3) is False
    assert not DBTaskResult.objects.exists()

    with transaction.atomic():
        ping.enqueue()
        assert waiter.wait(0.3) is False  # not committed yet: the worker could not see it
    assert waiter.wait(5) is True


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_the_worker_runs_the_queued_task_and_stops_when_the_queue_is_empty() -> None:
    from django_tasks_db.models import DBTaskResult

    ping.enqueue()
    worker = WakingWorker(
        queue_names=["default"],
        interval=0.1,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    worker.run()
    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL"
    assert result.return_value == "pong"
    assert result.worker_ids == ["test-worker"]


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE_TASKS)
def test_a_socket_left_by_a_dead_worker_is_removed(waiter: Waiter) -> None:
    if waiter._socket is None:
        pytest.skip("PostgreSQL wakes workers with NOTIFY: there are no sockets")
    stale = Path(settings.VAR_DIR) / "run" / "worker-dead.sock"
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as gone:
        gone.bind(str(stale))  # bound, then closed without unlinking: its worker died
    ping.enqueue()
    assert waiter.wait(5) is True  # the live worker is still woken
    assert not stale.exists()
