from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borderpro.operations import services
from borderpro.operations.models import Inspection, Unit
from borderpro.operations.tests.factories import inspection_for, points_for, unit_for
from borderpro.organizations.models import Activity

pytestmark = pytest.mark.django_db


def _payload(carrier: Any, **extra: Any) -> dict[str, Any]:
    return {
        "client_id": str(uuid4()),
        "checklist": "msc17",
        "place": "yard_exit",
        "inspector_name": "Bob Singh",
        "tractor": str(unit_for(carrier, number="T-1", kind="tractor").pk),
        "trailer": str(unit_for(carrier, number="TR-1").pk),
        "seal_number": "H123456",
        "trip_ref": "CCN-77",
        "points": points_for("msc17"),
        **extra,
    }


def test_a_17_point_inspection_is_stored_once_even_when_the_phone_retries(
    as_bob: Any, carrier_a: Any
) -> None:
    url = f"/api/v1/o/{carrier_a.code}/inspections/"
    payload = _payload(carrier_a)
    first = as_bob.post(url, payload, content_type="application/json")
    assert first.status_code == 201, first.json()
    assert len(first.json()["points"]) == 17
    again = as_bob.post(url, payload, content_type="application/json")
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    assert Inspection.objects.filter(organization=carrier_a).count() == 1


def test_a_missing_point_is_refused_naming_it(as_bob: Any, carrier_a: Any) -> None:
    payload = _payload(carrier_a)
    payload["points"] = payload["points"][:-1]
    response = as_bob.post(
        f"/api/v1/o/{carrier_a.code}/inspections/", payload, content_type="application/json"
    )
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "points" and "INSP-TRAILER-10" in error["message"]
    assert not Inspection.objects.exists()


