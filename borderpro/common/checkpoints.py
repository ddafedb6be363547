"""Signed checkpoints of every chain head, written outside the database (decision 0005).

``manage.py checkpoint_chains`` (daily, from cron) writes one JSON file per run into
``CHAIN_CHECKPOINT_DIR``: every head's organization, chain, seq, hash and time, each entry
signed with the checkpoint key (so one organization's entries can be handed out in its
exports and still be checked), and the whole file signed too. ``verify_records`` compares
every chain with the newest valid checkpoint: a chain that now ends before a checkpointed
seq was truncated; a record at a checkpointed seq with another hash was rewritten.

A head is only checkpointed in a state that follows from the previous checkpoint (its seal
matches, it did not move back, the record at the previously checkpointed seq still has the
checkpointed hash); otherwise the previous entry is carried forward and the problem is
reported, so a truncation is never blessed by the next checkpoint.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django_scopes import scopes_disabled

from borderpro.common import seals
from borderpro.common.models import ChainHead

FORMAT = "borderpro-chain-checkpoint/1"
PREFIX = "chains-"


@dataclass(frozen=True)
class CheckpointEntry:
    organization: str  # id
    code: str
    chain: str
    seq: int
    hash: str
    at: str  # ISO time the head was checkpointed in this state
    mac: str

    def signed_text(self) -> str:
        return f"{self.organization}|{self.chain}|{self.seq}|{self.hash}|{self.at}"

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)

    @classmethod
    def make(
        cls, *, organization: Any, code: str, chain: str, seq: int, hash: str, at: str
    ) -> CheckpointEntry:
        entry = cls(str(organization), code, chain, seq, hash, at, "")
        return cls(**{**asdict(entry), "mac": seals.checkpoint_mac(entry.signed_text())})

    def signature_ok(self) -> bool:
        return seals.checkpoint_mac_ok(self.signed_text(), self.mac)


@dataclass(frozen=True)
class Checkpoint:
    path: Path
    created_at: datetime
    entries: dict[tuple[str, str], CheckpointEntry]

    def entry(self, organization_id: Any, chain: str) -> CheckpointEntry | None:
        return self.entries.get((str(organization_id), chain))


def _directory() -> Path:
    return Path(settings.CHAIN_CHECKPOINT_DIR)


def _body_text(created_at: str, entries: list[CheckpointEntry]) -> str:
    body = {"format": FORMAT, "created_at": created_at, "heads": [asdict(e) for e in entries]}
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


_cache: dict[Path, tuple[float, Checkpoint | None]] = {}


def _load(path: Path) -> Checkpoint | None:
    """The checkpoint in ``path`` if its signature (and every entry's) matches, else None."""
    try:
        mtime = path.stat().st_mtime
        if path in _cache and _cache[path][0] == mtime:
            return _cache[path][1]
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = [CheckpointEntry(**e) for e in data["heads"]]
        valid = seals.checkpoint_mac_ok(_body_text(data["created_at"], entries), data["mac"])
        valid = valid and all(e.signature_ok() for e in entries)
        checkpoint = None
        if valid:
            checkpoint = Checkpoint(
                path,
                datetime.fromisoformat(data["created_at"]),
                {(e.organization, e.chain): e for e in entries},
            )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    _cache[path] = (mtime, checkpoint)
    return checkpoint


def checkpoint_files() -> list[Path]:
    """Checkpoint files, newest first (names sort by time)."""
    directory = _directory()
    if not directory.is_dir():
        return []
    return sorted(directory.glob(f"{PREFIX}*.json"), reverse=True)


def latest_checkpoint() -> Checkpoint | None:
    """The newest checkpoint whose signature matches (a forged or foreign file is skipped)."""
    for path in checkpoint_files():
        checkpoint = _load(path)
        if checkpoint is not None:
            return checkpoint
    return None


def unsigned_checkpoint_files() -> list[Path]:
    """Files newer than the latest valid checkpoint whose signature does not match."""
    out = []
    for path in checkpoint_files():
        if _load(path) is not None:
            break
        out.append(path)
    return out


def _record_hash(chain: str, organization_id: Any, seq: int) -> str | None:
    model = apps.get_model(chain)
    with scopes_disabled():
        return (
            model._default_manager.filter(organization_id=organization_id, seq=seq)
            .values_list("record_hash", flat=True)
            .first()
        )


def _head_problem(head: ChainHead, previous: CheckpointEntry | None) -> str:
    """Why ``head`` cannot be checkpointed in its present state ('' if it can)."""
    where = f"{head.chain} of {previous.code if previous else head.organization_id}"
    if not seals.head_seal_ok(head):
        return f"{where}: the head's seal does not match its #{head.seq}"
    if previous is None:
        return ""
    if head.seq < previous.seq:
        return f"{where}: the head is at #{head.seq}, before the checkpointed #{previous.seq}"
    if head.seq == previous.seq and head.last_hash != previous.hash:
        return f"{where}: #{head.seq} has another hash than the one checkpointed"
    if (
        head.seq > previous.seq
        and _record_hash(head.chain, head.organization_id, previous.seq) != previous.hash
    ):
        return f"{where}: record #{previous.seq} has another hash than the one checkpointed"
    return ""


def checkpoint_write(*, now: datetime | None = None) -> tuple[Path, int, list[str]]:
    """Write a checkpoint of every chain head; return (file, heads written, problems)."""
    when = (now or timezone.now()).astimezone(UTC)
    stamp = when.isoformat(timespec="seconds")
    previous = latest_checkpoint()
    old = dict(previous.entries) if previous else {}
    entries: dict[tuple[str, str], CheckpointEntry] = {}
    problems: list[str] = []
    with scopes_disabled():
        heads = ChainHead.objects.select_related("organization").order_by(
            "organization_id", "chain"
        )
        for head in heads.iterator(2000):
            key = (str(head.organization_id), head.chain)
            before = old.pop(key, None)
            problem = _head_problem(head, before)
            if problem:
                problems.append(problem)
                if before is not None:
                    entries[key] = before
                continue
            if before is not None and (before.seq, before.hash) == (head.seq, head.last_hash):
                entries[key] = before  # unchanged since: keep when it was first checkpointed
                continue
            entries[key] = CheckpointEntry.make(
                organization=head.organization_id,
                code=head.organization.code,
                chain=head.chain,
                seq=head.seq,
                hash=head.last_hash,
                at=stamp,
            )
    for key, missing in old.items():  # a head row that disappeared
        problems.append(f"{missing.chain} of {missing.code}: the chain head is missing")
        entries[key] = missing
    listed = [entries[k] for k in sorted(entries)]
    body = _body_text(stamp, listed)
    document = {**json.loads(body), "mac": seals.checkpoint_mac(body)}
    directory = _directory()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{PREFIX}{when.strftime('%Y%m%dT%H%M%S')}Z.json"
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(document, indent=1, sort_keys=True), encoding="utf-8")
    os.chmod(temporary, 0o640)
    os.replace(temporary, path)
    return path, len(listed), problems


