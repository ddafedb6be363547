"""The programs card on the organization overview: result per program and the next deadline."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from borderpro.programs.selectors import carrier_evaluation


def programs_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("programs.view"):
        return None
    today = request.org.local_today()
    answer = carrier_evaluation(request.org, as_of=today, lang=translation.get_language() or "en")
    upcoming = sorted(answer["deadlines"], key=lambda d: d["due"])[:3]
    return {"programs": answer["programs"], "deadlines": upcoming, "today": today}
