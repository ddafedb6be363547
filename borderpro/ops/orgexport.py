"""One organization's complete data as a documented archive, and its import elsewhere
(docs/organization-export.md describes the format; decision 0012 the choices).

What is exported is decided by walking the app registry, so a new module's models are
covered without a change here: every concrete model with an ``organization`` foreign key
(its rows of this organization, history models included), the models reached through
``OWNED_THROUGH`` (the organization itself, frameworks a consultancy loaded), the people
those rows name (``users.json``, no password), the global reference rows they point to by
natural key (``references.json``: the shipped catalogue) and every file their file fields
name. A model that is none of these must be listed in ``EXCLUDED`` with the reason; a test
fails on any model left unclassified.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone
from django_scopes import scopes_disabled

from borderpro.ops.archive import (
    ArchiveReader,
    ArchiveRefused,
    ArchiveWriter,
    app_version,
    migration_state,
)

FORMAT = "borderpro-organization"
FORMAT_VERSION = 1

# models whose rows of an organization are reached through a path, not an organization key
OWNED_THROUGH: dict[str, str] = {
    "organizations.Organization": "pk",
    "organizations.HistoricalOrganization": "id",
    "catalogue.Framework": "owner",
    "catalogue.Category": "framework__owner",
    "catalogue.Requirement": "framework__owner",
    "catalogue.HistoricalRequirement": "framework__owner",
    "catalogue.Mapping": "from_requirement__framework__owner",
}

# global reference rows tenant rows point to, matched in the other installation by these
# fields (a foreign key in the list is matched by the referenced row's own key)
REFERENCE_KEYS: dict[str, tuple[str, ...]] = {
    "catalogue.Framework": ("code", "edition"),
    "catalogue.Category": ("framework", "code"),
    "catalogue.Requirement": ("framework", "ref"),
    "training.Course": ("code",),
}

# models that are not part of an organization's data, and why
EXCLUDED: dict[str, str] = {
    "admin.LogEntry": "staff actions in the Django admin concern the installation",
    "auth.Permission": "made by migrations in every installation",
    "auth.Group": "not used: roles live on organization memberships",
    "contenttypes.ContentType": "made by migrations in every installation",
    "sessions.Session": "sign-in sessions are never carried to another installation",
    "account.EmailAddress": "sign-in addresses: people are exported in users.json",
    "account.EmailConfirmation": "pending e-mail confirmations expire",
    "mfa.Authenticator": "second factors are personal secrets: set up again after import",
    "django_tasks_database.DBTaskResult": "the worker's queue of the installation",
    "accounts.User": "exported as users.json (the people the rows name), without passwords",
    "accounts.ApiToken": "credentials: new tokens are issued in the new installation",
    "common.Job": "background jobs and their temporary result files",
    "organizations.ClientLink": "a link between two organizations: relinked after import",
    "organizations.HistoricalClientLink": "history of links between two organizations",
    "organizations.ConsultantAssignment": "consultant assignments hang on a client link",
    "organizations.HistoricalConsultantAssignment": "history of consultant assignments",
    "ops.Heartbeat": "background processes of the installation",
    "deadlines.ReminderPreference": "a person's own reminder settings, not an organization's",
    "deadlines.HistoricalReminderPreference": "history of a person's own reminder settings",
    "training.Course": "shipped with the app (training/data/courses.yaml): matched by code",
}


class ExactEncoder(DjangoJSONEncoder):
    """Times keep their microseconds (hash chains hash them; Django's encoder cuts them to
    milliseconds)."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


class ExportClassificationError(LookupError):
    pass


def _label(model: Any) -> str:
    return str(model._meta.label) if model is not None else ""


def _has_organization_key(model: type[models.Model]) -> bool:
    try:
        f = model._meta.get_field("organization")
    except Exception:
        return False
    return bool(f.is_relation and _label(f.related_model) == "organizations.Organization")


