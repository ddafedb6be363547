"""Readiness after a save, off the request: the save answers at once and the worker stores
today's readiness point a moment later (decision 0015).

Saving one response used to rebuild the whole framework's workspace (every requirement,
response and evidence link) once per security profile sharing the answer, inside the
request: most of a save's time. Now the save queues one refresh per response; a burst of
saves of the same response (typing, autosave) queues it once. The task is enqueued inside
the save's transaction, so with the database queue the worker only sees it once the save is
committed; with the immediate backend (tests, ``TASKS_BACKEND=immediate``) it runs at once.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.tasks import task
from django_scopes import scopes_disabled

PENDING_SECONDS = 30  # a queued refresh that never ran (rolled back) blocks no longer than this


def _pending_key(response_id: Any) -> str:
    return f"profiles:readiness-pending:{response_id}"


def readiness_refresh_later(*, organization: Any, response: Any) -> None:
    """Queue today's readiness of the response's profile (and of the profiles sharing its
    answer), unless a refresh for this response is already waiting."""
    key = _pending_key(response.pk)
    # a burst of saves finds the key with one read (adding it takes a few queries)
    if cache.get(key) is None and cache.add(key, 1, timeout=PENDING_SECONDS):
        readiness_refresh.enqueue(str(organization.pk), str(response.pk))


@task()
def readiness_refresh(organization_id: str, response_id: str) -> None:
    from borderpro.organizations.models import Organization
    from borderpro.profiles.models import Response
    from borderpro.profiles.services.responses import readiness_record_shared

    cache.delete(_pending_key(response_id))  # saves from now on queue another refresh
    with scopes_disabled():
        organization = Organization.objects.filter(pk=organization_id).first()
        response = (
            Response.objects.filter(pk=response_id, organization_id=organization_id)
            .select_related("requirement")
            .first()
        )
        if organization is None or response is None:
            return
        readiness_record_shared(organization=organization, response=response)
