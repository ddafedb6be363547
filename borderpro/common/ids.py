"""Identifiers: opaque, non-sequential, safe to show in URLs."""

from __future__ import annotations

import os
import secrets
import time
import uuid

CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def uuid7() -> uuid.UUID:
    """A time-ordered UUID (RFC 9562 version 7): index-friendly yet not guessable."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (millis & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    return uuid.UUID(int=value)


def new_code(length: int = 8) -> str:
    """A short random code (organizations, invitations) without look-alike characters."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
