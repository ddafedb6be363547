"""Catalogue test data: the shipped files, small framework files built in code, samples."""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

import yaml

from borderpro.catalogue.loader import DATA_DIR
from borderpro.catalogue.models import Framework, Requirement
from borderpro.catalogue.services import LoadReport, catalogue_load, catalogue_load_paths


def load_shipped() -> LoadReport:
    report = catalogue_load_paths()
    assert report.ok, [str(e) for e in report.errors]
    return report


@cache
def _shipped_data(name: str) -> dict[str, Any]:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def shipped_data(name: str) -> dict[str, Any]:
    """A shipped file as data, to change and dump as a new file or edition."""
    return copy.deepcopy(_shipped_data(name))


def dump(data: dict[str, Any]) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


def bilingual(en: str, fr: str | None = None) -> dict[str, str]:
    return {"en": en, "fr": fr if fr is not None else f"{en} (fr)"}


def requirement(
    ref: str,
    *,
    category: str = "GEN",
    level: str = "must",
    mappings: list | None = None,
    title: str | None = None,
    **extra: Any,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "ref": ref,
        "official_id": None,
        "category": category,
        "title": bilingual(title or f"Requirement {ref}", f"Exigence {ref}"),
        "gist": bilingual(f"What {ref} asks", f"Ce que demande {ref}"),
        "level": level,
        "evidence": bilingual(f"Proof of {ref}", f"Preuve de {ref}"),
        "procedure_required": False,
        "review": "annual",
        "source_url": "https://example.com/source",
        "confidence": "confirmed",
    }
    if mappings:
        data["mappings"] = [{"ref": r, "relation": rel} for r, rel in mappings]
    data.update(extra)
    return data


def framework_file(
    code: str = "SQ",
    edition: str = "1",
    requirements: list | None = None,
    categories: list | None = None,
    **framework: Any,
) -> dict[str, Any]:
    return {
        "format": 1,
        "framework": {
            "code": code,
            "edition": edition,
            "kind": "checklist",
            "name": bilingual(f"{code} questionnaire", f"Questionnaire {code}"),
            "short_name": bilingual(code),
            "authority": bilingual("A shipper", "Un expéditeur"),
            "source_url": "Sent by the shipper",
            "confidence": "confirmed",
            **framework,
        },
        "categories": categories or [{"code": "GEN", "title": bilingual("General", "Général")}],
        "requirements": requirements if requirements is not None else [requirement(f"{code}-01")],
    }


def load_owned(owner: Any, *files: dict[str, Any], actor: Any = None) -> LoadReport:
    sources = [
        (f"{f['framework']['code'].lower()}-{f['framework']['edition']}.yaml", dump(f))
        for f in files
    ]
    return catalogue_load(sources=sources, owner=owner, actor=actor)


def sample_framework_id(organization: Any) -> Framework:
    """A framework the organization sees: its own when it is a consultancy, else a shipped one."""
    code = f"T{organization.code.upper()}"
    if organization.kind == "consultancy":
        load_owned(organization, framework_file(code, requirements=[requirement(f"{code}-01")]))
        return Framework.objects.get(owner=organization, code=code)
    report = catalogue_load(
        sources=[
            ("sample.yaml", dump(framework_file(code, requirements=[requirement(f"{code}-01")])))
        ]
    )
    assert report.ok, [str(e) for e in report.errors]
    return Framework.objects.get(owner__isnull=True, code=code)


def sample_requirement_id(organization: Any) -> Requirement:
    framework = sample_framework_id(organization)
    return Requirement.objects.filter(framework=framework).first()  # type: ignore[return-value]
