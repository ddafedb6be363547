"""What backups and organization exports share: a tar archive whose ``manifest.json``
lists every other member with its SHA-256 and size, the app version and the migration
state; reading it back refuses a truncated or altered archive with a clear reason."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import Storage, default_storage
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
# files in private storage that are not data: the readiness probe's scratch folder
SKIPPED_STORAGE_DIRS = {"_readyz"}


class ArchiveRefused(Exception):
    """The archive cannot be used; the message says why, in words an operator acts on."""


def app_version() -> str:
    with open(Path(settings.BASE_DIR) / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def migration_state() -> dict[str, list[str]]:
    """The applied migrations of every app, sorted (what a restore must match)."""
    state: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        state.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(state.items())}


def storage_files(storage: Storage | None = None, folder: str = "") -> Iterator[str]:
    """Every file name in private storage (recursively), sorted, probes left out."""
    storage = storage or default_storage
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(dirs):
        if not folder and sub in SKIPPED_STORAGE_DIRS:
            continue
        yield from storage_files(storage, f"{folder}/{sub}" if folder else sub)


class _Hashing(io.RawIOBase):
    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Write members to a tar.gz (hashing each), then the manifest; the archive appears
    under its final name only when complete."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        # only the owner reads it: the archive holds every record and file
        handle = os.fdopen(
            os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb"
        )
        self.tar = tarfile.open(fileobj=handle, mode="w:gz")  # noqa: SIM115 (closed in finish)
        self.handle = handle
        self.members: dict[str, dict[str, Any]] = {}

    def add_stream(self, name: str, handle: IO[bytes], size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size = size
        info.mode = 0o600
        hashing = _Hashing(handle)
        self.tar.addfile(info, hashing)
        if hashing.size != size:
            raise OSError(f"{name}: {hashing.size} bytes read, {size} expected")
        self.members[name] = {"sha256": hashing.sha256.hexdigest(), "size": size}

    def add_bytes(self, name: str, data: bytes) -> None:
        self.add_stream(name, io.BytesIO(data), len(data))

    def add_file(self, name: str, path: Path) -> None:
        with open(path, "rb") as handle:
            self.add_stream(name, handle, path.stat().st_size)

    def add_storage_file(self, name: str, storage_name: str, storage: Storage) -> None:
        with storage.open(storage_name, "rb") as handle:
            self.add_stream(name, handle, storage.size(storage_name))

    def finish(self, manifest: dict[str, Any]) -> Path:
        manifest = {**manifest, "members": self.members}
        self.add_bytes(MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
        self.tar.close()
        self.handle.close()
        self.partial.replace(self.path)
        return self.path

    def abandon(self) -> None:
        self.tar.close()
        self.handle.close()
        self.partial.unlink(missing_ok=True)


class ArchiveReader:
    """Unpack an archive into a private temporary folder and check every member against
    the manifest before anything is used."""

    def __init__(self, path: Path, *, expected_format: str, format_version: int) -> None:
        self.path = Path(path)
        self.folder = Path(tempfile.mkdtemp(prefix="borderpro-archive-"))
        try:
            self.manifest = self._unpack(expected_format, format_version)
        except BaseException:
            self.close()
            raise

    def _unpack(self, expected_format: str, format_version: int) -> dict[str, Any]:
        if not self.path.is_file():
            raise ArchiveRefused(f"{self.path}: no such file")
        try:
            with tarfile.open(self.path, "r:*") as tar:
                tar.extractall(self.folder, filter="data")
        except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
            raise ArchiveRefused(
                f"{self.path.name} is truncated or damaged and cannot be read ({exc})"
            ) from None
        manifest_path = self.folder / MANIFEST
        if not manifest_path.is_file():
            raise ArchiveRefused(f"{self.path.name} has no {MANIFEST}: it is truncated or not ours")
        try:
            manifest = json.loads(manifest_path.read_bytes())
        except ValueError:
            raise ArchiveRefused(f"{MANIFEST} of {self.path.name} is not valid JSON") from None
        if manifest.get("format") != expected_format:
            raise ArchiveRefused(
                f"{self.path.name} is not a {expected_format} archive "
                f"(its manifest says {manifest.get('format')!r})"
            )
        if manifest.get("format_version") != format_version:
            raise ArchiveRefused(
                f"{self.path.name} has format version {manifest.get('format_version')!r}; this "
                f"installation reads version {format_version} only"
            )
        self._check_members(manifest.get("members") or {})
        return manifest

    def _check_members(self, members: dict[str, dict[str, Any]]) -> None:
        present = {
            str(p.relative_to(self.folder)) for p in self.folder.rglob("*") if p.is_file()
        } - {MANIFEST}
        missing = sorted(set(members) - present)
        if missing:
            raise ArchiveRefused(
                f"{self.path.name} is truncated: {len(missing)} member(s) listed in the manifest "
                f"are missing (first: {missing[0]})"
            )
        extra = sorted(present - set(members))
        if extra:
            raise ArchiveRefused(
                f"{self.path.name} was altered: {extra[0]} is not listed in the manifest"
            )
        for name, expected in sorted(members.items()):
            if file_sha256(self.folder / name) != expected.get("sha256"):
                raise ArchiveRefused(
                    f"{self.path.name} was altered or damaged: the SHA-256 of {name} does not "
                    "match the manifest"
                )

    def member(self, name: str) -> Path:
        return self.folder / name

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> ArchiveReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
