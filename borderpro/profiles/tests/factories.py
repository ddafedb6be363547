"""Factories that keep profile objects inside one tenant."""

from __future__ import annotations

from typing import Any

from borderpro.catalogue.models import Category, Framework, Mapping, Requirement
from borderpro.profiles.models import PackageSnapshot, Response

_SEQ = {"n": 0}


def catalogue(
    code: str = "PIP",
    *,
    n: int = 3,
    categories: int = 1,
    levels: tuple[str, ...] = ("must", "should"),
) -> Framework:
    """A small current framework with requirements (get_or_create, so tests may call it twice)."""
    from django.utils import timezone

    framework, _created = Framework.objects.get_or_create(
        code=code,
        edition="2024",
        owner=None,
        defaults={
            "kind": "program",
            "name_en": f"{code} test framework",
            "name_fr": f"Cadre {code}",
            "short_name_en": code,
            "short_name_fr": code,
            "authority_en": "Agency",
            "authority_fr": "Agence",
            "source_url": "https://example.org",
            "confidence": "confirmed",
            "is_current": True,
            "file_name": f"{code}.yaml",
            "sha256": "0" * 64,
            "loaded_at": timezone.now(),
        },
    )
    cats = []
    for c in range(categories):
        cat, _created = Category.objects.get_or_create(
            framework=framework,
            code=f"C{c + 1}",
            defaults={
                "title_en": f"{code} category {c + 1}",
                "title_fr": f"Catégorie {c + 1}",
                "position": c,
            },
        )
        cats.append(cat)
    for i in range(n):
        Requirement.objects.get_or_create(
            framework=framework,
            ref=f"{code}-{i + 1:03d}",
            defaults={
                "category": cats[i % len(cats)],
                "title_en": f"{code} requirement {i + 1}",
                "title_fr": f"Exigence {code} {i + 1}",
                "gist_en": "Do the thing.",
                "gist_fr": "Faire la chose.",
                "evidence_en": "A record.",
                "evidence_fr": "Un registre.",
                "level": levels[i % len(levels)],
                "review": "annual",
                "source_url": "https://example.org",
                "confidence": "confirmed",
                "position": i,
                "applies_to": {"business_types": ["highway_carrier"], "modes": ["highway"]},
            },
        )
    return framework


def map_requirements(a: Requirement, b: Requirement, relation: str = "equivalent") -> Mapping:
    mapping, _created = Mapping.objects.get_or_create(
        from_requirement=a, to_requirement=b, defaults={"relation": relation}
    )
    return mapping


def response_for(
    organization: Any, requirement: Requirement | None = None, **fields: Any
) -> Response:
    if requirement is None:
        requirement = catalogue().requirements.order_by("position").first()
    from borderpro.profiles.services.divisions import security_profile_main

    security_profile = fields.pop("security_profile", None) or security_profile_main(organization)
    response, _created = Response.objects.get_or_create(
        organization=organization, security_profile=security_profile, requirement=requirement
    )
    for key, value in fields.items():
        setattr(response, key, value)
    if fields:
        response.save()
    return response


def sample_response_id(organization: Any) -> Response:
    return response_for(organization)


def sample_division_id(organization: Any) -> Any:
    from borderpro.profiles.models import Division

    division, _created = Division.objects.get_or_create(organization=organization, name="LTL")
    return division


def sample_snapshot_id(organization: Any) -> PackageSnapshot:
    from django.core.files.base import ContentFile

    from borderpro.common.ids import uuid7
    from borderpro.profiles.services.divisions import security_profile_main

    framework = catalogue()
    snapshot = PackageSnapshot(
        id=uuid7(),
        organization=organization,
        security_profile=security_profile_main(organization),
        framework=framework,
        language="en",
        content={},
        content_sha256="0" * 64,
        pdf_sha256="0" * 64,
        docx_sha256="0" * 64,
        bundle_sha256="0" * 64,
    )
    snapshot.pdf.save("sample.pdf", ContentFile(b"%PDF-1.4 sample"), save=False)
    snapshot.docx.save("sample.docx", ContentFile(b"PK sample"), save=False)
    snapshot.bundle.save("sample.zip", ContentFile(b"PK sample"), save=False)
    snapshot.save()
    return snapshot
