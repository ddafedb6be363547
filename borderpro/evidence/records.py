"""The evidence vault on the record registry (``common/records.py``): the validation binder
holds every current evidence document (not the field attachments: those belong to their
records), each under its title, with the SHA-256 the vault recorded at upload checked again."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from borderpro.common.records import BinderFile, register_binder_part


def evidence_part(organization: Any, start: date, end: date, language: str) -> list[BinderFile]:
    from borderpro.evidence.models import EvidenceFile

    files = []
    documents = EvidenceFile.objects.filter(
        organization=organization, archived_at__isnull=True, origin=EvidenceFile.Origin.DOCUMENT
    ).order_by("title", "id")
    for n, evidence in enumerate(documents, start=1):
        with evidence.file.open("rb") as handle:
            content = handle.read()
        _stem, dot, ext = evidence.original_name.rpartition(".")
        name = f"{n:03d}-{slugify(evidence.title)[:60] or 'file'}{'.' + ext.lower() if dot else ''}"
        files.append(
            BinderFile(
                f"evidence/{name}",
                content,
                evidence.title,
                # the file as stored still has the hash recorded at upload
                chain_intact=hashlib.sha256(content).hexdigest() == evidence.sha256,
            )
        )
    return files


def register() -> None:
    register_binder_part(
        "evidence.files", label=gettext_lazy("Evidence files"), build=evidence_part, order=90
    )
