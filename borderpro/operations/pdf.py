"""The post-incident analysis report (PDF, English or French) made with WeasyPrint."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation

from borderpro.operations.models import Incident


def incident_analysis_pdf(
    incident: Incident,
    events: list[Any],
    plan: list[dict[str, Any]],
    *,
    language: str | None = None,
) -> bytes:
    """Render the report; ``language`` defaults to the organization's language."""
    from weasyprint import HTML

    language = language or incident.organization.language or "en"
    with translation.override(language), timezone.override(incident.organization.time_zone):
        html = render_to_string(
            "operations/incident_analysis.html",
            {
                "incident": incident,
                "events": events,
                "plan": plan,
                "org": incident.organization,
                "actions": [e for e in events if e.kind == "action"],
                "notes": [e for e in events if e.kind == "investigation"],
                "generated_at": timezone.now(),
                "language": language,
            },
        )
    return HTML(string=html, base_url=None).write_pdf()
