"""System checks of the base: `check --deploy` says when chains are sealed with the
development key (production refuses to start without its own)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def chain_seal_key_check(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    if not getattr(settings, "CHAIN_SEAL_KEY_IS_DEVELOPMENT", False):
        return []
    return [
        Warning(
            "CHAIN_SEAL_KEY is not set: record chains are sealed with a development key "
            "derived from SECRET_KEY, which anyone reading the code can reproduce.",
            hint="Set CHAIN_SEAL_KEY (or CHAIN_SEAL_KEY_FILE) to a random secret of at least "
            "32 characters; production refuses to start without one.",
            id="borderpro.W001",
        )
    ]
