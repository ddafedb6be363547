"""Demo content for the catalogue: a consultancy's own framework and guidance notes.

:func:`seed` is called by ``manage.py seed_demo`` and is safe to run again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django_scopes import scopes_disabled

from borderpro.catalogue.models import Framework, GuidanceNote, Requirement
from borderpro.catalogue.services import catalogue_load, catalogue_load_paths, guidance_note_save

DEMO_DIR = Path(__file__).resolve().parent
QUESTIONNAIRES = ["shipper-questionnaire-2025.yaml", "shipper-questionnaire-2026.yaml"]

NOTES = [
    (
        "PIP",
        "PIP-CORP-02",
        "Validators ask to see the yearly review page signed and dated. Keep a short change log at the "
        "end of the assessment: every incident, new terminal or new subcontractor since the last review, "
        "and what changed in the assessment because of it. Our template has a section per risk area.",
    ),
    (
        "PIP",
        "PIP-CARGO-01",
        "Ask for the ISO 17712 certificate from the seal maker, not the distributor. Check that seal "
        "numbers are logged when seals are received, issued and applied; gaps in the sequence are the "
        "most common finding at validation.",
    ),
    (
        "PIP",
        "PIP-PHYS-03",
        "A key register with who holds which key and since when is enough for most carriers. Change the "
        "locks or re-key when a key is lost or when someone leaves without returning it, and note it.",
    ),
    (
        "GLFF-SQ",
        "GLFF-SQ-02",
        "The shipper accepts the carrier's own 17-point checklist if it includes the reefer unit. "
        "Point them to the inspection records in Border Pro.",
    ),
    (
        "GLFF-SQ",
        "GLFF-SQ-06",
        "Photos of the fence and lighting at night are what the shipper's auditor asked for in 2025.",
    ),
]


def seed(consultancy: Any, actor: Any) -> None:
    """Load the demo shipper questionnaire (two editions) and a few guidance notes."""
    with scopes_disabled():
        if not Framework.objects.filter(owner__isnull=True, code="PIP").exists():
            catalogue_load_paths(actor=None)
        sources = [(name, (DEMO_DIR / name).read_bytes()) for name in QUESTIONNAIRES]
        report = catalogue_load(sources=sources, owner=consultancy, actor=actor)
        if not report.ok:
            raise RuntimeError("; ".join(str(e) for e in report.errors))
        for family, ref, text in NOTES:
            requirement = _requirement(consultancy, family, ref)
            if requirement is None:
                continue
            if GuidanceNote.objects.filter(
                organization=consultancy, requirement=requirement
            ).exists():
                continue
            guidance_note_save(
                actor=actor, consultancy=consultancy, requirement=requirement, text=text
            )


def _requirement(consultancy: Any, family: str, ref: str) -> Requirement | None:
    rows = Requirement.objects.filter(framework__code=family, ref=ref)
    if family == "PIP":
        return rows.filter(framework__owner__isnull=True, framework__is_current=True).first()
    # notes on the older edition of the questionnaire show what carries over to the new one
    return rows.filter(framework__owner=consultancy).order_by("framework__edition").first()


def seed_demo(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    """The demo seeder: the demo consultancy's own frameworks, written by its administrator."""
    consultancy = orgs.get("northbnd")
    if consultancy is not None:
        seed(consultancy, users.get("dave@northbound.example"))
