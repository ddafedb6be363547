"""Who a document speaks for (the letterhead) and the language and time zone it is made in."""

from __future__ import annotations

import base64
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.utils import timezone, translation

# Image types a letterhead logo may have, by their first bytes.
_LOGO_TYPES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
MAX_LOGO_BYTES = 512 * 1024


@dataclass(frozen=True)
class Letterhead:
    """The organization a document belongs to: its name, address line and logo (a data URI)."""

    name: str
    address: str = ""
    logo: str = ""
    logo_bytes: bytes = b""


def _logo(organization: Any) -> tuple[str, bytes]:
    """The organization's logo if it has one (a ``logo`` file field), else nothing."""
    stored = getattr(organization, "logo", None)
    if not stored:
        return "", b""
    try:
        with stored.open("rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError:
        return "", b""
    mime = logo_type(data)
    if len(data) > MAX_LOGO_BYTES or not mime:
        return "", b""
    return f"data:{mime};base64,{base64.b64encode(data).decode()}", data


def logo_type(head: bytes) -> str:
    """The image type of a logo from its first bytes ("" when it is not a PNG or JPEG)."""
    return next((mime for magic, mime in _LOGO_TYPES if head.startswith(magic)), "")


def letterhead_for(organization: Any) -> Letterhead:
    """Name (legal name first), "city, region, country" and the logo, from the organization."""
    name = getattr(organization, "legal_name", "") or getattr(organization, "name", "") or ""
    country = ""
    if getattr(organization, "country", ""):
        display = getattr(organization, "get_country_display", None)
        country = str(display()) if callable(display) else str(organization.country)
    parts = [
        getattr(organization, "address", "") or "",
        getattr(organization, "city", "") or "",
        getattr(organization, "region", "") or "",
        country,
    ]
    logo, data = _logo(organization)
    return Letterhead(
        name=str(name),
        address=", ".join(p for p in parts if p),
        logo=logo,
        logo_bytes=data,
    )


@contextmanager
def rendering(language: str, time_zone: str | None = None) -> Iterator[None]:
    """Render in the document's language and the organization's time zone, not the viewer's."""
    zone = zoneinfo.ZoneInfo(time_zone) if time_zone else timezone.get_current_timezone()
    with translation.override(language), timezone.override(zone):
        yield
