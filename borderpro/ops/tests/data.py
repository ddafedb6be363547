"""A small but complete organization for the drills: files, history, every chained record
type the modules make, and rows that point at the shared catalogue."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core.files.storage import default_storage
from django_scopes import scopes_disabled

from borderpro.common.chain import chained_models, verify_organization
from borderpro.evidence.tests.factories import evidence_for
from borderpro.operations.tests.factories import affixed_seal, incident_for, inspection_for
from borderpro.ops.archive import file_sha256, storage_files
from borderpro.organizations.activity import activity_record
from borderpro.profiles.tests.factories import response_for


def populate(organization: Any, actor: Any) -> None:
    evidence = evidence_for(organization, actor=actor, title="Seal policy")
    evidence.title = "Seal policy (signed)"  # a second history row
    evidence.save()
    inspection_for(organization, actor=actor)
    affixed_seal(organization)
    incident_for(organization)
    response_for(organization, narrative="Seals are kept in a locked cabinet.")
    activity_record(organization=organization, actor=actor, verb="records.verified", result="ok")


def snapshot() -> dict[str, Any]:
    """What must survive: rows of every model, every stored file's hash, the chains."""
    with scopes_disabled():
        counts = {
            m._meta.label: m._base_manager.count()
            for m in apps.get_models()
            if m._meta.managed and not m._meta.proxy
        }
        files = {name: _hash(name) for name in storage_files()}
        from borderpro.organizations.models import Organization

        chains = {
            (org.code, r.chain): (r.ok, r.checked)
            for org in Organization.objects.all()
            for r in verify_organization(org, save=False)
        }
    return {"counts": counts, "files": files, "chains": chains}


def _hash(name: str) -> str:
    import hashlib

    with default_storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def chained_record_total() -> int:
    with scopes_disabled():
        return sum(m._base_manager.count() for m in chained_models())


__all__ = ["file_sha256", "populate", "snapshot"]
