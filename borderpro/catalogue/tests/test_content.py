"""The shipped catalogue is complete: every outline item, in English and French, with a source."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.catalogue import selectors
from borderpro.catalogue.models import Framework, Requirement
from borderpro.catalogue.selectors import Visibility

pytestmark = pytest.mark.django_db

# From the shared domain outline (catalogue-outline.yaml, frameworks PIP-2024 and CTPAT-HC).
OUTLINE_PIP = [
    "CORP-01",
    "CORP-02",
    "CORP-03",
    "CORP-04",
    "CORP-05",
    "CORP-06",
    "CORP-07",
    "CORP-08",
    "CARGO-01",
    "CARGO-02",
    "CARGO-03",
    "CARGO-04",
    "CARGO-05",
    "PHYS-01",
    "PHYS-02",
    "PHYS-03",
    "PHYS-04",
    "PHYS-05",
    "PHYS-06",
    "PART-01",
    "MEM-01",
    "MEM-02",
    "MEM-03",
    "MEM-04",
    "MEM-05",
    "MEM-06",
    "MEM-07",
    "MEM-08",
    "MEM-09",
    "MEM-10",
]
OUTLINE_CTPAT_HC = [
    "1.1",
    "1.2",
    "1.3",
    "1.4",
    "2.1",
    "2.2",
    "2.3",
    "2.4",
    "3.1",
    "3.1-MLTF",
    "3.4",
    "3.5",
    "3.6",
    "3.7",
    "3.9",
    "4.1",
    "4.2",
    "4.3",
    "4.4",
    "4.5",
    "4.6",
    "4.7",
    "4.8",
    "4.9",
    "4.10",
    "4.11",
    "4.12",
    "4.13",
    "5.1",
    "5.2",
    "5.3",
    "5.4",
    "5.5",
    "5.6",
    "5.8",
    "5.14",
    "5.16",
    "5.29",
    "6.1",
    "6.2",
    "6.5",
    "6.6",
    "6.7",
    "7.1",
    "7.2",
    "7.4",
    "7.5",
    "7.6",
    "7.7",
    "7.8",
    "7.10",
    "7.23",
    "7.24",
    "7.25",
    "7.27",
    "7.28",
    "7.29",
    "7.30",
    "7.37",
    "8.1",
    "9.1",
    "9.2",
    "9.4",
    "9.4-SEARCH",
    "9.5",
    "9.6",
    "9.7",
    "9.8",
    "9.9",
    "9.10",
    "9.11",
    "9.12",
    "9.13",
    "9.13-QUALITY",
    "9.14",
    "9.15",
    "9.16",
    "10.1",
    "10.2",
    "10.2-TEMPID",
    "10.3",
    "10.4",
    "10.4-FIELDS",
    "10.7",
    "10.8",
    "10.9",
    "10.10",
    "11.1",
    "11.2",
    "11.5",
    "12.1",
    "12.1-RECORDS",
    "12.2",
    "12.4",
    "12.6",
    "12.7",
    "12.8",
    "12.9",
    "12.10",
]


def test_every_outline_item_is_present(catalogue: dict[str, Framework]) -> None:
    pip = set(Requirement.objects.filter(framework=catalogue["PIP"]).values_list("ref", flat=True))
    ctpat = set(
        Requirement.objects.filter(framework=catalogue["CTPAT-HC"]).values_list("ref", flat=True)
    )
    assert {f"PIP-{r}" for r in OUTLINE_PIP} <= pip
    assert {f"CTPAT-HC-{r}" for r in OUTLINE_CTPAT_HC} <= ctpat


def test_every_requirement_has_english_and_french_text_and_a_source(catalogue: Any) -> None:
    for r in Requirement.objects.all():
        for name in ("title", "gist", "evidence"):
            assert getattr(r, f"{name}_en").strip() and getattr(r, f"{name}_fr").strip(), (
                r.ref,
                name,
            )
        assert r.source_url.strip(), r.ref
        assert bool(r.unconfirmed_en) == bool(r.unconfirmed_fr), r.ref


def test_ctpat_official_ids_match_the_refs(catalogue: dict[str, Framework]) -> None:
    rows = Requirement.objects.filter(
        framework=catalogue["CTPAT-HC"], ref__in=[f"CTPAT-HC-{i}" for i in OUTLINE_CTPAT_HC]
    )
    assert rows.count() == len(OUTLINE_CTPAT_HC)
    for r in rows:
        assert r.ref == f"CTPAT-HC-{r.official_id}", r.ref


def test_the_crosswalk_covers_every_pip_requirement(
    catalogue: dict[str, Framework], carrier_a: Any
) -> None:
    result = selectors.crosswalk(catalogue["PIP"], catalogue["CTPAT-HC"])
    assert result.row_requirements == 30
    assert result.uncovered == []
    assert sum(total for _category, _cells, total in result.matrix) >= 30


def test_unconfirmed_items_say_so(catalogue: dict[str, Framework], carrier_a: Any) -> None:
    vis = Visibility(carrier_a)
    pending = Requirement.objects.filter(
        framework=catalogue["CTPAT-HC"], ref__startswith="CTPAT-HC-PV."
    )
    assert pending.count() == 3
    assert all(r.confidence == "unconfirmed" and r.needs_warning for r in pending)
    flagged = selectors.frameworks_with_counts(vis)
    assert all(f.n_warning > 0 for f in flagged if f.code == "CTPAT-HC")
