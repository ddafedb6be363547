"""Factories for policies, keeping every object inside one tenant."""

from __future__ import annotations

from typing import Any

from borderpro.policies import library, services
from borderpro.policies.models import Document
from borderpro.profiles.models import CarrierProfile, Site


def profile_for(organization: Any, **fields: Any) -> CarrierProfile:
    values = {
        "legal_name": "Acme Freight Ltd.",
        "operating_name": "Acme Freight",
        "officer_name": "Olivia Officer",
        "officer_title": "President",
        "contact_name": "Sam Security",
        "contact_email": "sam@acme.example",
        "border_crossings": "Ambassador Bridge (Windsor-Detroit)",
        "lanes": "Toronto ON → Detroit MI",
        "tractors": 12,
        "dry_vans": 20,
        "reefers": 4,
        **fields,
    }
    profile, _created = CarrierProfile.objects.update_or_create(
        organization=organization, defaults=values
    )
    return profile


def site_for(organization: Any, **fields: Any) -> Site:
    values = {
        "name": "Toronto terminal",
        "kind": "terminal",
        "address": "1 Yard Road, Toronto ON",
        "security_features": "Fence, 8 CCTV cameras",
        **fields,
    }
    return Site.objects.create(organization=organization, **values)


def template(key: str = "seal-control") -> library.Template:
    return next(t for t in library.builtin() if t.key == key)


def document_for(
    organization: Any, key: str = "seal-control", language: str = "en", actor: Any = None
) -> Document:
    return services.document_generate(
        actor=actor, organization=organization, template=template(key), language=language
    )


def sample_document_id(organization: Any) -> Document:
    return document_for(organization, language=organization.language)
