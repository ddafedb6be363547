"""Loading catalogue files: happy path, idempotency, refusals, retirement, history."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from borderpro.catalogue.loader import read_file
from borderpro.catalogue.models import Category, Framework, Mapping, Requirement
from borderpro.catalogue.services import catalogue_load
from borderpro.catalogue.tests.factories import (
    dump,
    framework_file,
    requirement,
    shipped_data,
)

pytestmark = pytest.mark.django_db

SHIPPED = {"PIP": 30, "CTPAT-HC": 112, "INSP": 47, "SEAL-CTRL": 30, "MRA": 18}


def _load(*files: tuple[str, dict[str, Any]] | tuple[str, bytes], **kwargs: Any) -> Any:
    sources = [(name, data if isinstance(data, bytes) else dump(data)) for name, data in files]
    return catalogue_load(sources=sources, **kwargs)


def _errors(report: Any) -> list[str]:
    return [str(e) for e in report.errors]


def test_all_shipped_files_load_with_their_requirements_and_mappings(
    catalogue: dict[str, Framework],
) -> None:
    counts = {
        code: Requirement.objects.filter(framework=f).count() for code, f in catalogue.items()
    }
    assert counts == SHIPPED
    assert all(f.is_current and f.owner_id is None for f in catalogue.values())
    assert Mapping.objects.filter(from_requirement__framework=catalogue["PIP"]).count() >= 30
    corp = Requirement.objects.get(framework=catalogue["PIP"], ref="PIP-CORP-03")
    assert corp.title_fr == "Plan de continuité des activités et de communication"
    assert corp.category.code == "CORPORATE"


def test_the_command_loads_everything_and_a_second_run_changes_nothing(db: Any) -> None:
    out = StringIO()
    call_command("load_catalogue", stdout=out)
    assert "pip-2024.yaml: created" in out.getvalue()
    rows = dict(Requirement.objects.values_list("pk", "updated_at"))
    history = Requirement.history.count()
    out = StringIO()
    call_command("load_catalogue", stdout=out)
    assert out.getvalue().count(": unchanged") == 5
    out = StringIO()
    call_command("load_catalogue", "--force", stdout=out)
    assert out.getvalue().count(": unchanged") == 5
    assert dict(Requirement.objects.values_list("pk", "updated_at")) == rows
    assert Requirement.history.count() == history


def _pip_variant(code: str = "PIPX") -> dict[str, Any]:
    """The PIP file under another family code, so it can be loaded beside the real one."""
    data = shipped_data("pip-2024.yaml")
    data["framework"]["code"] = code
    for item in data["requirements"]:
        item["ref"] = item["ref"].replace("PIP-", f"{code}-")
        item.pop("mappings", None)
    return data


def _assert_refused(report: Any, expected: str, code: str = "PIPX") -> None:
    assert not report.ok
    assert any(expected in message for message in _errors(report)), _errors(report)
    assert not Framework.objects.filter(code=code).exists()
    assert not Requirement.objects.filter(ref__startswith=f"{code}-").exists()


def test_missing_french_is_refused_naming_file_ref_and_reason(catalogue: Any) -> None:
    data = _pip_variant()
    del data["requirements"][2]["title"]["fr"]
    report = _load(("pipx.yaml", data))
    _assert_refused(report, "pipx.yaml: PIPX-CORP-03: the French title is missing")


def test_empty_french_evidence_is_refused(catalogue: Any) -> None:
    data = _pip_variant()
    data["requirements"][0]["evidence"]["fr"] = "  "
    _assert_refused(
        _load(("pipx.yaml", data)), "pipx.yaml: PIPX-CORP-01: the French evidence hint is empty"
    )


def test_unknown_level_is_refused(catalogue: Any) -> None:
    data = _pip_variant()
    data["requirements"][1]["level"] = "mandatory"
    _assert_refused(
        _load(("pipx.yaml", data)),
        "pipx.yaml: PIPX-CORP-02: “mandatory” is not a valid level; use one of: must, should, info",
    )


def test_duplicate_ref_is_refused(catalogue: Any) -> None:
    data = _pip_variant()
    data["requirements"][1]["ref"] = "PIPX-CORP-01"
    _assert_refused(
        _load(("pipx.yaml", data)), "pipx.yaml: PIPX-CORP-01: this ref appears twice in the file"
    )


def test_mapping_to_an_unknown_ref_is_refused(catalogue: Any) -> None:
    data = _pip_variant()
    data["requirements"][0]["mappings"] = [{"ref": "CTPAT-HC-99.9", "relation": "partial"}]
    _assert_refused(
        _load(("pipx.yaml", data)),
        "pipx.yaml: PIPX-CORP-01: it maps to CTPAT-HC-99.9, but no requirement has that ref",
    )


def test_malformed_yaml_is_refused_with_the_line(catalogue: Any) -> None:
    content = dump(_pip_variant()).replace(b"  code: PIPX\n", b"  code: [PIPX\n", 1)
    report = _load(("pipx.yaml", content))
    _assert_refused(report, "pipx.yaml: this is not valid YAML at line")


def test_repeated_yaml_key_is_refused(catalogue: Any) -> None:
    content = dump(_pip_variant()).replace(
        b"  level: must\n", b"  level: must\n  level: should\n", 1
    )
    _assert_refused(_load(("pipx.yaml", content)), "the key “level” appears twice")


def test_unknown_category_and_unquoted_numbers_are_explained(db: Any) -> None:
    data = framework_file("SQ", requirements=[requirement("SQ-01", category="NOPE")])
    parsed = read_file("sq.yaml", dump(data))
    assert [str(e) for e in parsed.errors] == [
        "sq.yaml: SQ-01: the category “NOPE” is not one of the file's categories (GEN)"
    ]
    data = framework_file("SQ", requirements=[requirement("SQ-01", official_id=1.1)])
    data["framework"]["edition"] = 2025
    messages = [str(e) for e in read_file("sq.yaml", dump(data)).errors]
    assert (
        'sq.yaml: framework: the edition must be written in quotes ("2025"), not as a number'
        in messages
    )
    assert (
        'sq.yaml: SQ-01: the official id must be written in quotes ("1.1"), not as a number'
        in messages
    )


def test_a_bad_file_does_not_stop_the_good_ones_and_dependants_are_refused(db: Any) -> None:
    good = framework_file("AA", requirements=[requirement("AA-01")])
    bad = framework_file("BB", requirements=[requirement("BB-01", level="sometimes")])
    dependant = framework_file(
        "CC", requirements=[requirement("CC-01", mappings=[("BB-01", "equivalent")])]
    )
    report = _load(("aa.yaml", good), ("bb.yaml", bad), ("cc.yaml", dependant))
    statuses = {f.name: f.status for f in report.files}
    assert statuses == {"aa.yaml": "created", "bb.yaml": "refused", "cc.yaml": "refused"}
    assert (
        "cc.yaml: CC-01: it maps to BB-01, which is in bb.yaml, and that file was refused"
        in _errors(report)
    )
    assert set(Framework.objects.values_list("code", flat=True)) == {"AA"}


def test_files_of_one_run_may_map_to_each_other_in_any_order(db: Any) -> None:
    first = framework_file(
        "AA", requirements=[requirement("AA-01", mappings=[("BB-01", "partial")])]
    )
    second = framework_file(
        "BB", requirements=[requirement("BB-01", mappings=[("AA-01", "related")])]
    )
    report = _load(("aa.yaml", first), ("bb.yaml", second))
    assert report.ok, _errors(report)
    assert Mapping.objects.count() == 2


def test_a_ref_of_another_family_is_refused(catalogue: Any) -> None:
    data = framework_file("SQ", requirements=[requirement("PIP-CORP-01")])
    report = _load(("sq.yaml", data))
    assert "sq.yaml: PIP-CORP-01: this ref already belongs to the framework PIP" in _errors(report)


def test_removed_requirement_is_retired_not_deleted_and_comes_back(db: Any) -> None:
    data = framework_file("SQ", requirements=[requirement("SQ-01"), requirement("SQ-02")])
    assert _load(("sq.yaml", data)).ok
    kept = Requirement.objects.get(ref="SQ-02")
    data["requirements"] = data["requirements"][:1]
    report = _load(("sq.yaml", data))
    assert report.files[0].retired == ["SQ-02"]
    kept.refresh_from_db()
    assert kept.retired_at is not None
    assert Requirement.objects.filter(ref="SQ-02").count() == 1
    data["requirements"].append(requirement("SQ-02"))
    report = _load(("sq.yaml", data))
    assert report.files[0].restored == ["SQ-02"]
    kept.refresh_from_db()
    assert kept.retired_at is None


def test_reworded_text_updates_in_place_with_history(db: Any) -> None:
    data = framework_file("SQ", requirements=[requirement("SQ-01", title="Seal every trailer")])
    assert _load(("sq.yaml", data)).ok
    row = Requirement.objects.get(ref="SQ-01")
    data["requirements"][0]["title"]["en"] = "Seal every loaded trailer"
    data["requirements"][0]["level"] = "should"
    report = _load(("sq.yaml", data))
    assert report.files[0].changed == ["SQ-01"]
    row.refresh_from_db()
    assert (row.title_en, row.level) == ("Seal every loaded trailer", "should")
    history = list(row.history.order_by("history_date"))
    assert [h.title_en for h in history] == ["Seal every trailer", "Seal every loaded trailer"]
    assert history[-1].history_change_reason == "sq.yaml"


def test_changed_mappings_are_synchronised(db: Any) -> None:
    target = framework_file("TT", requirements=[requirement("TT-01"), requirement("TT-02")])
    data = framework_file(
        "SQ", requirements=[requirement("SQ-01", mappings=[("TT-01", "partial")])]
    )
    assert _load(("tt.yaml", target), ("sq.yaml", data)).ok
    data["requirements"][0]["mappings"] = [{"ref": "TT-02", "relation": "equivalent"}]
    assert _load(("sq.yaml", data)).ok
    assert list(Mapping.objects.values_list("to_requirement__ref", "relation")) == [
        ("TT-02", "equivalent")
    ]


def test_category_titles_update_and_unused_categories_stay(db: Any) -> None:
    data = framework_file("SQ")
    assert _load(("sq.yaml", data)).ok
    data["categories"][0]["title"]["fr"] = "Généralités"
    assert _load(("sq.yaml", data)).ok
    assert Category.objects.get(code="GEN").title_fr == "Généralités"


def test_command_refuses_a_bad_file_with_a_clear_message(tmp_path: Path, catalogue: Any) -> None:
    data = _pip_variant()
    data["requirements"][0]["gist"].pop("fr")
    path = tmp_path / "pipx.yaml"
    path.write_bytes(dump(data))
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("load_catalogue", str(path), stdout=StringIO(), stderr=err)
    assert "pipx.yaml: PIPX-CORP-01: the French summary (gist) is missing" in err.getvalue()
    assert not Framework.objects.filter(code="PIPX").exists()


def test_activity_texts_of_the_catalogue_match_the_feed() -> None:
    from borderpro.catalogue.verbs import VERBS
    from borderpro.organizations.activity import known_verbs

    for verb, text in VERBS.items():
        assert str(known_verbs()[verb]) == str(text)


def test_command_loads_a_folder_as_a_consultancys_frameworks(
    tmp_path: Path, consultancy: Any, catalogue: Any
) -> None:
    (tmp_path / "sq.yaml").write_bytes(
        dump(framework_file("SQ", requirements=[requirement("SQ-01")]))
    )
    call_command(
        "load_catalogue", str(tmp_path), "--consultancy", consultancy.code, stdout=StringIO()
    )
    assert Framework.objects.get(code="SQ").owner == consultancy
    with pytest.raises(CommandError, match="no consultancy"):
        call_command("load_catalogue", str(tmp_path), "--consultancy", "nope", stdout=StringIO())
