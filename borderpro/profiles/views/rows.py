"""What every rendering of a workspace row needs, computed once per page instead of per row."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from borderpro.profiles.rendering import row_strings as strings


def row_strings(request: HttpRequest) -> dict[str, Any]:
    org = request.org  # type: ignore[attr-defined]
    return {
        "rowtext": strings(
            org_code=org.code,
            can_edit=request.access.can("profiles.edit"),  # type: ignore[attr-defined]
            today=org.local_today(),
        )
    }
