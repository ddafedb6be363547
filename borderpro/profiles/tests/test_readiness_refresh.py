"""Readiness after a save is stored by the worker, once per burst of saves (decision 0015)."""

from __future__ import annotations

from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from borderpro.profiles.models import ReadinessPoint, Response
from borderpro.profiles.tasks import readiness_refresh
from borderpro.profiles.tests.factories import response_for

pytestmark = pytest.mark.django_db
TASK = "borderpro.profiles.tasks.readiness_refresh"


def save(client: Any, org: Any, response: Response, narrative: str) -> None:
    response.refresh_from_db()
    data = {
        "version": response.version,
        "status": "implemented",
        "narrative": narrative,
        "justification": "",
        "owner": "",
        "due_on": "",
    }
    answer = client.post(
        f"/o/{org.code}/profile/responses/{response.pk}/edit/", data, HTTP_HX_REQUEST="true"
    )
    assert answer.status_code == 200


def test_a_burst_of_saves_queues_one_refresh_and_the_worker_stores_readiness(
    as_carol: Any, carrier_a: Any, frameworks: Any, settings: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = response_for(carrier_a, frameworks["pip1"])
    ReadinessPoint.objects.filter(organization=carrier_a).delete()

    save(as_carol, carrier_a, response, "We check seals.")
    save(as_carol, carrier_a, response, "We check seals at every stop.")

    queued = DBTaskResult.objects.filter(task_path=TASK)
    assert queued.count() == 1  # the second save found a refresh already waiting
    assert not ReadinessPoint.objects.filter(organization=carrier_a).exists()  # not in the request

    readiness_refresh.call(*queued.get().args_kwargs["args"])
    point = ReadinessPoint.objects.get(
        organization=carrier_a, framework=frameworks["pip1"].framework
    )
    assert point.score > 0

    save(as_carol, carrier_a, response, "Once the refresh ran, the next save queues another.")
    assert queued.count() == 2


def test_a_refresh_for_a_deleted_response_does_nothing(carrier_a: Any, frameworks: Any) -> None:
    response = response_for(carrier_a, frameworks["pip1"])
    ids = (str(carrier_a.pk), str(response.pk))
    Response.objects.filter(pk=response.pk).delete()
    before = ReadinessPoint.objects.count()
    readiness_refresh.call(*ids)  # the worker meets a response deleted since: no error
    assert ReadinessPoint.objects.count() == before
