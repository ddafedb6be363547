"""Appending to and verifying the hash chains of operational records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from borderpro.common import rows, seals
from borderpro.common.models import GENESIS_HASH, ChainedRecord, ChainHead

CHAIN_FIELDS = ("seq", "prev_hash", "record_hash")


class AlreadyRecorded(IntegrityError):
    """The record was not appended: one with the same ``STORED_ONCE_PER`` values exists."""


@cache
def _head_sql() -> tuple[str, str]:
    """The two statements on the chain head, written once (no ORM compile per append)."""
    table = connection.ops.quote_name(ChainHead._meta.db_table)
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    return (
        f"SELECT id, seq, last_hash FROM {table} WHERE organization_id = %s AND chain = %s{lock}",  # noqa: S608
        f"UPDATE {table} SET seq = %s, last_hash = %s, prev_hash = %s, seal = %s WHERE id = %s",  # noqa: S608
    )


def _ensure_head(organization_id: Any, chain: str) -> None:
    """Create the chain head on first use (a concurrent first append may have made it a
    moment ago: then it is left as it is)."""
    try:
        with transaction.atomic():
            ChainHead.objects.get_or_create(organization_id=organization_id, chain=chain)
    except IntegrityError:
        pass


def _locked_head(organization_id: Any, chain: str) -> tuple[Any, int, str]:
    """The chain head as (id, seq, last hash), locked until the end of the transaction
    (created on first use)."""
    select, _update = _head_sql()
    pk = rows.columns(ChainHead, "h").prep("organization", organization_id)
    with connection.cursor() as cursor:
        cursor.execute(select, [pk, chain])
        row = cursor.fetchone()
        if row is None:
            _ensure_head(organization_id, chain)
            cursor.execute(select, [pk, chain])
            row = cursor.fetchone()
    return row[0], int(row[1]), row[2]


@cache
def _append_sql(model: type[ChainedRecord]) -> tuple[str, list[Any]]:
    """One PostgreSQL statement that moves the chain head and inserts the record linked to it:
    the head row is locked only while the statement runs (no round trip while locked).

    The hash is ``sha256(prev_hash | seq | payload)`` computed by the database from the head
    it has just locked and the payload computed here (``ChainedRecord.compute_hash`` is the
    same formula, used to verify). The head's seal is the HMAC of (organization, chain, seq,
    hash) computed with two ``sha256()`` calls from the padded head key sent as parameters
    (``seals.head_seal`` is the same HMAC; decision 0005). With ``STORED_ONCE_PER``, a record
    already stored moves nothing and inserts nothing.
    """
    qn = connection.ops.quote_name
    head = qn(ChainHead._meta.db_table)
    table = qn(model._meta.db_table)
    fields = [f for f in model._meta.concrete_fields if f.name not in CHAIN_FIELDS]
    once = ""
    if model.STORED_ONCE_PER:
        same: list[Any] = [model._meta.get_field(name) for name in model.STORED_ONCE_PER]
        match = " AND ".join(f"{qn(f.column)} = %s" for f in same)
        once = f" AND NOT EXISTS (SELECT 1 FROM {table} WHERE {match})"  # noqa: S608
    new_hash = (
        "encode(sha256(convert_to(last_hash || '|' || (seq + 1) || '|' || p.payload, 'UTF8')), "
        "'hex')"
    )
    seal = (
        "encode(sha256(p.opad || sha256(p.ipad || convert_to(organization_id::text || '|' || "
        f"chain || '|' || (seq + 1) || '|' || {new_hash}, 'UTF8'))), 'hex')"
    )
    sql = (
        f"WITH head AS (UPDATE {head} SET prev_hash = last_hash, seq = seq + 1, "  # noqa: S608
        f"last_hash = {new_hash}, seal = {seal} "
        "FROM (SELECT %s::text AS payload, %s::bytea AS ipad, %s::bytea AS opad) AS p "
        f"WHERE organization_id = %s AND chain = %s{once} "
        f"RETURNING {head}.seq, {head}.prev_hash, {head}.last_hash) "
        f"INSERT INTO {table} ({', '.join(qn(str(f.column)) for f in fields)}, "
        "seq, prev_hash, record_hash) "
        f"SELECT {', '.join(['%s'] * len(fields))}, head.seq, head.prev_hash, head.last_hash "
        "FROM head RETURNING seq, prev_hash, record_hash"
    )
    return sql, fields


def _append_in_one_statement(record: ChainedRecord) -> bool:
    model = type(record)
    sql, fields = _append_sql(model)
    values = [f.get_db_prep_save(f.pre_save(record, True), connection) for f in fields]
    cols = rows.columns(model, "t")
    once = [
        cols.prep(name, getattr(record, model._meta.get_field(name).attname))  # type: ignore[union-attr]
        for name in model.STORED_ONCE_PER
    ]
    organization = cols.prep("organization", record.organization_id)
    inner, outer = seals.head_key_pads()
    params = [record.hashed_payload(), inner, outer, organization, model.chain_name(), *once]
    params += values
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    record.seq, record.prev_hash, record.record_hash = int(row[0]), row[1], row[2]
    record._state.adding = False
    record._state.db = connection.alias
    return True


def chain_append[R: ChainedRecord](record: R) -> R:
    """Validate and store ``record`` as the next link of its organization's chain.

    Field values are validated before the chain is touched, without database round trips:
    the services load every related object inside the tenant, and the database enforces
    foreign keys, unique and check constraints on the insert itself. On PostgreSQL one
    statement moves the head and inserts the record (the head is locked only while it runs);
    elsewhere the head is locked, the record inserted and the head moved in one transaction.

    Raises :class:`AlreadyRecorded` when the record's ``STORED_ONCE_PER`` values are stored.
    """
    relations = [f.name for f in record._meta.concrete_fields if f.is_relation]
    record.full_clean(
        exclude=[*CHAIN_FIELDS, *relations], validate_unique=False, validate_constraints=False
    )
    chain = type(record).chain_name()
    if connection.vendor == "postgresql":
        if _append_in_one_statement(record):
            return record
        # Nothing appended: the chain had no head yet, or the record is already stored. The
        # head may have been made meanwhile by a concurrent first append (then ``_ensure_head``
        # finds it): try once more whether we made it or not; a stored record is refused again.
        _ensure_head(record.organization_id, chain)
        if _append_in_one_statement(record):
            return record
        raise AlreadyRecorded(f"{record._meta.label} already stored with these values")
    with transaction.atomic(savepoint=False):  # no savepoint round trips while locked
        head_id, seq, last_hash = _locked_head(record.organization_id, chain)
        record.seq = seq + 1
        record.prev_hash = last_hash
        record.record_hash = record.compute_hash()
        seal = seals.head_seal(record.organization_id, chain, record.seq, record.record_hash)
        move_head = (_head_sql()[1], [record.seq, record.record_hash, last_hash, seal, head_id])
        stored = rows.insert(record, unless_stored=record.STORED_ONCE_PER, then=move_head)
    if not stored:  # raised outside the block: nothing was written, nothing to roll back
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
    seal_only: bool = False  # the records and checkpoint agree, only the head's seal differs


def _walk(model: type[ChainedRecord], organization_id: Any, up_to: int) -> Iterator[ChainedRecord]:
    """The chain's records up to the head read before (records appended meanwhile wait)."""
    yield from (
        model.objects.filter(organization_id=organization_id, seq__lte=up_to)
        .order_by("seq")
        .iterator(2000)
    )


