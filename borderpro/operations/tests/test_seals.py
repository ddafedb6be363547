from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest
from django.core.exceptions import ValidationError

from borderpro.operations import selectors, services
from borderpro.operations.models import Seal, SealEvent
from borderpro.operations.tests.factories import affixed_seal, inspection_for, lot_for, unit_for

pytestmark = pytest.mark.django_db


def _event(as_user: Any, carrier: Any, **data: Any) -> Any:
    data.setdefault("client_id", str(uuid4()))
    data.setdefault("actor_name", "Bob Singh")
    return as_user.post(
        f"/api/v1/o/{carrier.code}/seal-events/", data, content_type="application/json"
    )


def test_receiving_a_lot_puts_every_seal_in_stock_with_a_log_entry(
    as_alice: Any, carrier_a: Any
) -> None:
    response = as_alice.post(
        f"/o/{carrier_a.code}/operations/seals/receive/",
        {
            "manufacturer": "TydenBrooks",
            "iso_class": "H",
            "prefix": "TB",
            "first_number": 100,
            "last_number": 104,
            "digits": 6,
            "received_on": "2026-01-05",
            "storage_location": "Locked cabinet",
        },
    )
    assert response.status_code == 302
    assert list(
        Seal.objects.filter(organization=carrier_a)
        .values_list("number", flat=True)
        .order_by("number")
    ) == ["TB000100", "TB000101", "TB000102", "TB000103", "TB000104"]
    assert SealEvent.objects.filter(organization=carrier_a, kind="received").count() == 5


def test_a_range_backwards_is_refused_naming_the_field(as_alice: Any, carrier_a: Any) -> None:
    response = as_alice.post(
        f"/o/{carrier_a.code}/operations/seals/receive/",
        {
            "manufacturer": "X",
            "iso_class": "H",
            "first_number": 10,
            "last_number": 5,
            "digits": 6,
            "received_on": "2026-01-05",
            "storage_location": "Cabinet",
        },
    )
    assert response.status_code == 400
    assert "The last number is before the first number." in response.content.decode()
    assert not Seal.objects.exists()


def test_affix_verify_remove_with_replacement_builds_the_chain_of_custody(
    as_bob: Any, as_alice: Any, carrier_a: Any
) -> None:
    lot_for(carrier_a, first=1, last=2)
    trailer = unit_for(carrier_a, number="TR-7")
    assert (
        _event(as_bob, carrier_a, seal_number="001", kind="affixed").status_code == 400
    )  # no unit
    assert (
        _event(
            as_bob,
            carrier_a,
            seal_number="000001",
            kind="affixed",
            unit=str(trailer.pk),
            bill_of_lading="BOL-9",
            shipper="Acme",
        ).status_code
        == 201
    )
    assert (
        _event(
            as_bob,
            carrier_a,
            seal_number="000001",
            kind="verified",
            stage="border",
            viewed=True,
            verified=True,
            tugged=True,
            twisted=True,
            number_matches=True,
        ).status_code
        == 201
    )
    removal = _event(
        as_bob,
        carrier_a,
        seal_number="000001",
        kind="removed",
        authority="cbp_exam",
        replacement_number="CBP998877",
        unit=str(trailer.pk),
    )
    assert removal.status_code == 201
    assert Seal.objects.get(organization=carrier_a, number="000001").status == "removed"
    replacement = Seal.objects.get(organization=carrier_a, number="CBP998877")
    assert replacement.status == "affixed" and replacement.unit == trailer
    seal = Seal.objects.get(organization=carrier_a, number="000001")
    page = as_alice.get(f"/o/{carrier_a.code}/operations/seals/{seal.pk}/").content.decode()
    assert "CBP examination" in page and "CBP998877" in page and "Intact." in page


def test_a_seal_cannot_be_verified_before_it_is_affixed(carrier_a: Any) -> None:
    lot_for(carrier_a, first=5, last=5)
    with pytest.raises(ValidationError) as error:
        services.seal_event_record(
            actor=None,
            organization=carrier_a,
            client_id=uuid4(),
            seal_number="000005",
            kind="verified",
            actor_name="Bob",
            stage="pickup",
            number_matches=True,
        )
    assert "in stock" in str(error.value.message_dict["seal_number"])


def test_a_retried_seal_event_is_not_duplicated(as_bob: Any, carrier_a: Any) -> None:
    trailer = unit_for(carrier_a)
    client_id = str(uuid4())
    first = _event(
        as_bob,
        carrier_a,
        client_id=client_id,
        seal_number="X1",
        kind="affixed",
        unit=str(trailer.pk),
    )
    second = _event(
        as_bob,
        carrier_a,
        client_id=client_id,
        seal_number="X1",
        kind="affixed",
        unit=str(trailer.pk),
    )
    assert (first.status_code, second.status_code) == (201, 200)
    assert SealEvent.objects.filter(organization=carrier_a, seal_number="X1").count() == 1


