from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.samples import pdf_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_upload


def evidence_for(
    organization: Any,
    *,
    title: str = "Statement of support",
    actor: Any = None,
    content: bytes | None = None,
    name: str = "statement.pdf",
    **fields: Any,
) -> EvidenceFile:
    data = content if content is not None else pdf_bytes(f"{title} {organization.pk}")
    return evidence_upload(
        actor=actor,
        organization=organization,
        upload=SimpleUploadedFile(name, data),
        title=title,
        **fields,
    )


def sample_evidence_id(organization: Any) -> EvidenceFile:
    return evidence_for(organization, title=f"Sample {organization.code}")
