"""Wake the worker when a task is queued, instead of having it poll the database.

``manage.py worker`` sleeps until it is told that a task was queued, or until its fallback
interval (a few seconds: tasks scheduled for later, a missed signal) has passed:

- on PostgreSQL, queueing a task sends ``NOTIFY borderpro_tasks`` on the connection that
  queues it: PostgreSQL delivers it when that transaction commits (never when it rolls
  back), to every worker that ``LISTEN``\\s, on any machine;
- on SQLite (one machine by construction), each worker binds a Unix datagram socket under
  ``VAR_DIR/run/``; once the queueing transaction commits, a one-byte datagram is sent to
  each of them. A socket left by a worker that died is removed by the first sender that
  finds nobody listening.

The signal only shortens the wait: the worker still claims tasks from the database with
row locks, so a lost or duplicated signal never loses or doubles a task.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import socket
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections, transaction

log = logging.getLogger(__name__)

CHANNEL = "borderpro_tasks"


def _socket_dir() -> Path:
    return Path(settings.VAR_DIR) / "run"


def _is_postgres(alias: str) -> bool:
    return connections[alias].vendor == "postgresql"


def _poke_sockets() -> None:
    directory = _socket_dir()
    if not directory.is_dir():
        return
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sender:
        sender.setblocking(False)
        for path in directory.glob("worker-*.sock"):
            try:
                sender.sendto(b"!", str(path))
            except (ConnectionRefusedError, FileNotFoundError):
                path.unlink(missing_ok=True)  # its worker is gone
            except OSError:  # a full buffer: that worker has a wake-up waiting already
                pass


def task_queued(sender: Any, task_result: Any, **kwargs: Any) -> None:
    """``task_enqueued`` receiver: tell the workers (database backend only)."""
    from django_tasks_db.backend import DatabaseBackend

    if not (isinstance(sender, type) and issubclass(sender, DatabaseBackend)):
        return
    db_result = getattr(task_result, "db_result", None)  # the queue's row: which database
    using = (db_result._state.db if db_result is not None else None) or "default"
    try:
        if _is_postgres(using):
            with connections[using].cursor() as cursor:
                cursor.execute(f"NOTIFY {CHANNEL}")
        else:
            transaction.on_commit(_poke_sockets, using=using)
    except Exception:  # a wake-up never fails the request: the worker polls anyway
        log.warning("could not wake the worker", exc_info=True)


class Waiter:
    """What the worker sleeps on: ``wait(timeout)`` returns early when a task is queued."""

    def __init__(self, *, alias: str = "default", name: str) -> None:
        self.alias = alias
        self._listener: Any = None
        self._socket: socket.socket | None = None
        self._path: Path | None = None
        if _is_postgres(alias):
            import psycopg

            params = connections[alias].get_connection_params()
            self._listener = psycopg.connect(**params, autocommit=True)
            self._listener.execute(f"LISTEN {CHANNEL}")
        else:
            directory = _socket_dir()
            directory.mkdir(parents=True, exist_ok=True)
            self._path = directory / f"worker-{name}.sock"
            self._path.unlink(missing_ok=True)
            self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self._socket.bind(str(self._path))
            self._socket.setblocking(False)

    def fileno(self) -> int:
        return self._listener.fileno() if self._listener is not None else self._socket.fileno()  # type: ignore[union-attr]

    def wait(self, timeout: float) -> bool:
        """Sleep until a task is queued or ``timeout`` seconds pass; True when woken."""
        ready, _, _ = select.select([self.fileno()], [], [], max(timeout, 0))
        if not ready:
            return False
        self._drain()
        return True

    def _drain(self) -> None:
        if self._listener is not None:
            # reads what arrived without waiting: the notifications are consumed
            for _ in self._listener.notifies(timeout=0):
                pass
            return
        assert self._socket is not None
        with contextlib.suppress(BlockingIOError):
            while self._socket.recv(16):
                pass

    def close(self) -> None:
        if self._listener is not None:
            with contextlib.suppress(Exception):
                self._listener.close()
        if self._socket is not None:
            self._socket.close()
        if self._path is not None and self._path.exists():
            with contextlib.suppress(OSError):
                os.unlink(self._path)
