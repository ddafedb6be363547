from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from borderpro.catalogue.models import Category, Framework, Requirement


@pytest.fixture
def ctpat(db: Any) -> Framework:
    """A small C-TPAT highway framework with three real category codes."""
    framework = Framework.objects.create(
        code="CTPAT-HC",
        edition="2020",
        kind="program",
        owner=None,
        is_current=True,
        name_en="C-TPAT highway carriers",
        name_fr="C-TPAT transporteurs routiers",
        short_name_en="C-TPAT",
        short_name_fr="C-TPAT",
        authority_en="CBP",
        authority_fr="CBP",
        source_url="https://example.org",
        confidence="confirmed",
        file_name="t.yaml",
        sha256="0" * 64,
        loaded_at=timezone.now(),
    )
    for position, (code, title) in enumerate(
        [("4", "Cybersecurity"), ("5", "Conveyance"), ("6", "Seals")]
    ):
        cat = Category.objects.create(
            framework=framework, code=code, title_en=title, title_fr=title, position=position
        )
        for i, level in enumerate(("must", "should")):
            Requirement.objects.create(
                framework=framework,
                category=cat,
                ref=f"CTPAT-HC-{code}.{i + 1}",
                level=level,
                title_en=f"{title} {i + 1}",
                title_fr=f"{title} {i + 1}",
                gist_en="g",
                gist_fr="g",
                evidence_en="e",
                evidence_fr="e",
                review="annual",
                source_url="https://example.org",
                confidence="confirmed",
                position=position * 10 + i,
            )
    return framework
