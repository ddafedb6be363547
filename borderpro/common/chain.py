"""Appending to and verifying the hash chains of operational records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from borderpro.common import rows
from borderpro.common.models import GENESIS_HASH, ChainedRecord, ChainHead

CHAIN_FIELDS = ("seq", "prev_hash", "record_hash")


class AlreadyRecorded(IntegrityError):
    """The record was not appended: one with the same ``STORED_ONCE_PER`` values exists."""


def _head_sql() -> tuple[str, str]:
    """The two statements on the chain head, written once (no ORM compile per append)."""
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return (
        f"SELECT id, seq, last_hash FROM {table} WHERE organization_id = %s AND chain = %s{lock}",  # noqa: S608
        f"UPDATE {table} SET seq = %s, last_hash = %s WHERE id = %s",  # noqa: S608
    )


def _locked_head(organization_id: Any, chain: str) -> tuple[Any, int, str]:
    """The chain head as (id, seq, last hash), locked until the end of the transaction
    (created on first use)."""
    select, _update = _head_sql()
    org_field = ChainHead._meta.get_field("organization").target_field
    pk = org_field.get_db_prep_value(organization_id, connection)
    with connection.cursor() as cursor:
        cursor.execute(select, [pk, chain])
        row = cursor.fetchone()
        if row is None:
            try:
                with transaction.atomic():
                    ChainHead.objects.create(organization_id=organization_id, chain=chain)
            except IntegrityError:
                pass  # created by a concurrent first append
            cursor.execute(select, [pk, chain])
            row = cursor.fetchone()
    return row[0], int(row[1]), row[2]


def chain_append[R: ChainedRecord](record: R) -> R:
    """Validate and store ``record`` as the next link of its organization's chain.

    Field values are validated before the chain is locked, without database round trips:
    the services load every related object inside the tenant, and the database enforces
    foreign keys, unique and check constraints on the insert itself. The lock is held only
    for the statements that must be serialized: read the head, insert, move the head.
    """
    relations = [f.name for f in record._meta.concrete_fields if f.is_relation]
    record.full_clean(
        exclude=[*CHAIN_FIELDS, *relations], validate_unique=False, validate_constraints=False
    )
    with transaction.atomic(savepoint=False):  # no savepoint round trips while locked
        head_id, seq, last_hash = _locked_head(record.organization_id, type(record).chain_name())
        record.seq = seq + 1
        record.prev_hash = last_hash
        record.record_hash = record.compute_hash()
        # the head moves in the same round trip as the insert (PostgreSQL)
        move_head = (_head_sql()[1], [record.seq, record.record_hash, head_id])
        if not rows.insert(record, unless_stored=record.STORED_ONCE_PER, then=move_head):
            raise AlreadyRecorded(f"{record._meta.label} already stored with these values")
    return record


def chained_models() -> list[type[ChainedRecord]]:
    return [m for m in apps.get_models() if issubclass(m, ChainedRecord)]


@dataclass(frozen=True)
class ChainReport:
    chain: str
    organization_code: str
    checked: int
    ok: bool
    problem: str = ""
    broken_record: str = ""
    first_recorded_at: datetime | None = None


def _walk(model: type[ChainedRecord], organization_id: Any) -> Iterator[ChainedRecord]:
    yield from (
        model.objects.filter(organization_id=organization_id).order_by("seq").iterator(2000)
    )


def verify_chain(model: type[ChainedRecord], organization) -> ChainReport:
    """Recompute every link of one chain; report the first broken record, if any."""
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    first_at: datetime | None = None
    label = model._meta.verbose_name
    with scopes_disabled():
        head = ChainHead.objects.filter(organization=organization, chain=model.chain_name()).first()
        for record in _walk(model, organization.pk):
            if first_at is None:
                first_at = record.recorded_at
            where = f"{label} {record.pk} (#{record.seq})"
            problem = ""
            if record.seq != expected_seq:
                problem = f"record #{expected_seq} is missing before {where}"
            elif record.prev_hash != expected_prev:
                problem = f"{where} does not link to the record before it"
            elif record.compute_hash() != record.record_hash:
                problem = f"{where} was altered after it was recorded"
            if problem:
                return ChainReport(
                    model.chain_name(),
                    organization.code,
                    checked,
                    False,
                    problem,
                    str(record.pk),
                    first_at,
                )
            checked += 1
            expected_prev = record.record_hash
            expected_seq += 1
        head_seq = head.seq if head else 0
        head_hash = head.last_hash if head else GENESIS_HASH
        if head_seq != checked or head_hash != expected_prev:
            problem = (
                f"{label}: the chain should end at record #{head_seq} but ends at #{checked}"
                " (records were removed or the chain head was altered)"
            )
            return ChainReport(
                model.chain_name(), organization.code, checked, False, problem, "", first_at
            )
    return ChainReport(model.chain_name(), organization.code, checked, True, "", "", first_at)


def save_report(organization: Any, report: ChainReport, *, when: datetime) -> None:
    """Remember the outcome on the chain head (shown on the Record integrity page)."""
    ChainHead.objects.update_or_create(
        organization=organization,
        chain=report.chain,
        defaults={
            "last_verified_at": when,
            "last_verified_ok": report.ok,
            "last_verified_count": report.checked,
            "last_verified_problem": report.problem,
            "first_recorded_at": report.first_recorded_at,
        },
    )


def verify_organization(organization: Any, *, save: bool = True) -> list[ChainReport]:
    reports = [verify_chain(model, organization) for model in chained_models()]
    if save:
        now = timezone.now()
        for report in reports:
            save_report(organization, report, when=now)
    return reports