def _beyond_head(model: type[ChainedRecord], organization: Any, up_to: int) -> str:
    """A problem if records lie beyond the head (stored without moving it)."""
    extra = model.objects.filter(organization_id=organization.pk, seq__gt=up_to)
    first = extra.order_by("seq").values_list("seq", flat=True).first()
    if first is None:
        return ""
    head = ChainHead.objects.filter(organization=organization, chain=model.chain_name()).first()
    now_at = head.seq if head else 0
    if first <= now_at:  # appended while we walked
        return ""
    return (
        f"{model._meta.verbose_name}: record #{first} lies after the chain head (#{now_at}): "
        "records were added without moving the head"
    )


def _short(value: str) -> str:
    return f"{value[:12]}…"


def _link_problem(
    record: ChainedRecord, where: str, expected_seq: int, expected_prev: str, pinned: Any
) -> str:
    """What is wrong with one record in the walk ('' if nothing)."""
    if record.seq != expected_seq:
        return f"record #{expected_seq} is missing before {where}"
    if record.prev_hash != expected_prev:
        return f"{where} does not link to the record before it"
    if record.compute_hash() != record.record_hash:
        return f"{where} was altered after it was recorded"
    if pinned is not None and record.seq == pinned.seq and record.record_hash != pinned.hash:
        return (
            f"{where} was rewritten: the checkpoint of {pinned.when:%Y-%m-%d %H:%M} UTC recorded "
            f"#{pinned.seq} with hash {_short(pinned.hash)}, the record now has "
            f"{_short(record.record_hash)} (this record or an earlier one was changed and every "
            "later hash recomputed)"
        )
    return ""


