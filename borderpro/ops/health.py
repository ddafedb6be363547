"""``/healthz``: the process answers (touches nothing). ``/readyz``: the installation can
serve: the database answers, private storage writes, reads back and deletes a probe file,
the worker keeps up (no task queued longer than ``READYZ_MAX_QUEUE_AGE`` seconds). Any
failure → 503 with the reasons. The last successful run of each background process
(heartbeats) is shown too, for monitoring; it does not decide readiness."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

PROBE_DIR = "_readyz"


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return f"database: {type(exc).__name__}"
    return ""


def check_storage() -> str:
    name = f"{PROBE_DIR}/{uuid.uuid4().hex}.txt"
    payload = b"borderpro readiness probe"
    try:
        stored = default_storage.save(name, ContentFile(payload))
        try:
            with default_storage.open(stored, "rb") as handle:
                if handle.read() != payload:
                    return "storage: the probe file read back differs from what was written"
        finally:
            default_storage.delete(stored)
        if default_storage.exists(stored):
            return "storage: the probe file could not be deleted"
    except Exception as exc:  # any storage backend error means not ready
        return f"storage: {type(exc).__name__}"
    return ""


def check_worker_backlog() -> tuple[str, int]:
    from django_tasks_db.models import DBTaskResult

    max_age = int(getattr(settings, "READYZ_MAX_QUEUE_AGE", 300))
    cutoff = timezone.now() - timedelta(seconds=max_age)
    try:
        late = DBTaskResult.objects.ready().filter(enqueued_at__lt=cutoff).count()
    except DatabaseError as exc:
        return f"worker backlog: {type(exc).__name__}", 0
    if late:
        return f"worker backlog: {late} task(s) queued for more than {max_age} s", late
    return "", 0


def _heartbeats() -> dict[str, str]:
    from borderpro.ops.heartbeat import heartbeats

    try:
        return {name: when.isoformat() for name, when in sorted(heartbeats().items())}
    except DatabaseError:
        return {}


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    problems = [p for p in (check_database(), check_storage()) if p]
    late = 0
    if not problems or not problems[0].startswith("database"):
        backlog, late = check_worker_backlog()
        if backlog:
            problems.append(backlog)
    body = {
        "status": "unavailable" if problems else "ok",
        "problems": problems,
        "checks": {
            "database": not any(p.startswith("database") for p in problems),
            "storage": not any(p.startswith("storage") for p in problems),
            "worker_backlog": late,
        },
        "last_success": _heartbeats() if not problems or late else {},
    }
    return JsonResponse(body, status=503 if problems else 200)
