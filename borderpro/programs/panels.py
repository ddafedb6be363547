"""The programs card on the organization overview: the result per program (its deadlines are
in the deadlines card, with every other module's)."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from borderpro.programs.selectors import carrier_evaluation


def programs_panel(request: Any) -> dict[str, Any] | None:
    if not request.access.can("programs.view"):
        return None
    today = request.org.local_today()
    answer = carrier_evaluation(request.org, as_of=today, lang=translation.get_language() or "en")
    return {"programs": answer["programs"], "today": today}
