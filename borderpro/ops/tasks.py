"""Tasks of the installation itself."""

from __future__ import annotations

from django.tasks import task


@task()
def ping() -> str:
    """Does nothing: how long the queue takes to start a task (``make bench``, the worker
    test), without the cost of any real work."""
    return "pong"