def exported_models() -> list[tuple[type[models.Model], str]]:
    """Every exported model and the lookup that selects one organization's rows."""
    found: list[tuple[type[models.Model], str]] = []
    unclassified = []
    for model in apps.get_models():
        label = model._meta.label
        if model._meta.proxy or not model._meta.managed or label in EXCLUDED:
            continue
        if label in OWNED_THROUGH:
            found.append((model, OWNED_THROUGH[label]))
        elif _has_organization_key(model):
            found.append((model, "organization"))
        else:
            unclassified.append(label)
    if unclassified:
        raise ExportClassificationError(
            "models neither exported nor excluded: " + ", ".join(unclassified)
        )
    return found


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _user_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and f.related_model is apps.get_model(settings.AUTH_USER_MODEL)
    ]


def _reference_fields(model: type[models.Model]) -> list[models.Field]:
    return [
        f
        for f in model._meta.concrete_fields
        if f.is_relation and _label(f.related_model) in REFERENCE_KEYS
    ]


def _reference_key(obj: models.Model) -> list[Any]:
    key: list[Any] = []
    for name in REFERENCE_KEYS[obj._meta.label]:
        value = getattr(obj, name)
        key.append(_reference_key(value) if isinstance(value, models.Model) else value)
    return key


USER_FIELDS = ("email", "full_name", "language", "first_name", "last_name", "is_active")


def _user_rows(ids: Iterable[Any]) -> list[dict[str, Any]]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    rows = []
    for user in user_model._base_manager.filter(pk__in=set(ids)).order_by("pk"):
        row = {"pk": user.pk}
        row.update({name: getattr(user, name) for name in USER_FIELDS if hasattr(user, name)})
        rows.append(row)
    return rows


@dataclass
class ExportSummary:
    path: Path
    rows: int = 0
    files: int = 0
    users: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    missing_files: list[str] = field(default_factory=list)


