"""The field API's conventions: a client id sent again with the same body is the stored record
(200), with a different body a conflict naming that record (409); the docs tag every endpoint
by module and carry no notes meant for developers."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from borderpro.common.samples import png_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.operations.models import Incident, Inspection, SealEvent
from borderpro.operations.tests.factories import incident_for, points_for, unit_for

pytestmark = pytest.mark.django_db


def post(client: Any, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


def test_an_inspection_resent_with_another_body_is_a_conflict_naming_the_record(
    as_bob: Any, carrier_a: Any
) -> None:
    url = f"/api/v1/o/{carrier_a.code}/inspections/"
    body = {
        "client_id": str(uuid4()),
        "checklist": "msc17",
        "trailer": str(unit_for(carrier_a, number="TR-9").pk),
        "place": "yard_exit",
        "inspector_name": "Bob",
        "inspected_at": "2026-12-01T10:00:00Z",
        "points": points_for("msc17"),
    }
    first = post(as_bob, url, body)
    again = post(as_bob, url, body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    changed = post(as_bob, url, {**body, "note": "another inspection", "place": "loading"})
    assert changed.status_code == 409
    error = changed.json()["errors"][0]
    assert (error["field"], error["code"], error["record"]) == (
        "client_id",
        "conflict",
        first.json()["id"],
    )
    assert first.json()["id"] in error["message"] and "note" in error["message"]
    assert "place" in error["message"]
    failed_point = points_for("msc17", fail=("INSP-TRAILER-01",))
    assert post(as_bob, url, {**body, "points": failed_point}).status_code == 409
    assert Inspection.objects.filter(organization=carrier_a).count() == 1


def test_a_seal_event_and_an_incident_resent_with_another_body_are_conflicts(
    as_bob: Any, carrier_a: Any
) -> None:
    trailer = unit_for(carrier_a, number="TR-8")
    url = f"/api/v1/o/{carrier_a.code}/seal-events/"
    seal = {
        "client_id": str(uuid4()),
        "seal_number": "H100200",
        "kind": "affixed",
        "actor_name": "Bob",
        "unit": str(trailer.pk),
    }
    assert post(as_bob, url, seal).status_code == 201
    assert post(as_bob, url, seal).status_code == 200
    assert post(as_bob, url, {**seal, "seal_number": "H100201"}).status_code == 409
    assert SealEvent.objects.filter(organization=carrier_a).count() == 1

    url = f"/api/v1/o/{carrier_a.code}/incidents/"
    report = {
        "client_id": str(uuid4()),
        "kind": "seal",
        "summary": "Seal cut",
        "discovered_by": "Bob",
        "location": "Yard",
        "seal_number": "H100200",
    }
    assert post(as_bob, url, report).status_code == 201
    assert post(as_bob, url, report).status_code == 200
    conflict = post(as_bob, url, {**report, "summary": "Something else"})
    assert conflict.status_code == 409 and "summary" in conflict.json()["errors"][0]["message"]
    assert Incident.objects.filter(organization=carrier_a).count() == 1


def test_an_incident_entry_resent_with_another_body_is_a_conflict(
    as_alice: Any, carrier_a: Any
) -> None:
    incident = incident_for(carrier_a)
    url = f"/api/v1/o/{carrier_a.code}/incidents/{incident.pk}/events/"
    entry = {
        "client_id": str(uuid4()),
        "kind": "investigation",
        "actor_name": "Alice",
        "text": "Camera footage",
    }
    assert post(as_alice, url, entry).status_code == 201
    assert post(as_alice, url, entry).status_code == 200
    assert post(as_alice, url, {**entry, "text": "Other"}).status_code == 409


def test_a_photo_resent_with_another_file_is_a_conflict(as_bob: Any, carrier_a: Any) -> None:
    url = f"/api/v1/o/{carrier_a.code}/field-photos/"
    client_id = str(uuid4())
    first = as_bob.post(
        url, {"client_id": client_id, "file": SimpleUploadedFile("a.png", png_bytes(20, 20))}
    )
    other = as_bob.post(
        url,
        {"client_id": client_id, "file": SimpleUploadedFile("b.png", png_bytes(21, 21, (5, 5, 5)))},
    )
    assert (first.status_code, other.status_code) == (201, 409)
    assert other.json()["errors"][0]["record"] == first.json()["id"]
    assert EvidenceFile.objects.filter(organization=carrier_a).count() == 1


def test_a_batch_reports_a_conflict_per_item(as_bob: Any, carrier_a: Any) -> None:
    trailer = unit_for(carrier_a, number="TR-7")
    url = f"/api/v1/o/{carrier_a.code}/seal-events/batch/"
    item = {
        "client_id": str(uuid4()),
        "seal_number": "H100300",
        "kind": "affixed",
        "actor_name": "Bob",
        "unit": str(trailer.pk),
    }
    post(as_bob, url, {"items": [item]})
    results = post(as_bob, url, {"items": [item, {**item, "note": "x"}]}).json()["results"]
    assert [r["status"] for r in results] == ["existing", "conflict"]
    assert results[1]["errors"][0]["code"] == "conflict"


@pytest.fixture(scope="module")
def schema(tmp_path_factory: Any) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("schema") / "schema.yaml"
    call_command("spectacular", "--file", str(path))
    return yaml.safe_load(path.read_text())


def operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
        if isinstance(op, dict)
    ]


def test_every_endpoint_is_tagged_by_its_module(schema: dict[str, Any]) -> None:
    tags = {path: op["tags"] for path, _method, op in operations(schema)}
    assert all(len(t) == 1 and t != ["o"] for t in tags.values()), tags
    assert tags["/api/v1/o/{org_code}/inspections/"] == ["Field operations"]
    assert tags["/api/v1/o/{org_code}/evidence/"] == ["Evidence"]
    assert len({t[0] for t in tags.values()}) >= 6


def test_the_docs_carry_no_notes_for_developers(schema: dict[str, Any]) -> None:
    text = yaml.safe_dump(schema)
    for note in ("Declare ``permissions", "plain fields only", "names unknown fields instead"):
        assert note not in text
    post_inspection = schema["paths"]["/api/v1/o/{org_code}/inspections/"]["post"]
    assert "409" in post_inspection["responses"]
