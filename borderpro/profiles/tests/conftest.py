from __future__ import annotations

from typing import Any

import pytest

from borderpro.profiles.tests.factories import catalogue, map_requirements


@pytest.fixture
def frameworks(db: Any) -> dict[str, Any]:
    """PIP (3 requirements, must/should) and C-TPAT HC (3), with PIP-001 ≡ CTPAT-HC-001."""
    pip = catalogue("PIP", n=3, categories=2)
    ctpat = catalogue("CTPAT-HC", n=3)
    a = pip.requirements.get(ref="PIP-001")
    b = ctpat.requirements.get(ref="CTPAT-HC-001")
    map_requirements(a, b, "equivalent")
    return {"pip": pip, "ctpat": ctpat, "pip1": a, "ctpat1": b}
