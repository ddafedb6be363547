"""Spam protection for the public forms, with no third-party service.

- a **honeypot** field people never see (a bot that fills it is thanked and ignored);
- a **minimum fill time**: the form carries a signed stamp of when it was shown; a post
  sooner than ``MIN_FILL_SECONDS`` (or with a forged or stale stamp) is refused with a
  message, and what was typed is kept;
- a **rate limit per client address** in the cache: ``LIMIT`` posts per ``WINDOW`` seconds
  from one address; beyond it the address is answered 429 until the window ends. Other
  addresses are not affected, so a flood from one address never blocks genuine requests;
- **one request per form shown**: the stamp carries a random id, and a form sent twice (a
  double tap on a slow connection, a resend after "back") is stored once: the second send
  is led to the first one's thank-you page.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from typing import Any

from allauth.account.adapter import get_adapter
from django.core import signing
from django.core.cache import cache

MIN_FILL_SECONDS = 3
MAX_FORM_AGE = 24 * 3600
LIMIT = 5
WINDOW = 600
SALT = "consulting.public-form"


def form_stamp(now: float | None = None) -> str:
    """When the form was shown, and which showing it is (two forms shown in the same second
    to two people are two different stamps)."""
    shown = int(now if now is not None else time.time())
    return signing.dumps([shown, secrets.token_urlsafe(12)], salt=SALT)


def _read(stamp: str) -> tuple[int, str]:
    value = signing.loads(stamp, salt=SALT)
    shown, nonce = value if isinstance(value, list) else (value, "")
    return int(shown), str(nonce)


def filled_too_fast(stamp: str, now: float | None = None) -> bool:
    """True when the stamp is missing, forged, stale, or the form came back too quickly."""
    try:
        shown, _nonce = _read(stamp)
    except (signing.BadSignature, TypeError, ValueError):
        return True
    elapsed = (now if now is not None else time.time()) - shown
    return not MIN_FILL_SECONDS <= elapsed <= MAX_FORM_AGE


def client_address(request: Any) -> str:
    return str(get_adapter(request).get_client_ip(request))


def _key(request: Any, consultancy: Any) -> str:
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"consulting:posts:{consultancy.pk}:{digest}"


def throttled(request: Any, consultancy: Any) -> bool:
    """Count this post from the client's address; True once it is over the limit."""
    key = _key(request, consultancy)
    if cache.add(key, 1, timeout=WINDOW):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=WINDOW)
        return False
    return count > LIMIT


def _sent_key(consultancy: Any, stamp: str) -> str:
    _shown, nonce = _read(stamp)
    digest = hashlib.sha256((nonce or stamp).encode()).hexdigest()[:32]
    return f"consulting:sent:{consultancy.pk}:{digest}"


def claim_send(consultancy: Any, stamp: str) -> tuple[bool, str]:
    """Claim the sending of the form of this (valid) stamp: ``(True, "")`` the first time;
    ``(False, pk)`` when it was sent already, with the stored request's pk ("" while the
    first send is still being stored)."""
    key = _sent_key(consultancy, stamp)
    if cache.add(key, "", timeout=MAX_FORM_AGE):
        return True, ""
    return False, str(cache.get(key) or "")


def record_send(consultancy: Any, stamp: str, pk: str | None) -> None:
    """After the claimed send: the stored request's pk, or (``None``) nothing was stored and
    the form may be sent again."""
    key = _sent_key(consultancy, stamp)
    if pk is None:
        cache.delete(key)
    else:
        cache.set(key, pk, timeout=MAX_FORM_AGE)
