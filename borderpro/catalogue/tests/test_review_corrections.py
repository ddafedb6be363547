"""Catalogue corrections from the compliance review of 2026-12-04 (issue 13, points 12-15):
one test per correction, on the shipped files and through the loader."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.catalogue.loader import read_file
from borderpro.catalogue.models import Framework, Requirement
from borderpro.catalogue.services import catalogue_load
from borderpro.catalogue.tests.factories import dump, framework_file, requirement, shipped_data

pytestmark = pytest.mark.django_db


def item(data: dict[str, Any], ref: str) -> dict[str, Any]:
    return next(r for r in data["requirements"] if r["ref"] == ref)


def test_missing_highway_carrier_criteria_are_added_as_third_party() -> None:
    data = shipped_data("ctpat-hc-2020.yaml")
    levels = {ref: item(data, f"CTPAT-HC-{ref}")["level"] for ref in ("3.8", "5.7", "5.15", "5.24")}
    assert levels == {"3.8": "must", "5.7": "info", "5.15": "should", "5.24": "should"}
    for ref in ("3.8", "5.7", "5.15", "5.24"):
        row = item(data, f"CTPAT-HC-{ref}")
        assert row["confidence"] == "third-party"
        assert row["source_url"].startswith("https://")
        assert row["unconfirmed"]["en"] and row["unconfirmed"]["fr"]
    assert "C-TPAT certified carriers" in item(data, "CTPAT-HC-3.8")["gist"]["en"]
    assert "a year" in item(data, "CTPAT-HC-5.7")["gist"]["en"]
    assert "no Must/Should flag" in item(data, "CTPAT-HC-5.7")["unconfirmed"]["en"]


def test_importer_rows_say_their_highway_applicability_is_pending() -> None:
    data = shipped_data("ctpat-hc-2020.yaml")
    for ref in ("3.9", "7.4", "7.8"):
        row = item(data, f"CTPAT-HC-{ref}")
        assert "Applies to highway carriers: pending verification" in row["unconfirmed"]["en"]
        assert "à vérifier" in row["unconfirmed"]["fr"]


def test_sources_are_traceable_links() -> None:
    for name in ("ctpat-hc-2020.yaml", "pip-2024.yaml", "seal-control-2020.yaml"):
        for row in shipped_data(name)["requirements"]:
            assert "public validation questionnaire (must/should" not in row["source_url"], row[
                "ref"
            ]
    data = shipped_data("ctpat-hc-2020.yaml")
    assert "dokumen.tips" in item(data, "CTPAT-HC-1.3")["source_url"]


def test_the_c_tpat_framework_is_not_tagged_confirmed() -> None:
    data = shipped_data("ctpat-hc-2020.yaml")
    assert data["framework"]["confidence"] == "third-party"


def test_the_loader_refuses_a_confirmed_framework_made_of_unconfirmed_items() -> None:
    rows = [requirement(f"SQ-{n}", confidence="third-party") for n in range(3)]
    rows.append(requirement("SQ-9", confidence="confirmed"))
    bad = framework_file(requirements=rows, confidence="confirmed")
    parsed = read_file("sq.yaml", dump(bad))
    assert not parsed.ok
    assert "only 1 of its 4 requirements" in str(parsed.errors[0])
    fine = framework_file(requirements=rows, confidence="third-party")
    assert read_file("sq.yaml", dump(fine)).ok


def test_pre_2024_physical_security_items_are_dated() -> None:
    data = shipped_data("pip-2024.yaml")
    assert {item(data, f"PIP-PHYS-0{n}")["confidence"] for n in range(1, 7)} == {"dated"}


def test_validation_cadence_is_confirmed_by_the_us_code() -> None:
    row = item(shipped_data("ctpat-hc-2020.yaml"), "CTPAT-HC-P.6")
    assert row["confidence"] == "confirmed"
    assert "section969" in row["source_url"]
    assert "§965(a)" in row["gist"]["en"]


def test_french_terminology() -> None:
    pip = shipped_data("pip-2024.yaml")
    assert item(pip, "PIP-CORP-01")["title"]["fr"] == "Système de contrôles et contrepoids"
    everything = "".join(
        str(shipped_data(n))
        for n in ("pip-2024.yaml", "ctpat-hc-2020.yaml", "mra-2026.yaml", "seal-control-2020.yaml")
    )
    assert "freins et contrepoids" not in everything
    assert "sous douane" not in everything and "en douane" in everything
    assert "premier point d'arrivée (PPA)" in everything
    assert "arrangement de reconnaissance mutuelle" not in everything
    assert "accord de reconnaissance mutuelle avec" not in everything
    assert "entente de reconnaissance mutuelle" in everything
    seal = shipped_data("seal-control-2020.yaml")
    titles = [r["title"]["fr"] for r in seal["requirements"] if r["title"]["fr"].startswith("VVTT")]
    assert [t.split(" ")[2] for t in titles] == ["Regarder", "Vérifier", "Tirer", "Tourner"]


def test_ltl_padlock_and_consolidation_seal_are_pending() -> None:
    row = item(shipped_data("ctpat-hc-2020.yaml"), "CTPAT-HC-PV.1")
    assert row["confidence"] == "unconfirmed"
    assert "padlock" in row["gist"]["en"] and "ISO 17712" in row["gist"]["en"]
    assert row["unconfirmed"]["en"].startswith("Pending")


def test_the_corrections_load_in_place_and_keep_answers(catalogue: dict[str, Framework]) -> None:
    """The 2020 edition is updated in place: new items are added, nothing is retired."""
    ctpat = catalogue["CTPAT-HC"]
    assert ctpat.confidence == "third-party"
    assert (
        Requirement.objects.filter(
            framework=ctpat, ref__in=["CTPAT-HC-3.8", "CTPAT-HC-5.24"], retired_at__isnull=True
        ).count()
        == 2
    )
    old = shipped_data("ctpat-hc-2020.yaml")
    old["requirements"] = [
        r for r in old["requirements"] if r["ref"] not in ("CTPAT-HC-3.8", "CTPAT-HC-5.24")
    ]
    report = catalogue_load(sources=[("ctpat-hc-2020.yaml", dump(old))], force=True)
    assert report.ok, [str(e) for e in report.errors]
    retired = Requirement.objects.get(framework=ctpat, ref="CTPAT-HC-3.8")
    assert retired.retired_at is not None  # retired, never deleted
