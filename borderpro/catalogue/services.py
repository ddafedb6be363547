"""Writes for the catalogue: loading framework files, consultancy uploads, guidance notes.

Loading is two steps. :mod:`borderpro.catalogue.loader` reads and checks every file of the
run (nothing is written); then each good file is applied in its own transaction: refs are
the keys, changed wording is updated in place with history, a requirement missing from its
file is marked retired (never deleted), and the file's mappings are synchronised. A file
with any problem is refused whole. A file whose SHA-256 was already loaded is skipped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cmp_to_key
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError, transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django_scopes import scope
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from borderpro.catalogue import loader
from borderpro.catalogue.loader import CatalogueError, KnownRefs, ParsedFile
from borderpro.catalogue.models import Category, Framework, GuidanceNote, Mapping, Requirement
from borderpro.organizations.activity import activity_record

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
TEXT_FIELDS = ("title", "gist", "evidence", "unconfirmed")


@dataclass
class FileReport:
    """What loading one file did (or why it was refused)."""

    name: str
    status: str  # created | updated | unchanged | refused | not_loaded
    framework: Framework | None = None
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    mappings: int = 0
    errors: list[CatalogueError] = field(default_factory=list)

    def summary(self) -> str:
        if self.status == "refused":
            return _("%(file)s: refused, nothing of it was loaded") % {"file": self.name}
        if self.status == "not_loaded":
            return _("%(file)s: not loaded, because another file of the upload was refused") % {
                "file": self.name
            }
        if self.status == "unchanged":
            return _("%(file)s: unchanged") % {"file": self.name}
        return _(
            "%(file)s: %(status)s %(framework)s — %(added)s added, %(changed)s changed, "
            "%(retired)s retired, %(restored)s restored, %(mappings)s mappings"
        ) % {
            "file": self.name,
            "framework": self.framework.label if self.framework else "",
            "status": _("created") if self.status == "created" else _("updated"),
            "added": len(self.added),
            "changed": len(self.changed),
            "retired": len(self.retired),
            "restored": len(self.restored),
            "mappings": self.mappings,
        }


@dataclass
class LoadReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.status not in ("refused", "not_loaded") for f in self.files)

    @property
    def errors(self) -> list[CatalogueError]:
        return [e for f in self.files for e in f.errors]

    @property
    def frameworks(self) -> list[Framework]:
        return [f.framework for f in self.files if f.framework is not None]


# --- Loading ----------------------------------------------------------------------------


def catalogue_load_paths(
    paths: Iterable[Path] | None = None, *, actor: Any = None, force: bool = False
) -> LoadReport:
    """Load shipped catalogue files (all of ``data/`` when no path is given)."""
    chosen = list(paths) if paths else loader.shipped_files()
    return catalogue_load(
        sources=[(p.name, p.read_bytes()) for p in chosen], actor=actor, force=force
    )


def catalogue_load(
    *,
    sources: Sequence[tuple[str, bytes]],
    owner: Any = None,
    actor: Any = None,
    force: bool = False,
    all_or_nothing: bool = False,
) -> LoadReport:
    """Check every file, then apply each good one in its own transaction.

    ``owner`` is the consultancy for its own frameworks (None for the shipped catalogue).
    With ``all_or_nothing`` (uploads), one refused file stops the whole run.
    """
    report = LoadReport()
    loaded = set(_owner_frameworks(owner).values_list("sha256", flat=True)) if not force else set()
    parsed: list[ParsedFile] = []
    for name, content in sources:
        if hashlib.sha256(content).hexdigest() in loaded:
            report.files.append(FileReport(name=name, status="unchanged"))
            continue
        parsed.append(loader.read_file(name, content))
    loader.check_run(parsed, known_refs(owner))
    refused = [p for p in parsed if not p.ok]
    for item in refused:
        report.files.append(FileReport(name=item.name, status="refused", errors=list(item.errors)))
    good = [p for p in parsed if p.ok]
    if all_or_nothing and refused:
        report.files.extend(FileReport(name=p.name, status="not_loaded") for p in good)
        return report
    now = timezone.now()
    for group in _apply_order(good):
        report.files.extend(_apply_group(group, owner=owner, actor=actor, now=now))
    order = {name: index for index, (name, _content) in enumerate(sources)}
    report.files.sort(key=lambda f: order.get(f.name, 0))
    return report


def _apply_group(group: list[ParsedFile], *, owner: Any, actor: Any, now: Any) -> list[FileReport]:
    """Apply files in one transaction; a database refusal refuses the group, whole."""
    reports = []
    try:
        with transaction.atomic():
            applied = [
                (item, *_apply_content(item, owner=owner, actor=actor, now=now)) for item in group
            ]
            for item, file_report, rows in applied:  # mappings once every file's requirements exist
                _apply_mappings(item, file_report, rows, owner=owner)
                reports.append(file_report)
                if owner is not None and file_report.framework is not None:
                    activity_record(
                        organization=owner,
                        actor=actor,
                        verb="catalogue.framework_loaded",
                        target=file_report.framework,
                        name=str(file_report.framework.name),
                        edition=file_report.framework.edition,
                    )
    except DatabaseError as exc:
        message = _("the database refused it (%(reason)s)") % {"reason": str(exc).strip()[:200]}
        return [
            FileReport(
                name=item.name, status="refused", errors=[CatalogueError(item.name, "", message)]
            )
            for item in group
        ]
    return reports


def _owner_frameworks(owner: Any) -> Any:
    return (
        Framework.objects.filter(owner__isnull=True)
        if owner is None
        else Framework.objects.filter(owner=owner)
    )


def _in_scope(owner: Any, prefix: str = "framework__") -> Q:
    shipped = Q(**{f"{prefix}owner__isnull": True})
    return shipped if owner is None else shipped | Q(**{f"{prefix}owner": owner})


def known_refs(owner: Any) -> KnownRefs:
    """The refs already loaded that files of this owner may map to."""
    known = KnownRefs(owned=owner is not None)
    rows = Requirement.objects.filter(_in_scope(owner)).values_list(
        "ref", "framework__code", "framework__owner_id"
    )
    for ref, code, owner_id in rows:
        known.families[ref] = code
        if owner_id is None:
            known.shipped_refs.add(ref)
    known.shipped_codes = set(
        Framework.objects.filter(owner__isnull=True).values_list("code", flat=True)
    )
    return known


def _apply_order(files: list[ParsedFile]) -> list[list[ParsedFile]]:
    """Files whose mapping targets are in other files of the run come after those files;
    files that map to each other (a cycle) share one transaction."""
    ref_file = {ref: f.name for f in files for ref in f.refs}
    needs = {
        f.name: {
            ref_file[m["ref"]]
            for r in f.requirements
            for m in r.get("mappings") or []
            if m["ref"] in ref_file
        }
        - {f.name}
        for f in files
    }
    remaining = list(files)
    done: set[str] = set()
    groups: list[list[ParsedFile]] = []
    while remaining:
        ready = [f for f in remaining if needs[f.name] <= done]
        if ready:
            groups.extend([f] for f in ready)
        else:
            ready = list(remaining)
            groups.append(ready)
        done.update(f.name for f in ready)
        remaining = [f for f in remaining if f.name not in done]
    return groups


def _natural(label: str) -> tuple[tuple[bool, Any], ...]:
    return tuple(
        (p.isdigit(), int(p) if p.isdigit() else p) for p in re.split(r"(\d+)", label) if p
    )


def _compare_editions(a: Framework, b: Framework) -> int:
    """Which edition is newer: by effective date when both have one, else by label (2019 < 2024, v2 < v10)."""
    if a.effective_from and b.effective_from and a.effective_from != b.effective_from:
        return -1 if a.effective_from < b.effective_from else 1
    left, right = _natural(a.edition), _natural(b.edition)
    return (left > right) - (left < right)


_edition_key = cmp_to_key(_compare_editions)


def _apply_content(
    item: ParsedFile, *, owner: Any, actor: Any, now: Any
) -> tuple[FileReport, dict[str, Requirement]]:
    framework, created = _save_framework(item, owner=owner, actor=actor, now=now)
    categories = _save_categories(item, framework)
    report = FileReport(
        name=item.name, status="created" if created else "updated", framework=framework
    )
    rows = _save_requirements(item, framework, categories, report, actor=actor, now=now)
    previous = _choose_current_edition(framework)
    if previous is not None:
        _repoint_mappings(previous, framework)
    return report, rows


def _apply_mappings(
    item: ParsedFile, report: FileReport, rows: dict[str, Requirement], *, owner: Any
) -> None:
    report.mappings, mapping_changes = _sync_mappings(item, rows, owner=owner)
    unchanged = not (
        report.added or report.changed or report.retired or report.restored or mapping_changes
    )
    if report.status == "updated" and unchanged:
        report.status = "unchanged"


def _save_framework(
    item: ParsedFile, *, owner: Any, actor: Any, now: Any
) -> tuple[Framework, bool]:
    data = item.framework
    framework = _owner_frameworks(owner).filter(code=item.code, edition=item.edition).first()
    created = framework is None
    if framework is None:
        framework = Framework(owner=owner, code=item.code, edition=item.edition)
    notes = data.get("notes") or {}
    effective = data.get("effective_from")
    values = {
        "kind": data["kind"],
        "source_url": data["source_url"].strip(),
        "confidence": data["confidence"],
        "effective_from": date.fromisoformat(effective) if effective else None,
        "position": loader.family_position(item.code, owner is not None),
        "file_name": item.name[:255],
        "sha256": item.sha256,
        "loaded_at": now,
        "loaded_by": actor,
    }
    for name in ("name", "short_name", "authority"):
        for lang in ("en", "fr"):
            values[f"{name}_{lang}"] = data[name][lang].strip()
    for lang in ("en", "fr"):
        values[f"notes_{lang}"] = (notes.get(lang) or "").strip()
    for key, value in values.items():
        setattr(framework, key, value)
    framework.save()
    return framework, created


def _save_categories(item: ParsedFile, framework: Framework) -> dict[str, Category]:
    existing = {c.code: c for c in Category.objects.filter(framework=framework)}
    fields = ["title_en", "title_fr", "description_en", "description_fr", "position"]
    to_create, to_update = [], []
    for position, data in enumerate(item.categories):
        description = data.get("description") or {}
        values = {
            "title_en": data["title"]["en"].strip(),
            "title_fr": data["title"]["fr"].strip(),
            "description_en": (description.get("en") or "").strip(),
            "description_fr": (description.get("fr") or "").strip(),
            "position": position,
        }
        category = existing.get(data["code"])
        if category is None:
            existing[data["code"]] = category = Category(
                framework=framework, code=data["code"], **values
            )
            to_create.append(category)
        elif any(getattr(category, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(category, key, value)
            to_update.append(category)
    Category.objects.bulk_create(to_create)
    if to_update:
        Category.objects.bulk_update(to_update, fields)
    return existing


def _requirement_values(
    data: dict[str, Any], categories: dict[str, Category], position: int
) -> dict[str, Any]:
    unconfirmed = data.get("unconfirmed") or {}
    applies = {k: list(v) for k, v in (data.get("applies_to") or {}).items() if v}
    values: dict[str, Any] = {
        "category_id": categories[data["category"]].pk,
        "official_id": data.get("official_id") or "",
        "level": data["level"],
        "applies_to": applies,
        "procedure_required": bool(data["procedure_required"]),
        "review": data["review"],
        "source_url": data["source_url"].strip(),
        "confidence": data["confidence"],
        "position": position,
    }
    for name in ("title", "gist", "evidence"):
        for lang in ("en", "fr"):
            values[f"{name}_{lang}"] = data[name][lang].strip()
    for lang in ("en", "fr"):
        values[f"unconfirmed_{lang}"] = (unconfirmed.get(lang) or "").strip()
        values[f"search_{lang}"] = loader.search_text(
            data["ref"],
            values["official_id"],
            values[f"title_{lang}"],
            values[f"gist_{lang}"],
            values[f"evidence_{lang}"],
        )
    return values


def _save_requirements(
    item: ParsedFile,
    framework: Framework,
    categories: dict[str, Category],
    report: FileReport,
    *,
    actor: Any,
    now: Any,
) -> dict[str, Requirement]:
    existing = {r.ref: r for r in Requirement.objects.filter(framework=framework)}
    reason = item.name[:100]  # the page says "loaded from <file>" in the reader's language
    to_create: list[Requirement] = []
    to_update: list[Requirement] = []
    changed_fields: set[str] = set()
    for position, data in enumerate(item.requirements):
        values = _requirement_values(data, categories, position)
        row = existing.get(data["ref"])
        if row is None:
            existing[data["ref"]] = row = Requirement(
                framework=framework, ref=data["ref"], **values
            )
            to_create.append(row)
            report.added.append(row.ref)
            continue
        changed = [k for k, v in values.items() if getattr(row, k) != v]
        if row.retired_at is not None:
            changed.append("retired_at")
            values["retired_at"] = None
            report.restored.append(row.ref)
        if changed:
            for key in changed:
                setattr(row, key, values[key])
            changed_fields.update(changed)
            to_update.append(row)
            if set(changed) - {"position", "search_en", "search_fr", "retired_at"}:
                report.changed.append(row.ref)
    in_file = {data["ref"] for data in item.requirements}
    for ref, row in existing.items():
        if ref not in in_file and row.retired_at is None:
            row.retired_at = now
            changed_fields.add("retired_at")
            to_update.append(row)
            report.retired.append(ref)
    if to_create:
        bulk_create_with_history(
            to_create, Requirement, default_user=actor, default_change_reason=reason
        )
    if to_update:
        for row in to_update:
            row.updated_at = now
        bulk_update_with_history(
            to_update,
            Requirement,
            sorted(changed_fields | {"updated_at"}),
            default_user=actor,
            default_change_reason=reason,
        )
    return existing


def _choose_current_edition(framework: Framework) -> Framework | None:
    """Mark the newest edition of the family current. Returns the edition it replaced
    when ``framework`` just became current, so mappings can follow."""
    family = list(_owner_frameworks(framework.owner).filter(code=framework.code))
    best = max(family, key=_edition_key)
    previous = next((f for f in family if f.is_current), None)
    if previous is not None and previous.pk == best.pk:
        framework.is_current = framework.pk == best.pk
        return None
    _owner_frameworks(framework.owner).filter(code=framework.code, is_current=True).update(
        is_current=False
    )
    Framework.objects.filter(pk=best.pk).update(is_current=True)
    framework.is_current = framework.pk == best.pk
    return previous if framework.is_current else None


def _repoint_mappings(previous: Framework, current: Framework) -> None:
    """Mappings from other frameworks into the previous edition now point to the same ref
    in the new edition (when it is there)."""
    new_rows = dict(
        Requirement.objects.filter(framework=current, retired_at__isnull=True).values_list(
            "ref", "pk"
        )
    )
    taken = set(
        Mapping.objects.filter(to_requirement__framework=current).values_list(
            "from_requirement_id", "to_requirement_id"
        )
    )
    moved = []
    links = (
        Mapping.objects.filter(to_requirement__framework=previous)
        .exclude(from_requirement__framework__in=[previous, current])
        .select_related("to_requirement")
    )
    for link in links:
        target = new_rows.get(link.to_requirement.ref)
        if target is not None and (link.from_requirement_id, target) not in taken:
            link.to_requirement_id = target
            taken.add((link.from_requirement_id, target))
            moved.append(link)
    if moved:
        Mapping.objects.bulk_update(moved, ["to_requirement"])


def _resolve_targets(refs: set[str], *, owner: Any) -> dict[str, Any]:
    """Ref → requirement id: the current edition holding the ref, else the newest one."""
    best: dict[str, tuple[tuple[Any, ...], Any]] = {}
    rows = Requirement.objects.filter(_in_scope(owner), ref__in=refs).select_related("framework")
    for row in rows:
        rank = (
            row.framework.is_current and row.retired_at is None,
            row.retired_at is None,
            _edition_key(row.framework),
        )
        if row.ref not in best or rank > best[row.ref][0]:
            best[row.ref] = (rank, row.pk)
    return {ref: pk for ref, (_rank, pk) in best.items()}


def _sync_mappings(
    item: ParsedFile, rows: dict[str, Requirement], *, owner: Any
) -> tuple[int, int]:
    """Make the stored mappings of the file's requirements what the file says.
    Returns the number of mappings and the number of changes."""
    outside = {m["ref"] for r in item.requirements for m in r.get("mappings") or []} - item.refs
    resolved = _resolve_targets(outside, owner=owner)
    desired: dict[tuple[Any, Any], str] = {}
    for data in item.requirements:
        source = rows[data["ref"]].pk
        for mapping in data.get("mappings") or []:
            target = rows[mapping["ref"]].pk if mapping["ref"] in rows else resolved[mapping["ref"]]
            desired[(source, target)] = mapping["relation"]
    sources = [rows[ref].pk for ref in item.refs]
    existing = {
        (m.from_requirement_id, m.to_requirement_id): m
        for m in Mapping.objects.filter(from_requirement_id__in=sources)
    }
    stale = [m.pk for key, m in existing.items() if key not in desired]
    if stale:
        Mapping.objects.filter(pk__in=stale).delete()
    changed = []
    for key, relation in desired.items():
        link = existing.get(key)
        if link is not None and link.relation != relation:
            link.relation = relation
            changed.append(link)
    if changed:
        Mapping.objects.bulk_update(changed, ["relation"])
    new = [
        Mapping(from_requirement_id=s, to_requirement_id=t, relation=r)
        for (s, t), r in desired.items()
        if (s, t) not in existing
    ]
    Mapping.objects.bulk_create(new)
    return len(desired), len(stale) + len(changed) + len(new)


# --- Consultancy frameworks -------------------------------------------------------------


def framework_upload(
    *, actor: Any, organization: Any, uploads: Sequence[UploadedFile]
) -> LoadReport:
    """A consultancy loads its own framework files: same format, same checks, all or nothing."""
    if not organization.is_consultancy:
        raise ValidationError(_("Only a consultancy can load its own frameworks."))
    sources: list[tuple[str, bytes]] = []
    problems: list[CatalogueError] = []
    for upload in uploads:
        name = Path(upload.name or "file.yaml").name
        if not name.lower().endswith((".yaml", ".yml")):
            problems.append(
                CatalogueError(name, "", _("only YAML files (.yaml or .yml) can be loaded"))
            )
        elif (upload.size or 0) > MAX_UPLOAD_BYTES:
            problems.append(
                CatalogueError(
                    name,
                    "",
                    _("the file is %(size)s; the limit is %(limit)s")
                    % {
                        "size": filesizeformat(upload.size or 0),
                        "limit": filesizeformat(MAX_UPLOAD_BYTES),
                    },
                )
            )
        else:
            sources.append((name, b"".join(upload.chunks())))
    if problems:
        report = LoadReport(
            files=[FileReport(name=e.file, status="refused", errors=[e]) for e in problems]
        )
        report.files.extend(FileReport(name=n, status="not_loaded") for n, _c in sources)
        return report
    return catalogue_load(sources=sources, owner=organization, actor=actor, all_or_nothing=True)


# --- Guidance notes ---------------------------------------------------------------------


def guidance_note_save(
    *, actor: Any, consultancy: Any, requirement: Requirement, text: str
) -> GuidanceNote:
    """Create or replace the consultancy's note on a requirement."""
    if consultancy is None or not consultancy.is_consultancy:
        raise ValidationError(_("Guidance notes belong to a consultancy."))
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write the guidance, or delete the note.")})
    with scope(organization=consultancy), transaction.atomic():
        note = GuidanceNote.objects.filter(
            organization=consultancy, requirement=requirement
        ).first()
        if note is None:
            note = GuidanceNote(organization=consultancy, requirement=requirement)
        note.text = text
        note.author = actor
        note.full_clean()
        note.save()
        activity_record(
            organization=consultancy,
            actor=actor,
            verb="catalogue.note_saved",
            target=note,
            ref=requirement.ref,
        )
    return note


def guidance_note_delete(*, actor: Any, note: GuidanceNote) -> None:
    with transaction.atomic():
        ref = note.requirement.ref
        organization = note.organization
        note.delete()
        activity_record(
            organization=organization, actor=actor, verb="catalogue.note_deleted", ref=ref
        )
