"""Backups of the whole installation and their restore (``manage.py backup`` / ``restore``).

A backup is one ``borderpro-backup-<UTC time>.tar.gz`` holding:

- ``database/borderpro.sqlite3`` (SQLite: the online backup API, one consistent snapshot
  taken while the site runs) or ``database/borderpro.pgdump`` (PostgreSQL: ``pg_dump -Fc``,
  one consistent snapshot);
- ``files/<name>``: every file of private storage (evidence, packages, logos, job results),
  copied *after* the database snapshot, so every file a row names is in the archive
  (files are written before the rows that point to them);
- ``manifest.json``: SHA-256 and size of every member, the app version, the migration
  state, the database vendor and the number of rows of every model.

Restore goes into an *empty* installation only (no user, no organization, no stored file)
of the same database vendor, after every member has been checked against the manifest;
then it compares the row counts and verifies every hash chain. Chain checkpoints
(``CHAIN_CHECKPOINT_DIR``) are not in the backup: they are the outside witness and are
kept apart from it (docs/operations.md).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, connections, transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from borderpro.ops.archive import (
    ArchiveReader,
    ArchiveRefused,
    ArchiveWriter,
    app_version,
    migration_state,
    storage_files,
)

FORMAT = "borderpro-backup"
FORMAT_VERSION = 1
FILES = "files/"


def model_counts() -> dict[str, int]:
    """Rows of every concrete model, by label (unscoped)."""
    with scopes_disabled():
        return {
            m._meta.label: m._base_manager.count()
            for m in apps.get_models()
            if not m._meta.proxy and m._meta.managed
        }


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise ArchiveRefused(f"{name} is not installed (PostgreSQL client tools are needed)")
    return path


def _pg_env() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump / pg_restore (no password on the
    command line)."""
    db = connection.settings_dict
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _snapshot_database(target: Path) -> tuple[str, dict[str, int]]:
    """Write a consistent snapshot of the database to ``target``: its member name and the
    number of rows of every model *in that snapshot* (the live database moves on)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)  # one step: a consistent snapshot
        finally:
            destination.close()
        return "database/borderpro.sqlite3", _counts_of_sqlite(target)
    if connection.vendor == "postgresql":
        args, env = _pg_env()
        # one REPEATABLE READ snapshot, shared with pg_dump: the counts are the dump's
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            counts = model_counts()
            result = subprocess.run(  # noqa: S603
                [
                    _tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-acl",
                    f"--snapshot={snapshot_id}",
                    "--file",
                    str(target),
                    *args,
                ],
                env=env,
                capture_output=True,
            )
        if result.returncode:
            raise ArchiveRefused(f"pg_dump failed: {result.stderr.decode(errors='replace')}")
        return "database/borderpro.pgdump", counts
    raise ArchiveRefused(f"backups support SQLite and PostgreSQL, not {connection.vendor}")


def create_backup(directory: Path) -> Path:
    """Write one backup archive into ``directory``; its path."""
    directory.mkdir(parents=True, exist_ok=True)
    started = timezone.now()
    path = directory / f"borderpro-backup-{started:%Y%m%dT%H%M%S%fZ}.tar.gz"
    writer = ArchiveWriter(path)
    try:
        with tempfile.TemporaryDirectory(prefix="borderpro-backup-") as scratch:
            snapshot = Path(scratch) / "database"
            member, counts = _snapshot_database(snapshot)
            writer.add_file(member, snapshot)
        files = 0
        for name in storage_files():
            writer.add_storage_file(FILES + name, name, default_storage)
            files += 1
        return writer.finish(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": app_version(),
                "created_at": started.isoformat(),
                "database": {"vendor": connection.vendor, "member": member},
                "migrations": migration_state(),
                "counts": counts,
                "files": files,
            }
        )
    except BaseException:
        writer.abandon()
        raise


def _counts_of_sqlite(snapshot: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    db = sqlite3.connect(snapshot)
    try:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        for model in apps.get_models():
            table = model._meta.db_table
            if model._meta.proxy or not model._meta.managed or table not in tables:
                continue
            sql = f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}"  # noqa: S608
            counts[model._meta.label] = db.execute(sql).fetchone()[0]
    finally:
        db.close()
    return counts


@dataclass
class RestoreReport:
    archive: Path
    created_at: str
    rows: int = 0
    files: int = 0
    chains: int = 0
    chain_records: int = 0
    problems: list[str] = field(default_factory=list)


def installation_is_empty() -> str:
    """'' if nothing is stored yet, else what is there."""
    from borderpro.accounts.models import User
    from borderpro.organizations.models import Organization

    with scopes_disabled():
        try:
            users, orgs = User.objects.count(), Organization.objects.count()
        except Exception:  # no tables yet (never migrated): empty
            users = orgs = 0
    if users or orgs:
        return f"the database already holds {users} user(s) and {orgs} organization(s)"
    first = next(iter(storage_files()), None)
    if first is not None:
        return f"private storage already holds files (e.g. {first})"
    return ""


def restore_backup(archive: Path) -> RestoreReport:
    """Restore ``archive`` into this empty installation; raise :class:`ArchiveRefused`."""
    with ArchiveReader(archive, expected_format=FORMAT, format_version=FORMAT_VERSION) as reader:
        manifest = reader.manifest
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise ArchiveRefused(
                f"the backup is of a {vendor} database; this installation uses "
                f"{connection.vendor} (use the organization export to move between them)"
            )
        occupied = installation_is_empty()
        if occupied:
            raise ArchiveRefused(
                f"restore needs an empty installation, but {occupied}; restore into a new "
                "database and an empty storage"
            )
        _restore_database(reader.member(manifest["database"]["member"]))
        report = RestoreReport(archive=Path(archive), created_at=manifest["created_at"])
        report.files = _restore_files(reader, manifest)
    _check_restored(manifest, report)
    return report


def _restore_database(snapshot: Path) -> None:
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(snapshot)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        return
    args, env = _pg_env()
    for alias in connections:
        connections[alias].close()
    result = subprocess.run(  # noqa: S603
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-acl",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(snapshot),
        ],
        env=env,
        capture_output=True,
    )
    if result.returncode:
        raise ArchiveRefused(f"pg_restore failed: {result.stderr.decode(errors='replace')}")


def _restore_files(reader: ArchiveReader, manifest: dict[str, Any]) -> int:
    restored = 0
    for member in sorted(manifest["members"]):
        if not member.startswith(FILES):
            continue
        name = member.removeprefix(FILES)
        with open(reader.member(member), "rb") as handle:
            stored = default_storage.save(name, File(handle, name=name))
        if stored != name:  # storage renamed it: it was not empty after all
            default_storage.delete(stored)
            raise ArchiveRefused(f"private storage already had {name}; restore stopped")
        restored += 1
    return restored


def _check_restored(manifest: dict[str, Any], report: RestoreReport) -> None:
    from borderpro.common.chain import verify_organization
    from borderpro.organizations.models import Organization

    if migration_state() != manifest["migrations"]:
        report.problems.append("the restored migration state differs from the manifest")
    counts = model_counts()
    report.rows = sum(counts.values())
    for label, expected in (manifest.get("counts") or {}).items():
        if counts.get(label) != expected:
            report.problems.append(f"{label}: {counts.get(label)} rows, the backup had {expected}")
    with scopes_disabled():
        for org in Organization.objects.order_by("code"):
            for chain in verify_organization(org, save=False):
                report.chains += 1
                report.chain_records += chain.checked
                if not chain.ok:
                    report.problems.append(f"{org.code}: {chain.problem}")
