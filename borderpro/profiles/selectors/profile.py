"""Reads for the carrier profile."""

from __future__ import annotations

from typing import Any

from django.utils.translation import get_language

from borderpro.profiles import identifiers as ids
from borderpro.profiles.models import CarrierProfile, Division, SafetyCertificate, Site


def profile_rows(organization: Any) -> dict[str, list[Any]]:
    return {
        "divisions": list(Division.objects.filter(organization=organization)),
        "sites": list(Site.objects.filter(organization=organization)),
        "safety_numbers": list(SafetyCertificate.objects.filter(organization=organization)),
    }


def identifier_rows(profile: CarrierProfile) -> list[dict[str, Any]]:
    """Each identifier with its value, whether it passes the format rules, and the rule's source."""
    language = (get_language() or "en")[:2]
    rows = []
    for kind, spec in ids.identifier_specs().items():
        value = getattr(profile, kind, "")
        problem, notes = "", []
        if value:
            try:
                ids.identifier_check(kind, value)
            except ids.IdentifierError as exc:
                problem = exc.message
            else:
                notes = ids.identifier_notes(kind, value)
        rows.append(
            {
                "kind": kind,
                "label": spec.label.get(language, spec.label["en"]),
                "value": value,
                "problem": problem,
                "notes": notes,
                "confidence": spec.confidence,
                "source": spec.source,
            }
        )
    return rows


def profile_conflicts(current: CarrierProfile, mine: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields where what is stored now differs from what this person tried to save."""
    rows = []
    for name, value in mine.items():
        theirs = getattr(current, name, None)
        if (theirs or None) != (value or None) and str(theirs) != str(value):
            field = CarrierProfile._meta.get_field(name)
            rows.append(
                {
                    "name": name,
                    "label": getattr(field, "verbose_name", name),
                    "theirs": theirs,
                    "mine": value,
                }
            )
    return rows
