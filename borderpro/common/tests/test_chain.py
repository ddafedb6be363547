"""Operational records are append-only and hash-chained; tampering is detected and named."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from borderpro.common.chain import verify_chain
from borderpro.common.models import AppendOnlyError, ChainHead
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import Activity

pytestmark = pytest.mark.django_db


def _three(org, actor=None):
    return [
        activity_record(organization=org, actor=actor, verb="organization.updated")
        for _ in range(3)
    ]


def test_records_link_to_the_previous_one(carrier_a, alice) -> None:
    first, second, third = _three(carrier_a, alice)
    assert (first.seq, second.seq, third.seq) == (1, 2, 3)
    assert second.prev_hash == first.record_hash
    assert third.prev_hash == second.record_hash
    head = ChainHead.objects.get(organization=carrier_a, chain="organizations.activity")
    assert (head.seq, head.last_hash) == (3, third.record_hash)
    assert verify_chain(Activity, carrier_a).ok


def test_chains_are_per_organization(carrier_a, carrier_b) -> None:
    _three(carrier_a)
    other = activity_record(organization=carrier_b, actor=None, verb="organization.updated")
    assert other.seq == 1


def test_records_cannot_be_changed_or_deleted_through_the_orm(carrier_a) -> None:
    record = _three(carrier_a)[0]
    record.verb = "member.removed"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        Activity.objects.filter(pk=record.pk).update(verb="x")
    with pytest.raises(AppendOnlyError):
        Activity.objects.filter(pk=record.pk).delete()


def test_altering_a_record_in_the_database_is_detected_and_named(carrier_a) -> None:
    records = _three(carrier_a)
    table = Activity._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET params = %s WHERE id = %s",
            [
                '{"x": "forged"}',
                records[1].pk.hex if connection.vendor == "sqlite" else records[1].pk,
            ],
        )
    report = verify_chain(Activity, carrier_a)
    assert not report.ok
    assert str(records[1].pk) in report.problem and "altered" in report.problem
    with pytest.raises(CommandError, match=str(records[1].pk)):
        call_command("verify_records", "--org", carrier_a.code)


def test_removing_a_record_is_detected(carrier_a) -> None:
    records = _three(carrier_a)
    table = Activity._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE id = %s",
            [records[2].pk.hex if connection.vendor == "sqlite" else records[2].pk],
        )
    report = verify_chain(Activity, carrier_a)
    assert not report.ok and "removed" in report.problem


def test_verify_records_passes_on_intact_chains(carrier_a, carrier_b, capsys) -> None:
    _three(carrier_a)
    _three(carrier_b)
    call_command("verify_records")
    assert "intact" in capsys.readouterr().out
    assert ChainHead.objects.get(
        organization=carrier_a, chain="organizations.activity"
    ).last_verified_ok


def test_a_correction_points_to_the_record_it_corrects(carrier_a) -> None:
    from borderpro.common.chain import chain_append

    original = _three(carrier_a)[0]
    fix = chain_append(
        Activity(organization=carrier_a, verb="organization.updated", corrects=original)
    )
    assert fix.corrects_id == original.pk
    assert list(original.corrections.all()) == [fix]
    assert verify_chain(Activity, carrier_a).ok


def test_a_first_record_is_stored_when_another_first_append_made_the_head_meanwhile(
    carrier_a, monkeypatch
) -> None:
    """Two devices sending the first records of a chain at once: the head one of them creates
    between the other's first try and its own creation of the head. Both records are stored
    (this used to answer "already stored" for a record never stored, an error 500)."""
    from borderpro.common import chain

    ChainHead.objects.filter(organization=carrier_a).delete()
    real = chain._ensure_head
    made_by_the_other = []

    def the_other_one_was_faster(organization_id, name):
        ChainHead.objects.get_or_create(organization_id=organization_id, chain=name)
        made_by_the_other.append(name)
        real(organization_id, name)  # finds the head there: nothing to make

    monkeypatch.setattr(chain, "_ensure_head", the_other_one_was_faster)
    first = activity_record(organization=carrier_a, actor=None, verb="organization.updated")
    assert made_by_the_other == ["organizations.activity"]
    assert first.seq == 1
    assert Activity.objects.filter(organization=carrier_a, seq=1).exists()
    assert verify_chain(Activity, carrier_a).ok
