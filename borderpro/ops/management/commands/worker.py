"""``manage.py worker``: run queued tasks as soon as they are queued, without busy polling.

The database worker of ``django_tasks_db`` (claiming with row locks, several workers side
by side), except for its wait: instead of sleeping a fixed interval between polls, it sleeps
until a task is queued (:mod:`borderpro.ops.wakeup`) or ``--interval`` seconds have passed
(default 5: tasks scheduled for later, a signal missed while busy). It also loads the
document renderers before the first task, so a job does not pay for their import.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from django.core.management.base import CommandError
from django.db import close_old_connections
from django.db.utils import OperationalError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from borderpro.ops.wakeup import Waiter

log = logging.getLogger("django_tasks_db")


def _preload() -> None:
    """Import what the heavy jobs use (PDF and Word), once, before the first job."""
    import docx  # noqa: F401
    import weasyprint  # noqa: F401

    from borderpro.common.documents import pdf, word  # noqa: F401


class WakingWorker(Worker):
    waiter: Waiter | None = None

    def _claim(self) -> tuple[Any, bool]:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_transaction(tasks.db):
            try:
                task_result = tasks.get_locked()
            except OperationalError as e:
                if is_locked_database_exception(e):  # SQLite busy: try again shortly
                    return None, False
                raise
            if task_result is not None:
                task_result.claim(self.worker_id)
            return task_result, True

    def run(self) -> None:
        log.info("Starting worker worker_id=%s queues=%s", self.worker_id, self.queue_names)
        self.waiter = Waiter(name=self.worker_id[:12])
        try:
            while self.running:
                close_old_connections()
                task_result, retrieved = self._claim()
                if task_result is not None:
                    self.run_task(task_result)
                if self.batch and retrieved and task_result is None:
                    return
                if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                    return
                close_old_connections()
                if self.running and task_result is None:
                    # busy database: retry soon; otherwise sleep until a task is queued
                    self.waiter.wait(self.interval if retrieved else 0.05)
        finally:
            self.waiter.close()


class Command(DbWorkerCommand):
    help = "Run queued tasks (PDF packages, exports, readiness), woken as soon as one is queued"

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        parser.set_defaults(interval=5.0)

    def handle(self, *args: Any, **options: Any) -> None:
        self.configure_logging(options["verbosity"])
        _preload()
        queues = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queues:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = WakingWorker(
            queue_names=queues,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=False,
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if options["reload"] and not options["batch"]:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # in the reloaded child only
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
