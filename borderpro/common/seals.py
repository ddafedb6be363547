"""Keyed seals of chain heads (decision 0005).

The key, ``CHAIN_SEAL_KEY``, is never stored in the database. Two keys are derived from it,
one per purpose, so that what the database sees while it seals a head (PostgreSQL computes
the seal in the append statement) can never sign a checkpoint:

- the *head key* seals every head: ``HMAC-SHA256(head key, "org|chain|seq|last_hash")``;
- the *checkpoint key* signs the checkpoints written outside the database.

PostgreSQL has ``sha256()`` but no HMAC without the pgcrypto extension. HMAC is
``H((K ⊕ opad) | H((K ⊕ ipad) | message))``; the two padded keys are computed here and sent
as parameters, so the database computes the very same HMAC with two ``sha256()`` calls.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import cache
from typing import Any

from django.conf import settings

from borderpro.common.models import GENESIS_HASH

_BLOCK = 64  # SHA-256 block size


@cache
def _derived(master: str, purpose: bytes) -> bytes:
    return hmac.new(master.encode(), purpose, hashlib.sha256).digest()


def head_key() -> bytes:
    return _derived(settings.CHAIN_SEAL_KEY, b"borderpro chain head seal v1")


def checkpoint_key() -> bytes:
    return _derived(settings.CHAIN_SEAL_KEY, b"borderpro chain checkpoint v1")


@cache
def _pads(key: bytes) -> tuple[bytes, bytes]:
    padded = key.ljust(_BLOCK, b"\x00")
    return bytes(b ^ 0x36 for b in padded), bytes(b ^ 0x5C for b in padded)


def head_key_pads() -> tuple[bytes, bytes]:
    """(inner, outer) padded head key: what the database needs to compute a head seal."""
    return _pads(head_key())


def seal_message(organization_id: Any, chain: str, seq: int, last_hash: str) -> str:
    return f"{organization_id}|{chain}|{seq}|{last_hash}"


def head_seal(organization_id: Any, chain: str, seq: int, last_hash: str) -> str:
    """The seal of a chain head in the state (seq, last_hash)."""
    message = seal_message(organization_id, chain, seq, last_hash).encode()
    return hmac.new(head_key(), message, hashlib.sha256).hexdigest()


def head_seal_ok(head: Any) -> bool:
    """Whether a ``ChainHead`` carries the seal of its own state (a head that never moved,
    at #0, needs none)."""
    if head.seq == 0 and head.last_hash == GENESIS_HASH and not head.seal:
        return True
    expected = head_seal(head.organization_id, head.chain, head.seq, head.last_hash)
    return hmac.compare_digest(expected, head.seal or "")


def checkpoint_mac(text: str) -> str:
    return hmac.new(checkpoint_key(), text.encode(), hashlib.sha256).hexdigest()


def checkpoint_mac_ok(text: str, mac: str) -> bool:
    return hmac.compare_digest(checkpoint_mac(text), mac or "")