def test_a_failed_point_holds_the_units_and_tells_the_managers(as_bob: Any, carrier_a: Any) -> None:
    payload = _payload(carrier_a, points=points_for("msc17", fail=("INSP-TRAILER-07",)))
    response = as_bob.post(
        f"/api/v1/o/{carrier_a.code}/inspections/", payload, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["result"] == "fail" and response.json()["failed_points"] == 1
    assert set(Unit.objects.filter(organization=carrier_a).values_list("status", flat=True)) == {
        "held"
    }
    assert Activity.objects.filter(organization=carrier_a, verb="inspection.failed").exists()


def test_a_failed_point_without_a_note_or_photo_is_refused(as_bob: Any, carrier_a: Any) -> None:
    points = points_for("msc17")
    points[3].update(result="fail", note="")
    response = as_bob.post(
        f"/api/v1/o/{carrier_a.code}/inspections/",
        _payload(carrier_a, points=points),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "INSP-TRACTOR-04" in response.json()["errors"][0]["message"]


def test_a_unit_of_another_carrier_is_refused(as_bob: Any, carrier_a: Any, carrier_b: Any) -> None:
    other = unit_for(carrier_b, number="B-1")
    response = as_bob.post(
        f"/api/v1/o/{carrier_a.code}/inspections/",
        _payload(carrier_a, trailer=str(other.pk)),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "trailer"


def test_batch_stores_valid_items_and_reports_each(as_bob: Any, carrier_a: Any) -> None:
    good = _payload(carrier_a)
    bad = _payload(carrier_a, checklist="nope")
    url = f"/api/v1/o/{carrier_a.code}/inspections/batch/"
    response = as_bob.post(url, {"items": [good, bad]}, content_type="application/json")
    assert [r["status"] for r in response.json()["results"]] == ["created", "invalid"]
    again = as_bob.post(url, {"items": [good]}, content_type="application/json")
    assert again.json()["results"][0]["status"] == "existing"
    assert Inspection.objects.count() == 1


def test_the_list_filters_by_result_and_unit(as_alice: Any, carrier_a: Any) -> None:
    trailer = unit_for(carrier_a, number="TR-9")
    inspection_for(carrier_a, trailer=trailer, fail=("INSP-TRAILER-01",))
    inspection_for(carrier_a)
    api = f"/api/v1/o/{carrier_a.code}/inspections/"
    assert len(as_alice.get(api + "?result=fail").json()["results"]) == 1
    assert len(as_alice.get(api + f"?unit={trailer.pk}").json()["results"]) == 1
    tractor = unit_for(carrier_a, number="TT-1", kind="tractor")
    inspection_for(carrier_a, tractor=tractor)
    assert len(as_alice.get(api + f"?unit={tractor.pk}").json()["results"]) == 1
    assert as_alice.get(api + "?unit=not-a-unit").json()["results"] == []
    assert as_alice.get(api + "?from=not-a-date").status_code == 400
    page = as_alice.get(f"/o/{carrier_a.code}/operations/inspections/?result=fail").content.decode()
    assert "TR-9" in page


def test_lists_keep_a_constant_number_of_queries(as_alice: Any, carrier_a: Any) -> None:
    inspection_for(carrier_a)
    urls = [
        f"/o/{carrier_a.code}/operations/inspections/",
        f"/api/v1/o/{carrier_a.code}/inspections/",
    ]
    counts = []
    for rows in (0, 12):
        for _ in range(rows):
            inspection_for(carrier_a)
        for url in urls:
            as_alice.get(url)
            with CaptureQueriesContext(connection) as ctx:
                assert as_alice.get(url).status_code == 200
            counts.append(len(ctx))
    assert counts[:2] == counts[2:]


def test_the_record_page_shows_points_and_says_the_chain_is_intact(
    as_alice: Any, carrier_a: Any
) -> None:
    inspection = inspection_for(carrier_a, fail=("INSP-TRAILER-07",))
    page = as_alice.get(
        f"/o/{carrier_a.code}/operations/inspections/{inspection.pk}/"
    ).content.decode()
    assert "Intact." in page
    assert "Hole in the floor" in page


def test_altering_a_stored_inspection_breaks_verify_records_naming_it(carrier_a: Any) -> None:
    inspection_for(carrier_a)
    victim = inspection_for(carrier_a)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE operations_inspection SET inspector_name = 'Someone else' WHERE id = %s",
            [victim.pk.hex if connection.vendor == "sqlite" else str(victim.pk)],
        )
    with pytest.raises(CommandError) as failure:
        call_command("verify_records", org=carrier_a.code, no_save=True)
    assert str(victim.pk) in str(failure.value)


def test_a_correction_is_a_new_record_pointing_to_the_old_one(
    as_alice: Any, carrier_a: Any
) -> None:
    old = inspection_for(carrier_a)
    payload = _payload(carrier_a, corrects=str(old.pk), note="Seal number was mistyped")
    response = as_alice.post(
        f"/api/v1/o/{carrier_a.code}/inspections/", payload, content_type="application/json"
    )
    assert response.status_code == 201
    assert Inspection.objects.get(pk=response.json()["id"]).corrects_id == old.pk
    page = as_alice.get(f"/o/{carrier_a.code}/operations/inspections/{old.pk}/").content.decode()
    assert "corrected by" in page
    listed = as_alice.get(f"/o/{carrier_a.code}/operations/inspections/").content.decode()
    assert listed.count(">Corrected</span>") == 1 and listed.count(">Correction</span>") == 1


def test_another_carrier_gets_404(as_charlie: Any, carrier_a: Any) -> None:
    inspection = inspection_for(carrier_a)
    assert (
        as_charlie.get(f"/o/{carrier_a.code}/operations/inspections/{inspection.pk}/").status_code
        == 404
    )
    assert (
        as_charlie.post(
            f"/api/v1/o/{carrier_a.code}/inspections/", {}, content_type="application/json"
        ).status_code
        == 404
    )


def test_a_changed_unit_kind_is_checked_on_the_next_submission(carrier_a, bob) -> None:
    """Units are remembered between submissions; changing one forgets it."""
    unit = unit_for(carrier_a, kind="trailer")

    def submit() -> Inspection:
        return services.inspection_record(
            actor=bob,
            organization=carrier_a,
            client_id=uuid4(),
            checklist="msc17",
            place="yard_exit",
            inspector_name="Bob",
            trailer=unit.pk,
            points=points_for("msc17"),
        )[0]

    assert submit().trailer_id == unit.pk
    services.unit_update(actor=None, unit=unit, kind="tractor", body_type="")
    with pytest.raises(ValidationError) as exc:
        submit()
    assert "trailer" in exc.value.message_dict
