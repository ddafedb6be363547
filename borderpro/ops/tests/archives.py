"""Helpers that damage archives the way disks, transfers and people do."""

from __future__ import annotations

import json
import tarfile
from collections.abc import Callable
from pathlib import Path

from borderpro.ops.archive import file_sha256


def rewrite(archive: Path, change: Callable[[Path], None], *, fix_manifest: bool = False) -> Path:
    """A copy of ``archive`` after ``change(folder)``; with ``fix_manifest`` the hashes are
    recomputed (an edit made to look consistent)."""
    tag = getattr(change, "__name__", "changed")
    folder = archive.parent / f"{archive.name}.{tag}"
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    change(folder)
    if fix_manifest:
        manifest = json.loads((folder / "manifest.json").read_text())
        manifest["members"] = {
            str(p.relative_to(folder)): {"sha256": file_sha256(p), "size": p.stat().st_size}
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != "manifest.json"
        }
        (folder / "manifest.json").write_text(json.dumps(manifest))
    out = archive.with_name(f"{tag}-{archive.name}")
    with tarfile.open(out, "w:gz") as tar:
        for p in sorted(folder.rglob("*")):
            if p.is_file():
                tar.add(p, arcname=str(p.relative_to(folder)))
    return out


def truncated(archive: Path) -> Path:
    out = archive.with_name("cut-" + archive.name)
    data = archive.read_bytes()
    out.write_bytes(data[: len(data) * 2 // 3])
    return out
