"""The restore drill: a backup restored into an empty installation brings back every row,
every file (same SHA-256) and every hash chain, on SQLite and PostgreSQL (run with
DATABASE_URL); damaged archives and non-empty installations are refused, nothing touched."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import OperationalError, connection
from django_scopes import scopes_disabled

from borderpro.operations.tests.factories import affixed_seal
from borderpro.ops.archive import ArchiveRefused
from borderpro.ops.backup import create_backup, restore_backup
from borderpro.ops.tests.archives import rewrite, truncated
from borderpro.ops.tests.data import chained_record_total, populate, snapshot

pytestmark = pytest.mark.django_db(transaction=True)


def _storage_root() -> Path:
    return Path(django_settings.STORAGES["default"]["OPTIONS"]["location"])


def _empty_installation() -> None:
    """A new installation: the same schema, no rows, no files."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(_storage_root(), ignore_errors=True)


@pytest.fixture
def two_carriers(alice: Any, carrier_a: Any, charlie: Any, carrier_b: Any) -> None:
    populate(carrier_a, alice)
    populate(carrier_b, charlie)


@pytest.mark.usefixtures("two_carriers")
def test_restore_drill_brings_back_every_row_file_and_chain(tmp_path: Path) -> None:
    before = snapshot()
    assert before["files"] and chained_record_total() >= 10
    assert all(ok for ok, _n in before["chains"].values())
    archive = create_backup(tmp_path / "backups")
    assert archive.name.startswith("borderpro-backup-") and archive.stat().st_mode & 0o077 == 0
    _empty_installation()
    assert snapshot()["files"] == {}

    report = restore_backup(archive)

    assert report.problems == []
    after = snapshot()
    assert after["counts"] == before["counts"]
    assert after["files"] == before["files"]  # every file, same SHA-256
    assert after["chains"] == before["chains"]  # every chain verifies, same length
    assert report.chain_records == chained_record_total()
    call_command("verify_records", "--no-save", verbosity=0)  # the operator's check agrees


@pytest.mark.usefixtures("two_carriers")
def test_restore_refuses_an_installation_that_is_not_empty(tmp_path: Path) -> None:
    archive = create_backup(tmp_path)
    before = snapshot()
    with pytest.raises(ArchiveRefused, match="restore needs an empty installation"):
        restore_backup(archive)
    call_command("flush", interactive=False, verbosity=0)  # rows gone, files still there
    with pytest.raises(ArchiveRefused, match="private storage already holds files"):
        restore_backup(archive)
    assert snapshot()["files"] == before["files"]


@pytest.mark.usefixtures("two_carriers")
def test_restore_refuses_damaged_archives_and_touches_nothing(tmp_path: Path) -> None:
    archive = create_backup(tmp_path)
    _empty_installation()

    def alter_a_file(folder: Path) -> None:
        victim = next(p for p in sorted((folder / "files").rglob("*")) if p.is_file())
        victim.write_bytes(victim.read_bytes() + b"tampered")

    def drop_a_file(folder: Path) -> None:
        next(p for p in sorted((folder / "files").rglob("*")) if p.is_file()).unlink()

    def drop_the_manifest(folder: Path) -> None:
        (folder / "manifest.json").unlink()

    cases = [
        (truncated(archive), "truncated or damaged"),
        (rewrite(archive, alter_a_file), "altered or damaged: the SHA-256 of files/"),
        (rewrite(archive, drop_a_file), "is truncated: 1 member"),
        (rewrite(archive, drop_the_manifest), "has no manifest.json"),
    ]
    for damaged, reason in cases:
        with pytest.raises(ArchiveRefused, match=reason):
            restore_backup(damaged)
        assert snapshot()["files"] == {}
        with scopes_disabled():
            from borderpro.organizations.models import Organization

            assert not Organization.objects.exists()


def test_restore_command_says_why_it_refuses(tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    missing = tmp_path / "nothing.tar.gz"
    with pytest.raises(CommandError, match=r"restore refused: .*no such file"):
        call_command("restore", str(missing))


def test_a_backup_taken_while_devices_post_restores_with_every_chain_intact(
    alice: Any, carrier_a: Any, tmp_path: Path
) -> None:
    populate(carrier_a, alice)
    stop = threading.Event()
    appended: list[int] = []
    errors: list[BaseException] = []

    def device() -> None:
        try:
            with scopes_disabled():
                while not stop.is_set():
                    try:
                        affixed_seal(carrier_a)
                        appended.append(1)
                    except OperationalError:  # SQLite: the snapshot holds the lock a moment
                        time.sleep(0.01)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=device) for _ in range(2)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 20
    while len(appended) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        archive = create_backup(tmp_path)
        during = len(appended)
        time.sleep(0.3)  # devices keep posting after the snapshot
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert not errors, errors
    assert during >= 5 and len(appended) > during
    _empty_installation()

    report = restore_backup(archive)

    assert report.problems == []  # every chain verifies: nothing half-written
    assert 0 < report.chain_records < chained_record_total() + len(appended) + 100
