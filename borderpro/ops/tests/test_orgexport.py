"""One organization's complete data leaves as a documented archive and arrives in another
installation with the same codes, the same files and intact chains; damaged, altered or
incompatible archives are refused with the reason and nothing is half-imported."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core.management import call_command
from django_scopes import scopes_disabled

from borderpro.common.chain import verify_organization
from borderpro.ops.archive import ArchiveRefused, storage_files
from borderpro.ops.orgexport import (
    EXCLUDED,
    OWNED_THROUGH,
    REFERENCE_KEYS,
    export_organization,
    exported_models,
    import_organization,
)
from borderpro.ops.tests.archives import rewrite, truncated
from borderpro.ops.tests.data import populate, snapshot
from borderpro.organizations.models import Organization


def test_every_model_is_exported_or_excluded_with_a_reason() -> None:
    """A new module's models are exported without a change here (they carry an
    organization key); anything else must be excluded on purpose, with the reason."""
    exported = {m._meta.label for m, _lookup in exported_models()}  # raises if unclassified
    for label, reason in EXCLUDED.items():
        apps.get_model(label)  # no stale entries
        assert len(reason) > 20, label
    assert not exported & set(EXCLUDED)
    for label in (*OWNED_THROUGH, *REFERENCE_KEYS):
        apps.get_model(label)
    concrete = {m._meta.label for m in apps.get_models() if m._meta.managed and not m._meta.proxy}
    assert concrete == exported | set(EXCLUDED)


def _org_rows(organization: Any) -> dict[str, Any]:
    """Ids of the organization's rows per model; the row count where ids are numbered anew
    on import (chain heads: integer ids nothing points to)."""
    from django.db.models.fields import AutoFieldMixin

    found: dict[str, Any] = {}
    with scopes_disabled():
        for model, lookup in exported_models():
            if model._meta.label.split(".")[1].startswith("Historical"):
                continue
            rows = model._base_manager.filter(**{lookup: organization.pk})
            if isinstance(model._meta.pk, AutoFieldMixin):
                found[model._meta.label] = rows.count()
            else:
                found[model._meta.label] = set(map(str, rows.values_list("pk", flat=True)))
    return found


def _history_count(organization: Any) -> int:
    with scopes_disabled():
        return sum(
            model._base_manager.filter(**{lookup: organization.pk}).count()
            for model, lookup in exported_models()
            if model._meta.label.split(".")[1].startswith("Historical")
        )


def _another_installation() -> None:
    """An empty database and storage, with the shipped catalogue loaded anew (new ids)."""
    from borderpro.profiles.tests.factories import catalogue

    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(django_settings.STORAGES["default"]["OPTIONS"]["location"], ignore_errors=True)
    call_command("load_catalogue", verbosity=0)
    catalogue()


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_another_installation(
    alice: Any, carrier_a: Any, charlie: Any, carrier_b: Any, tmp_path: Path, settings: Any
) -> None:
    populate(carrier_a, alice)
    populate(carrier_b, charlie)
    rows, history = _org_rows(carrier_a), _history_count(carrier_a)
    files = snapshot()["files"]
    chains = {r.chain: (r.ok, r.checked) for r in verify_organization(carrier_a, save=False)}
    from borderpro.catalogue.models import Requirement

    with scopes_disabled():
        old_requirements = set(Requirement.objects.values_list("pk", flat=True))
    summary = export_organization(carrier_a, tmp_path)
    assert summary.rows > 20 and summary.files >= 1 and summary.users == 1
    manifest = json.loads(_member(summary.path, "manifest.json"))
    assert manifest["format"] == "borderpro-organization" and manifest["format_version"] == 1
    assert manifest["organization"]["code"] == carrier_a.code
    a_files = {m.removeprefix("files/") for m in manifest["members"] if m.startswith("files/")}

    _another_installation()
    settings.CHAIN_SEAL_KEY = "the other installation's own chain seal key, 32+ chars"
    with scopes_disabled():
        assert not set(Requirement.objects.values_list("pk", flat=True)) & old_requirements

    result = import_organization(summary.path)

    assert result.code == carrier_a.code and result.rows == summary.rows
    assert result.resealed >= 1  # heads sealed again with this installation's key
    with scopes_disabled():
        imported = Organization.objects.get(code=carrier_a.code)
        assert imported.pk == carrier_a.pk and imported.name == carrier_a.name
        assert not Organization.objects.filter(code=carrier_b.code).exists()
        user = apps.get_model(django_settings.AUTH_USER_MODEL).objects.get(email=alice.email)
        assert user.pk == alice.pk and not user.has_usable_password()
    assert _org_rows(imported) == rows
    assert _history_count(imported) == history
    here = snapshot()
    assert set(storage_files()) == a_files
    assert {n: files[n] for n in a_files} == {n: here["files"][n] for n in a_files}
    assert {r.chain: (r.ok, r.checked) for r in verify_organization(imported, save=False)} == chains
    assert all(ok for ok, _n in chains.values())

    with pytest.raises(ArchiveRefused, match=f"code {carrier_a.code} .*already exists"):
        import_organization(summary.path)


def _member(archive: Path, name: str) -> bytes:
    import tarfile

    with tarfile.open(archive) as tar:
        handle = tar.extractfile(name)
        assert handle is not None
        return handle.read()


@pytest.fixture
def exported(alice: Any, carrier_a: Any, tmp_path: Path) -> Path:
    populate(carrier_a, alice)
    path = export_organization(carrier_a, tmp_path).path
    _another_installation()
    return path


def _nothing_imported(code: str) -> None:
    with scopes_disabled():
        assert not Organization.objects.filter(code=code).exists()
        assert not apps.get_model("evidence.EvidenceFile")._base_manager.exists()
    assert list(storage_files()) == []


@pytest.mark.django_db(transaction=True)
def test_damaged_and_altered_archives_are_refused(exported: Path, carrier_a: Any) -> None:
    def alter_a_row(folder: Path) -> None:
        path = folder / "data" / "operations.SealEvent.json"
        path.write_text(path.read_text().replace("Bob Singh", "Someone Else"))

    cases = [
        (truncated(exported), "truncated or damaged"),
        (rewrite(exported, alter_a_row), "altered or damaged: the SHA-256 of data/operations"),
    ]
    for archive, reason in cases:
        with pytest.raises(ArchiveRefused, match=reason):
            import_organization(archive)
        _nothing_imported(carrier_a.code)


@pytest.mark.django_db(transaction=True)
def test_an_edit_that_fixes_the_manifest_is_caught_by_the_chains_and_nothing_is_kept(
    exported: Path, carrier_a: Any
) -> None:
    """Rows, files and people are written, then a chain fails to verify: the transaction
    is rolled back and the files written before it are deleted."""

    def rewrite_history(folder: Path) -> None:
        path = folder / "data" / "operations.SealEvent.json"
        path.write_text(path.read_text().replace("Bob Singh", "Someone Else"))

    forged = rewrite(exported, rewrite_history, fix_manifest=True)
    with pytest.raises(ArchiveRefused, match=r"hash chain does not verify.*altered"):
        import_organization(forged)
    _nothing_imported(carrier_a.code)


@pytest.mark.django_db(transaction=True)
def test_an_archive_from_an_incompatible_version_is_refused(exported: Path, carrier_a: Any) -> None:
    def older_schema(folder: Path) -> None:
        manifest = json.loads((folder / "manifest.json").read_text())
        manifest["migrations"]["operations"] = manifest["migrations"]["operations"][:1]
        (folder / "manifest.json").write_text(json.dumps(manifest))

    def newer_format(folder: Path) -> None:
        manifest = json.loads((folder / "manifest.json").read_text())
        manifest["format_version"] = 2
        (folder / "manifest.json").write_text(json.dumps(manifest))

    with pytest.raises(ArchiveRefused, match="incompatible version: the archive's operations"):
        import_organization(rewrite(exported, older_schema))
    with pytest.raises(ArchiveRefused, match="format version 2; this installation reads version 1"):
        import_organization(rewrite(exported, newer_format))
    _nothing_imported(carrier_a.code)


@pytest.mark.django_db(transaction=True)
def test_a_missing_catalogue_and_a_taken_person_id_are_refused(
    exported: Path, carrier_a: Any, alice: Any
) -> None:
    from borderpro.organizations.tests.factories import UserFactory

    with scopes_disabled():
        apps.get_model("catalogue.Framework")._base_manager.filter(code="PIP").update(
            edition="2099"
        )
    with pytest.raises(ArchiveRefused, match=r"lacks requirement .*load the same catalogue"):
        import_organization(exported)
    with scopes_disabled():
        apps.get_model("catalogue.Framework")._base_manager.filter(code="PIP").update(
            edition="2024"
        )
    UserFactory(pk=alice.pk, email="someone.else@example.org")
    with pytest.raises(ArchiveRefused, match="id already used by another person"):
        import_organization(exported)
    _nothing_imported(carrier_a.code)
