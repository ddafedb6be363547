"""The post-incident analysis report (PDF, English or French), made with the document
toolkit: the organization's letterhead, its time zone, page numbers and one font."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from borderpro.common.documents import render_pdf
from borderpro.operations.models import Incident


def incident_analysis_pdf(
    incident: Incident,
    events: list[Any],
    plan: list[dict[str, Any]],
    *,
    language: str | None = None,
) -> bytes:
    """Render the report; ``language`` defaults to the organization's language."""
    organization = incident.organization
    language = language or organization.language or "en"
    with translation.override(language):
        title = f"{_('Post-incident analysis')} — {incident.reference}"
    return render_pdf(
        "operations/incident_analysis.html",
        {
            "incident": incident,
            "events": events,
            "plan": plan,
            "org": organization,
            "actions": [e for e in events if e.kind == "action"],
            "notes": [e for e in events if e.kind == "investigation"],
            "language": language,
        },
        organization=organization,
        language=language,
        title=title,
        time_zone=organization.time_zone,
    )