def chain_checkpoint_summary(organization: Any) -> dict[str, Any] | None:
    """The newest checkpoint of one organization's chains, to include in its exports:
    ``{"format", "checkpoint_created_at", "heads": [{chain, seq, hash, at, mac}, …]}``, each
    head signed with the checkpoint key; ``None`` when no checkpoint has been written."""
    checkpoint = latest_checkpoint()
    if checkpoint is None:
        return None
    heads = [
        asdict(entry)
        for (org, _chain), entry in sorted(checkpoint.entries.items())
        if org == str(organization.pk)
    ]
    return {
        "format": FORMAT,
        "checkpoint_created_at": checkpoint.created_at.isoformat(),
        "organization": organization.code,
        "heads": heads,
    }


def attach_checkpoints(heads: Any, organization: Any) -> list[ChainHead]:
    """``heads`` with ``.checkpoint`` set to their newest checkpoint entry (or None)."""
    checkpoint = latest_checkpoint()
    out = list(heads)
    for head in out:
        head.checkpoint = checkpoint.entry(organization.pk, head.chain) if checkpoint else None
    return out


__all__ = [
    "Checkpoint",
    "CheckpointEntry",
    "attach_checkpoints",
    "chain_checkpoint_summary",
    "checkpoint_write",
    "latest_checkpoint",
]
