"""Spam protection for the public forms, with no third-party service.

- a **honeypot** field people never see (a bot that fills it is thanked and ignored);
- a **minimum fill time**: the form carries a signed stamp of when it was shown; a post
  sooner than ``MIN_FILL_SECONDS`` (or with a forged or stale stamp) is refused with a
  message, and what was typed is kept;
- a **rate limit per client address** in the cache: ``LIMIT`` posts per ``WINDOW`` seconds
  from one address; beyond it the address is answered 429 until the window ends. Other
  addresses are not affected, so a flood from one address never blocks genuine requests.
"""

from __future__ import annotations

import hashlib
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
    return signing.dumps(int(now if now is not None else time.time()), salt=SALT)


def filled_too_fast(stamp: str, now: float | None = None) -> bool:
    """True when the stamp is missing, forged, stale, or the form came back too quickly."""
    try:
        shown = int(signing.loads(stamp, salt=SALT))
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
