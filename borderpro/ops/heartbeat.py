"""Background processes report their last successful run: ``record_heartbeat(name)``.

The worker reports after every task that succeeds (``django.tasks`` signal
``task_finished``); a periodic command (``send_due_reminders``) calls
``record_heartbeat("send_due_reminders")`` at the end of a successful run. ``/readyz``
shows every heartbeat and its age.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from typing import Any

from django.db import DatabaseError
from django.db.models import F
from django.tasks import TaskResultStatus
from django.tasks.backends.immediate import ImmediateBackend
from django.utils import timezone

from borderpro.ops.models import Heartbeat

WORKER = "worker"


def record_heartbeat(name: str, *, when: datetime | None = None) -> None:
    """Remember that ``name`` has just finished a run successfully."""
    when = when or timezone.now()
    updated = Heartbeat.objects.filter(name=name).update(last_success_at=when, runs=F("runs") + 1)
    if not updated:
        Heartbeat.objects.get_or_create(name=name, defaults={"last_success_at": when, "runs": 1})


def worker_finished(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """``task_finished`` receiver: a task the worker finished successfully is a heartbeat.

    A task the immediate backend ran inside the request that enqueued it says nothing about
    a worker (there is none), so it costs the request no heartbeat query either."""
    if isinstance(sender, type) and issubclass(sender, ImmediateBackend):
        return
    if getattr(task_result, "status", None) != TaskResultStatus.SUCCESSFUL:
        return
    with suppress(DatabaseError):  # a task never fails because of its heartbeat
        record_heartbeat(WORKER)


def heartbeats() -> dict[str, datetime]:
    return dict(Heartbeat.objects.values_list("name", "last_success_at"))
