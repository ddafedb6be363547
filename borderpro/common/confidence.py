"""How sure a fact is, as the reader sees it: one label and one badge colour per confidence
level used by rules, catalogue and deadline data (the template filters of every module that
shows a confidence badge are these two functions)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

CONFIDENCE: dict[str, tuple[Any, str]] = {
    "confirmed": (_("Confirmed"), "ok"),
    "third-party": (_("Third-party source"), "info"),
    "inferred": (_("Inferred"), "warn"),
    "dated": (_("Dated source"), "warn"),
    "unconfirmed": (_("Unconfirmed"), "bad"),
    "recorded": (_("Your own record"), "info"),
}


def confidence_label(value: str) -> str:
    return str(CONFIDENCE.get(value, (value, ""))[0])


def confidence_class(value: str) -> str:
    return CONFIDENCE.get(value, ("", "info"))[1]