def export_organization(
    organization: Any, directory: Path, *, progress: Any = None
) -> ExportSummary:
    """Write ``organization``'s archive into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    now = timezone.now()
    path = directory / f"borderpro-{organization.code}-{now:%Y%m%dT%H%M%SZ}.tar.gz"
    writer = ArchiveWriter(path)
    summary = ExportSummary(path=path)
    try:
        # one consistent view of every table (PostgreSQL), unless already inside a
        # transaction, whose isolation can no longer change
        fresh = not connection.in_atomic_block
        with scopes_disabled(), transaction.atomic():
            if connection.vendor == "postgresql" and fresh:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            _write_export(organization, writer, summary, progress)
        writer.finish(
            {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "app_version": app_version(),
                "created_at": now.isoformat(),
                "organization": {
                    "id": str(organization.pk),
                    "code": organization.code,
                    "name": organization.name,
                },
                "migrations": migration_state(),
                "counts": summary.counts,
                "missing_files": summary.missing_files,
            }
        )
    except BaseException:
        writer.abandon()
        raise
    return summary


def _write_export(
    organization: Any, writer: ArchiveWriter, summary: ExportSummary, progress: Any
) -> None:
    users: set[Any] = set()
    references: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    files: set[str] = set()
    models_ = exported_models()
    own_ids: dict[str, set[str]] = defaultdict(set)
    for index, (model, lookup) in enumerate(models_):
        queryset = model._base_manager.filter(**{lookup: organization.pk}).order_by("pk")
        rows = list(queryset)
        if not rows:
            continue
        label = model._meta.label
        own_ids[label].update(str(r.pk) for r in rows)
        for row in rows:
            users.update(v for f in _user_fields(model) if (v := getattr(row, f.attname)))
            files.update(v.name for f in _file_fields(model) if (v := getattr(row, f.name)))
            for f in _reference_fields(model):
                target = getattr(row, f.name)
                if target is not None:
                    references[target._meta.label][str(target.pk)] = _reference_key(target)
        data = serializers.serialize("python", rows)
        writer.add_bytes(f"data/{label}.json", json.dumps(data, cls=ExactEncoder).encode())
        summary.counts[label] = len(rows)
        summary.rows += len(rows)
        if progress:
            progress(index + 1, len(models_))
    # reference rows exported with the organization (its own frameworks) are not looked up
    for label, ids in own_ids.items():
        for pk in ids:
            references.get(label, {}).pop(pk, None)
    user_rows = _user_rows(users)
    summary.users = len(user_rows)
    writer.add_bytes("users.json", json.dumps(user_rows, indent=1, default=str).encode())
    writer.add_bytes(
        "references.json",
        json.dumps({k: v for k, v in references.items() if v}, indent=1, default=str).encode(),
    )
    for name in sorted(files):
        if not default_storage.exists(name):  # e.g. an old logo named by a history row
            summary.missing_files.append(name)
            continue
        writer.add_storage_file(f"files/{name}", name, default_storage)
        summary.files += 1


@dataclass
class ImportSummary:
    code: str
    rows: int = 0
    files: int = 0
    users_created: int = 0
    chains: int = 0
    chain_records: int = 0
    resealed: int = 0


def import_organization(archive: Path) -> ImportSummary:
    """Import an organization archive, all or nothing; raise :class:`ArchiveRefused`."""
    with (
        ArchiveReader(archive, expected_format=FORMAT, format_version=FORMAT_VERSION) as reader,
        scopes_disabled(),
    ):
        manifest = reader.manifest
        _check_compatible(manifest)
        mapping = _resolve_references(json.loads(reader.member("references.json").read_bytes()))
        user_rows = json.loads(reader.member("users.json").read_bytes())
        _check_users(user_rows)
        summary = ImportSummary(code=manifest["organization"]["code"])
        written = _write_files(reader, manifest)
        try:
            with transaction.atomic():
                summary.users_created = _create_users(user_rows)
                _load_rows(reader, manifest, mapping, summary)
                _verify_and_reseal(manifest, summary)
        except BaseException:
            for name in written:  # nothing half-imported: the files go with the rows
                default_storage.delete(name)
            raise
        summary.files = len(written)
        return summary


def _check_compatible(manifest: dict[str, Any]) -> None:
    from borderpro.organizations.models import Organization

    here = migration_state()
    theirs = manifest.get("migrations") or {}
    apps_in_archive = {label.split(".")[0] for label in manifest.get("counts", {})}
    app_labels = {apps.get_model(label)._meta.app_label for label in manifest.get("counts", {})}
    for app_label in sorted(app_labels | (apps_in_archive & set(here))):
        if theirs.get(app_label) != here.get(app_label):
            mine = (here.get(app_label) or ["none"])[-1]
            other = (theirs.get(app_label) or ["none"])[-1]
            raise ArchiveRefused(
                f"incompatible version: the archive's {app_label} data is at migration "
                f"{other}, this installation is at {mine} (app version "
                f"{manifest.get('app_version')} here {app_version()}); bring both to the same "
                "release first"
            )
    org = manifest["organization"]
    existing = Organization.objects.filter(code=org["code"]).first() or (
        Organization.objects.filter(pk=org["id"]).first()
    )
    if existing is not None:
        raise ArchiveRefused(
            f"an organization with code {org['code']} (or the same id) already exists here"
        )


def _resolve_references(references: dict[str, dict[str, list[Any]]]) -> dict[str, dict[str, Any]]:
    """Old id → id in this installation of every global reference row the archive names."""
    mapping: dict[str, dict[str, Any]] = {}
    for label, rows in references.items():
        if label not in REFERENCE_KEYS:
            raise ArchiveRefused(f"the archive refers to {label}, unknown here")
        model = apps.get_model(label)
        mapping[label] = {}
        for old, key in rows.items():
            found = _find_reference(model, key)
            if found is None:
                raise ArchiveRefused(
                    f"this installation lacks {model._meta.verbose_name} {_show_key(key)} the "
                    "archive refers to: load the same catalogue first (manage.py load_catalogue)"
                )
            mapping[label][old] = found
    return mapping


def _show_key(key: list[Any]) -> str:
    return " ".join(_show_key(k) if isinstance(k, list) else str(k) for k in key)


def _find_reference(model: type[models.Model], key: list[Any]) -> Any:
    filters: dict[str, Any] = {}
    for name, value in zip(REFERENCE_KEYS[model._meta.label], key, strict=True):
        f = model._meta.get_field(name)
        if f.is_relation and f.related_model is not None:
            target = _find_reference(f.related_model, value)
            if target is None:
                return None
            filters[getattr(f, "attname", name)] = target
        else:
            filters[name] = value
    if "owner" in {f.name for f in model._meta.concrete_fields}:
        filters["owner__isnull"] = True
    return model._base_manager.filter(**filters).values_list("pk", flat=True).first()


def _check_users(rows: list[dict[str, Any]]) -> None:
    """People keep their ids (operational records hash the id of who recorded them)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    for row in rows:
        same_id = user_model._base_manager.filter(pk=row["pk"]).first()
        if same_id is not None and same_id.email.lower() != row["email"].lower():
            raise ArchiveRefused(
                f"person #{row['pk']} of the archive ({row['email']}) has an id already used "
                f"by another person here; records keep who recorded them by id, so the "
                "import needs that id free"
            )
        by_email = user_model._base_manager.filter(email__iexact=row["email"]).first()
        if by_email is not None and by_email.pk != row["pk"]:
            raise ArchiveRefused(
                f"{row['email']} already has an account here under another id; the import "
                "needs the same id"
            )


