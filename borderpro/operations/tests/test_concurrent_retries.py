"""Fifty concurrent sends of one record (a phone retrying while its first try is still being
stored) store it once, and every send gets that record: 201 for one, 200 for the others."""

from __future__ import annotations

import threading
from typing import Any
from uuid import uuid4

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from borderpro.common.samples import png_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.operations.models import Inspection, SealEvent, UploadReceipt
from borderpro.operations.tests.factories import lot_for, points_for, unit_for

pytestmark = pytest.mark.django_db(transaction=True)
SENDS = 50
# SQLite's shared in-memory test database locks whole tables ("database table is locked",
# not retried by the busy timeout), so real concurrency runs on PostgreSQL; the race itself is
# replayed deterministically on both databases below.
real_threads = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="concurrent writers need PostgreSQL"
)


def concurrently(bob: Any, send: Any) -> list[Any]:
    """Run ``send(client)`` from SENDS threads released at the same moment."""
    client = Client()
    client.force_login(bob)
    cookie = client.cookies["sessionid"].value
    gate = threading.Barrier(SENDS)
    answers: list[Any] = [None] * SENDS

    def run(index: int) -> None:
        mine = Client()
        mine.cookies["sessionid"] = cookie
        try:
            gate.wait()
            answers[index] = send(mine)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(SENDS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def assert_one_record(answers: list[Any]) -> str:
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(201) == 1 and statuses.count(200) == SENDS - 1, [
        (a.status_code, a.content[:200]) for a in answers if a.status_code not in (200, 201)
    ]
    ids = {a.json()["id"] for a in answers}
    assert len(ids) == 1
    return ids.pop()


@real_threads
def test_concurrent_retries_of_a_seal_affix_all_get_the_stored_event(
    bob: Any, carrier_a: Any
) -> None:
    trailer = unit_for(carrier_a, number="TR-1")
    lot_for(carrier_a, first=990001, last=990002, prefix="H")  # the seal is in stock
    body = {
        "client_id": str(uuid4()),
        "seal_number": "H990001",
        "kind": "affixed",
        "actor_name": "Bob",
        "unit": str(trailer.pk),
    }
    url = f"/api/v1/o/{carrier_a.code}/seal-events/"
    answers = concurrently(bob, lambda c: c.post(url, body, content_type="application/json"))
    record = assert_one_record(answers)
    stored = SealEvent.objects.filter(organization=carrier_a, kind="affixed")
    assert [str(pk) for pk in stored.values_list("id", flat=True)] == [record]


@real_threads
def test_concurrent_retries_of_a_field_photo_all_get_the_stored_file(
    bob: Any, carrier_a: Any
) -> None:
    client_id = str(uuid4())
    image = png_bytes(24, 24, (1, 2, 3))
    url = f"/api/v1/o/{carrier_a.code}/field-photos/"
    answers = concurrently(
        bob,
        lambda c: c.post(url, {"client_id": client_id, "file": SimpleUploadedFile("p.png", image)}),
    )
    assert_one_record(answers)
    assert EvidenceFile.objects.filter(organization=carrier_a).count() == 1
    assert UploadReceipt.objects.filter(organization=carrier_a).count() == 1


@real_threads
def test_concurrent_retries_of_a_failed_inspection_store_one(bob: Any, carrier_a: Any) -> None:
    trailer = unit_for(carrier_a, number="TR-2")
    body = {
        "client_id": str(uuid4()),
        "checklist": "msc17",
        "trailer": str(trailer.pk),
        "place": "yard_exit",
        "inspector_name": "Bob",
        "points": points_for("msc17", fail=("INSP-TRAILER-01",)),
    }
    url = f"/api/v1/o/{carrier_a.code}/inspections/"
    answers = concurrently(bob, lambda c: c.post(url, body, content_type="application/json"))
    assert_one_record(answers)
    assert Inspection.objects.filter(organization=carrier_a).count() == 1


def lost_race(monkeypatch: Any) -> None:
    """Replay the race: the retry's first look finds nothing (the first send had not committed
    yet), then it meets the state the first send left ("already affixed", "already in the
    vault")."""
    from borderpro.operations.services import common

    real = common._stored
    calls = {"n": 0}

    def first_look_misses(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return None if calls["n"] == 1 else real(*args, **kwargs)

    monkeypatch.setattr(common, "_stored", first_look_misses)


def test_a_seal_retry_that_lost_the_race_gets_the_stored_event(
    carrier_a: Any, monkeypatch: Any
) -> None:
    from borderpro.operations import services

    trailer = unit_for(carrier_a, number="TR-3")
    send = {
        "actor": None,
        "organization": carrier_a,
        "client_id": uuid4(),
        "seal_number": "H990002",
        "kind": "affixed",
        "actor_name": "Bob",
        "unit": trailer,
    }
    first, created = services.seal_event_record(**send)
    lost_race(monkeypatch)
    again, created_again = services.seal_event_record(**send)
    assert (created, created_again, again.pk) == (True, False, first.pk)
    # a different event on the same seal is still refused, naming the field
    with pytest.raises(ValidationError) as refused:
        services.seal_event_record(**{**send, "client_id": uuid4()})
    assert "seal_number" in refused.value.message_dict


def test_a_photo_retry_that_lost_the_race_gets_the_stored_file(
    bob: Any, carrier_a: Any, monkeypatch: Any
) -> None:
    from borderpro.operations import services
    from borderpro.operations.services import common

    client_id = uuid4()
    image = png_bytes(16, 16, (9, 9, 9))
    first, created = services.photo_upload(
        actor=bob,
        organization=carrier_a,
        client_id=client_id,
        upload=SimpleUploadedFile("p.png", image),
    )
    # the retry looked before the first send's file and receipt were committed
    monkeypatch.setattr(common, "_receipt", lambda organization, client_id: None)
    real_filter = EvidenceFile.objects.filter
    looks = {"n": 0}

    def first_look_misses(*args: Any, **kwargs: Any) -> Any:
        looks["n"] += 1
        found = real_filter(*args, **kwargs)
        return found.none() if looks["n"] == 1 and "sha256" in kwargs else found

    monkeypatch.setattr(EvidenceFile.objects, "filter", first_look_misses)
    again, created_again = services.photo_upload(
        actor=bob,
        organization=carrier_a,
        client_id=client_id,
        upload=SimpleUploadedFile("p.png", image),
    )
    assert (created, created_again, again.pk) == (True, False, first.pk)
