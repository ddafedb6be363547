"""A new edition loads beside the old one; the comparison reports changes and carry-over."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from borderpro.catalogue.comparison import editions_compare
from borderpro.catalogue.models import Framework, Mapping, Requirement
from borderpro.catalogue.services import catalogue_load
from borderpro.catalogue.tests.factories import dump, requirement, shipped_data

pytestmark = pytest.mark.django_db


def pip_2027() -> dict[str, Any]:
    """A made-up next PIP edition: one requirement retired (PIP-PHYS-03, key control),
    one added that covers the same C-TPAT criterion, one reworded, one re-levelled."""
    data = shipped_data("pip-2024.yaml")
    data["framework"]["edition"] = "2027"
    data["framework"]["effective_from"] = "2027-01-01"
    items = data["requirements"]
    items[:] = [i for i in items if i["ref"] != "PIP-PHYS-03"]
    by_ref = {i["ref"]: i for i in items}
    by_ref["PIP-CORP-06"]["gist"]["en"] = "Train staff every year on supply chain security."
    by_ref["PIP-CORP-06"]["gist"]["fr"] = (
        "Former le personnel chaque année à la sécurité de la chaîne d'approvisionnement."
    )
    by_ref["PIP-MEM-07"]["level"] = "must"
    items.append(
        requirement(
            "PIP-PHYS-07",
            category="PHYSICAL",
            title="Keys and access devices",
            mappings=[("CTPAT-HC-10.1", "equivalent")],
        )
    )
    return data


@pytest.fixture
def two_editions(catalogue: dict[str, Framework]) -> tuple[Framework, Framework]:
    report = catalogue_load(sources=[("pip-2027.yaml", dump(pip_2027()))])
    assert report.ok, [str(e) for e in report.errors]
    return catalogue["PIP"], Framework.objects.get(code="PIP", edition="2027")


def test_a_new_edition_loads_beside_the_old_one_and_becomes_current(two_editions: Any) -> None:
    old, new = two_editions
    old.refresh_from_db()
    assert (old.is_current, new.is_current) == (False, True)
    assert Requirement.objects.filter(framework=old).count() == 30
    assert Requirement.objects.filter(framework=new).count() == 30
    assert Requirement.objects.get(framework=old, ref="PIP-PHYS-03").retired_at is None


def test_mappings_from_other_frameworks_follow_the_new_edition(two_editions: Any) -> None:
    old, new = two_editions
    into_old = Mapping.objects.filter(to_requirement__framework=old).exclude(
        from_requirement__framework=old
    )
    into_new = Mapping.objects.filter(to_requirement__framework=new).exclude(
        from_requirement__framework=new
    )
    assert into_new.exists()
    # only mappings to the retired PIP-PHYS-03 may stay on the old edition
    assert set(into_old.values_list("to_requirement__ref", flat=True)) <= {"PIP-PHYS-03"}


def test_comparison_reports_added_retired_reworded_and_relevelled(two_editions: Any) -> None:
    old, new = two_editions
    result = editions_compare(a=old, b=new)
    assert [r.ref for r in result.added] == ["PIP-PHYS-07"]
    assert [r.ref for r in result.retired] == ["PIP-PHYS-03"]
    assert [(r.ref, r.fields) for r in result.reworded] == [("PIP-CORP-06", ["gist"])]
    assert [(r.ref, r.old.level, r.new.level) for r in result.relevelled] == [
        ("PIP-MEM-07", "info", "must")
    ]
    assert result.unchanged == 27
    assert result.carry_over is None


def test_answers_carry_over_by_ref_or_through_the_crosswalk(two_editions: Any) -> None:
    old, new = two_editions
    Mapping.objects.update_or_create(
        from_requirement=Requirement.objects.get(framework=old, ref="PIP-PHYS-03"),
        to_requirement=Requirement.objects.get(ref="CTPAT-HC-10.1"),
        defaults={"relation": "equivalent"},
    )
    answered = ["PIP-CORP-01", "PIP-CORP-06", "PIP-PHYS-03", "PIP-NOPE-01"]
    result = editions_compare(a=old, b=new, answered_refs=answered)
    outcomes = {c.ref: c for c in result.carry_over or []}
    assert outcomes["PIP-CORP-01"].outcome == "same"
    assert outcomes["PIP-CORP-06"].outcome == "review"
    assert outcomes["PIP-PHYS-03"].outcome == "mapped"
    assert [t.requirement.ref for t in outcomes["PIP-PHYS-03"].targets] == ["PIP-PHYS-07"]
    assert outcomes["PIP-PHYS-03"].targets[0].via.ref == "CTPAT-HC-10.1"
    assert outcomes["PIP-NOPE-01"].outcome == "unknown"
    assert result.carried == 3


def test_an_answer_with_no_counterpart_does_not_carry_over(two_editions: Any) -> None:
    old, new = two_editions
    Mapping.objects.filter(from_requirement__ref="PIP-PHYS-03").delete()
    Mapping.objects.filter(to_requirement__ref="PIP-PHYS-03").delete()
    result = editions_compare(a=old, b=new, answered_refs=["PIP-PHYS-03"])
    assert [(c.ref, c.outcome, c.targets) for c in result.carry_over or []] == [
        ("PIP-PHYS-03", "none", [])
    ]


def test_compare_command_prints_the_report(two_editions: Any, tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text("# answered in 2024\nPIP-CORP-01\nPIP-CORP-06\n\n")
    out = StringIO()
    call_command(
        "compare_catalogue", "PIP", "2024", "2027", "--answered-refs", str(answers), stdout=out
    )
    text = out.getvalue()
    assert "Added (1)" in text and "+ PIP-PHYS-07" in text
    assert "Retired (1)" in text and "- PIP-PHYS-03" in text
    assert "Reworded (1)" in text and "~ PIP-CORP-06" in text
    assert "Re-levelled (1)" in text and "PIP-MEM-07  info → must" in text
    assert "Existing answers (2 of 2 carry over)" in text


def test_loading_an_older_edition_after_the_newer_keeps_the_newer_current(catalogue: Any) -> None:
    data = shipped_data("pip-2024.yaml")
    data["framework"]["edition"] = "2019"
    data["framework"]["effective_from"] = "2019-01-01"
    assert catalogue_load(sources=[("pip-2019.yaml", dump(data))]).ok
    current = Framework.objects.get(code="PIP", is_current=True)
    assert current.edition == "2024"
    assert Mapping.objects.filter(to_requirement__framework__edition="2019").count() == 0


def test_compare_page_of_a_carrier_uses_its_security_profile_answers(
    two_editions: Any, as_alice: Any, carrier_a: Any, alice: Any
) -> None:
    from borderpro.profiles.models import Response
    from borderpro.profiles.services.divisions import security_profile_main

    old, new = two_editions
    for ref in ("PIP-PHYS-03", "PIP-CORP-06"):
        Response.objects.create(
            organization=carrier_a,
            security_profile=security_profile_main(carrier_a),
            requirement=Requirement.objects.get(framework=old, ref=ref),
            status="implemented",
            narrative=f"How we meet {ref} at our Mississauga terminal.",
        )
    page = as_alice.get(
        f"/o/{carrier_a.code}/catalogue/compare/?a={old.pk}&b={new.pk}"
    ).content.decode()
    assert "Your security profile answers: do they carry over?" in page
    assert "PIP-PHYS-03" in page and "PIP-CORP-06" in page