def _create_users(rows: list[dict[str, Any]]) -> int:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    created = 0
    for row in rows:
        if user_model._base_manager.filter(pk=row["pk"]).exists():
            continue
        user = user_model(pk=row["pk"], **{k: v for k, v in row.items() if k in USER_FIELDS})
        user.set_unusable_password()  # they choose a new one ("forgot password")
        user.save()
        created += 1
    if created:
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [user_model]):
                cursor.execute(sql)
    return created


def _write_files(reader: ArchiveReader, manifest: dict[str, Any]) -> list[str]:
    names = [m.removeprefix("files/") for m in manifest["members"] if m.startswith("files/")]
    taken = [n for n in names if default_storage.exists(n)]
    if taken:
        raise ArchiveRefused(f"private storage already holds {taken[0]}")
    written: list[str] = []
    try:
        for name in sorted(names):
            with open(reader.member(f"files/{name}"), "rb") as handle:
                stored = default_storage.save(name, File(handle, name=name))
            written.append(stored)
            if stored != name:
                raise ArchiveRefused(f"private storage already holds {name}")
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    return written


def _load_rows(
    reader: ArchiveReader,
    manifest: dict[str, Any],
    mapping: dict[str, dict[str, Any]],
    summary: ImportSummary,
) -> None:
    for label in manifest["counts"]:
        model = apps.get_model(label)
        drop_pk = isinstance(model._meta.pk, AutoFieldMixin)  # row numbers: given anew
        refs = _reference_fields(model)
        try:
            data = json.loads(reader.member(f"data/{label}.json").read_bytes())
        except (OSError, ValueError):
            raise ArchiveRefused(f"data/{label}.json is missing or not valid JSON") from None
        loaded = 0
        for item in serializers.deserialize("python", data, ignorenonexistent=False):
            obj = item.object
            if type(obj) is not model:
                raise ArchiveRefused(f"data/{label}.json holds rows of another model")
            for f in refs:
                old = getattr(obj, f.attname)
                new = mapping.get(_label(f.related_model), {}).get(str(old))
                if new is not None:
                    setattr(obj, f.attname, new)
            if drop_pk:
                obj.pk = None
            item.save()
            loaded += 1
        if loaded != manifest["counts"][label]:
            raise ArchiveRefused(
                f"data/{label}.json has {loaded} rows, the manifest says {manifest['counts'][label]}"
            )
        summary.rows += loaded


def _verify_and_reseal(manifest: dict[str, Any], summary: ImportSummary) -> None:
    """Every chain of the imported organization must verify; a head sealed with the other
    installation's key is sealed again with this one's (only when all else verifies)."""
    from borderpro.common.chain import reseal_head, verify_organization
    from borderpro.organizations.models import Organization

    organization = Organization.objects.get(code=manifest["organization"]["code"])
    for report in verify_organization(organization, save=False):
        if not report.ok and reseal_head(organization, report.chain, report):
            summary.resealed += 1
        elif not report.ok:
            raise ArchiveRefused(f"a hash chain does not verify after import: {report.problem}")
        summary.chains += 1
        summary.chain_records += report.checked