def _end_problem(label: str, head: Any, checked: int, last_hash: str, pinned: Any) -> str:
    """What is wrong with where the chain ends: checkpoint, head and seal ('' if nothing)."""
    if pinned is not None and checked < pinned.seq:
        return (
            f"{label}: truncated: the checkpoint of {pinned.when:%Y-%m-%d %H:%M} UTC recorded "
            f"#{pinned.seq} with hash {_short(pinned.hash)}, the chain now ends at #{checked}"
        )
    head_seq = head.seq if head else 0
    head_hash = head.last_hash if head else GENESIS_HASH
    if head_seq != checked:
        return (
            f"{label}: the chain head says the last record is #{head_seq} but the records end "
            f"at #{checked} (records after #{checked} were removed, or the head was altered)"
        )
    if head_hash != last_hash:
        return (
            f"{label}: the chain head's hash of #{head_seq} is {_short(head_hash)} but record "
            f"#{checked} hashes to {_short(last_hash)} (the head or the newest record was altered)"
        )
    return ""


def _seal_problem(label: str, head: Any) -> str:
    if head is None or seals.head_seal_ok(head):
        return ""
    return (
        f"{label}: the seal of the chain head (#{head.seq}, hash {_short(head.last_hash)}) does "
        "not match: the head was moved without the sealing key (records rewritten or "
        "removed and the head recomputed), or CHAIN_SEAL_KEY changed"
    )


_LATEST: Any = object()


def verify_chain(
    model: type[ChainedRecord], organization: Any, *, checkpoint: Any = _LATEST
) -> ChainReport:
    """Recompute every link of one chain, then check its head, the head's seal and the
    newest checkpoint written outside the database; report the first problem, if any."""
    from borderpro.common.checkpoints import latest_checkpoint

    if checkpoint is _LATEST:
        checkpoint = latest_checkpoint()
    chain = model.chain_name()
    pinned = checkpoint.entry(organization.pk, chain) if checkpoint is not None else None
    expected_prev = GENESIS_HASH
    checked = 0
    first_at: datetime | None = None
    label = model._meta.verbose_name
    with scopes_disabled():
        head = ChainHead.objects.filter(organization=organization, chain=chain).first()
        up_to = head.seq if head else 0
        for record in _walk(model, organization.pk, up_to):
            if first_at is None:
                first_at = record.recorded_at
            where = f"{label} {record.pk} (#{record.seq})"
            problem = _link_problem(record, where, checked + 1, expected_prev, pinned)
            if problem:
                return ChainReport(
                    chain, organization.code, checked, False, problem, str(record.pk), first_at
                )
            checked += 1
            expected_prev = record.record_hash
        problem = _end_problem(str(label), head, checked, expected_prev, pinned)
        problem = problem or _beyond_head(model, organization, up_to)
        if problem:
            return ChainReport(chain, organization.code, checked, False, problem, "", first_at)
        problem = _seal_problem(str(label), head)
        if problem:  # every record and the checkpoint agree: only the seal differs
            return ChainReport(
                chain, organization.code, checked, False, problem, "", first_at, seal_only=True
            )
    return ChainReport(chain, organization.code, checked, True, "", "", first_at)


def reseal_head(organization: Any, chain: str, report: ChainReport) -> bool:
    """Seal the head again with the current key after ``report`` found only its seal wrong
    (``CHAIN_SEAL_KEY`` was changed); only if the head has not moved since."""
    if not report.seal_only:
        return False
    with scopes_disabled():
        head = ChainHead.objects.get(organization=organization, chain=chain)
        if head.seq != report.checked:
            return False
        seal = seals.head_seal(head.organization_id, chain, head.seq, head.last_hash)
        same_state = ChainHead.objects.filter(pk=head.pk, seq=head.seq, last_hash=head.last_hash)
        return same_state.update(seal=seal) == 1


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