def test_the_audit_lists_every_discrepancy(as_alice: Any, carrier_a: Any) -> None:
    lot_for(carrier_a, first=1, last=3)
    trailer = unit_for(carrier_a)
    for number in ("000001", "000002"):
        services.seal_event_record(
            actor=None,
            organization=carrier_a,
            client_id=uuid4(),
            seal_number=number,
            kind="affixed",
            actor_name="Bob",
            unit=trailer,
        )
    services.seal_event_record(
        actor=None,
        organization=carrier_a,
        client_id=uuid4(),
        seal_number="000001",
        kind="verified",
        actor_name="Bob",
        stage="stop",
        viewed=True,
        verified=True,
        tugged=True,
        twisted=True,
        number_matches=False,
    )
    services.seal_event_record(
        actor=None,
        organization=carrier_a,
        client_id=uuid4(),
        seal_number="000003",
        kind="missing",
        actor_name="Alice",
    )
    inspection_for(carrier_a, seal_number="NOT-IN-LOG")
    audit = selectors.seal_audit(carrier_a)
    kinds = sorted(d.kind for d in audit["discrepancies"])
    assert kinds == ["check", "document", "missing"]
    page = as_alice.get(f"/o/{carrier_a.code}/operations/seals/audit/").content.decode()
    assert "NOT-IN-LOG" in page and "Reported missing." in page


def test_seal_log_of_another_carrier_is_404(as_charlie: Any, carrier_a: Any) -> None:
    seal = affixed_seal(carrier_a)
    assert as_charlie.get(f"/o/{carrier_a.code}/operations/seals/{seal.pk}/").status_code == 404


def test_batch_of_seal_events_is_idempotent(as_bob: Any, carrier_a: Any) -> None:
    trailer = unit_for(carrier_a)
    items = [
        {
            "client_id": str(uuid4()),
            "seal_number": f"B{i}",
            "kind": "affixed",
            "actor_name": "Bob",
            "unit": str(trailer.pk),
        }
        for i in range(3)
    ]
    url = f"/api/v1/o/{carrier_a.code}/seal-events/batch/"
    assert [
        r["status"]
        for r in as_bob.post(url, {"items": items}, content_type="application/json").json()[
            "results"
        ]
    ] == ["created"] * 3
    assert [
        r["status"]
        for r in as_bob.post(url, {"items": items}, content_type="application/json").json()[
            "results"
        ]
    ] == ["existing"] * 3
    assert SealEvent.objects.filter(organization=carrier_a).count() == 3


def test_altering_a_stored_seal_event_breaks_verify_records_naming_it(carrier_a: Any) -> None:
    from django.core.management import CommandError, call_command
    from django.db import connection

    affixed_seal(carrier_a, number="T-1")
    victim = SealEvent.objects.get(organization=carrier_a, seal_number="T-1")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE operations_sealevent SET seal_number = 'T-2' WHERE id = %s",
            [victim.pk.hex if connection.vendor == "sqlite" else str(victim.pk)],
        )
    with pytest.raises(CommandError) as failure:
        call_command("verify_records", org=carrier_a.code, no_save=True)
    assert str(victim.pk) in str(failure.value)


def test_seal_lists_keep_a_constant_number_of_queries(as_alice: Any, carrier_a: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = [
        f"/o/{carrier_a.code}/operations/seals/",
        f"/api/v1/o/{carrier_a.code}/seal-events/",
        f"/o/{carrier_a.code}/operations/seals/audit/",
    ]
    affixed_seal(carrier_a)
    counts = []
    for rows in (0, 10):
        for _ in range(rows):
            affixed_seal(carrier_a)
        for url in urls:
            as_alice.get(url)
            with CaptureQueriesContext(connection) as ctx:
                assert as_alice.get(url).status_code == 200
            counts.append(len(ctx))
    assert counts[:3] == counts[3:]


def test_the_seal_audit_reads_as_many_queries_whatever_the_period(
    as_alice: Any, carrier_a: Any
) -> None:
    """Each kind of discrepancy is one limited query: 7, 30 or 365 days cost the same number."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lot_for(carrier_a, first=1, last=3)
    affixed_seal(carrier_a)
    inspection_for(carrier_a, seal_number="NOT-IN-LOG")
    counts = []
    for days in (7, 30, 365):
        url = f"/o/{carrier_a.code}/operations/seals/audit/?days={days}"
        as_alice.get(url)
        with CaptureQueriesContext(connection) as ctx:
            page = as_alice.get(url).content.decode()
        assert "NOT-IN-LOG" in page
        counts.append(len(ctx))
    assert counts[0] == counts[1] == counts[2]


def test_the_seal_audit_leaves_the_planner_settings_as_they_were(carrier_a: Any) -> None:
    """On PostgreSQL the documents query runs with nested loops off (decision 0017); the
    setting must not outlive it, even within an enclosing transaction (as here)."""
    from django.db import connection

    def settings() -> list[str]:
        if connection.vendor != "postgresql":
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT current_setting('enable_nestloop'),"
                " current_setting('max_parallel_workers_per_gather')"
            )
            return list(cursor.fetchone())

    inspection_for(carrier_a, seal_number="NOT-IN-LOG")
    before = settings()
    audit = selectors.seal_audit(carrier_a, days=30)
    assert [d.seal_number for d in audit["discrepancies"]] == ["NOT-IN-LOG"]
    assert settings() == before
