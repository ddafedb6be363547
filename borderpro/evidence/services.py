"""Writes for the evidence vault."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.ids import uuid7
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.sniffing import RefusedFile, sniff
from borderpro.organizations.activity import activity_record

EDITABLE = ("title", "description", "proves", "document_date", "expires_on")


def _refuse(name: str, reason: str) -> ValidationError:
    return ValidationError(
        {"file": _("%(name)s was not stored: %(reason)s.") % {"name": name, "reason": reason}}
    )


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


MAX_NAME_LENGTH = 255


def fit_name(name: str, limit: int = MAX_NAME_LENGTH) -> str:
    """The file's base name, cut to ``limit`` characters keeping its extension."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1] or "file"
    if len(name) <= limit:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > 16:
        return name[:limit]
    return stem[: limit - len(extension) - 1] + "." + extension


def evidence_check(
    *, organization: Any, upload: UploadedFile, require_image: bool = False
) -> tuple[Any, str]:
    """Size, type, content and duplicate checks. Raises ValidationError naming the file and
    the reason. With ``require_image`` only a photo that decodes is accepted."""
    name = fit_name(upload.name or "file")
    limit = settings.EVIDENCE_MAX_UPLOAD_BYTES
    if upload.size and upload.size > limit:
        raise _refuse(
            name,
            _("it is %(size)s and the limit is %(limit)s")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    try:
        kind = sniff(upload, name, require_image=require_image)
    except RefusedFile as exc:
        raise _refuse(name, str(exc)) from exc
    digest = _sha256(upload)
    existing = EvidenceFile.objects.filter(organization=organization, sha256=digest).first()
    if existing is not None:
        raise _refuse(
            name,
            _("the same file is already in the vault as “%(title)s”") % {"title": existing.title},
        )
    return kind, digest


def evidence_upload(
    *,
    actor: Any,
    organization: Any,
    upload: UploadedFile,
    title: str = "",
    description: str = "",
    proves: str = "",
    document_date: date | None = None,
    expires_on: date | None = None,
    origin: str = EvidenceFile.Origin.DOCUMENT,
    require_image: bool = False,
) -> EvidenceFile:
    """Store ``upload`` in the vault after every check; nothing is written when refused.
    ``require_image`` accepts only a photo that decodes (field photos)."""
    kind, digest = evidence_check(
        organization=organization, upload=upload, require_image=require_image
    )
    name = fit_name(upload.name or "file")
    evidence = EvidenceFile(
        id=uuid7(),
        organization=organization,
        title=(title or name.rsplit(".", 1)[0])[:200],
        description=description,
        proves=proves,
        document_date=document_date,
        expires_on=expires_on,
        original_name=name,
        size=upload.size or 0,
        sha256=digest,
        content_type=kind.mime,
        type_label=str(kind.label),
        uploaded_by=actor,
        origin=origin,
    )
    evidence.full_clean(exclude=["file"])
    stored_name = ""
    try:
        with transaction.atomic():
            evidence.file.save(name, upload, save=False)
            stored_name = evidence.file.name or ""
            evidence.save()
            activity_record(
                organization=organization,
                actor=actor,
                verb="evidence.uploaded",
                target=evidence,
                title=evidence.title,
            )
    except IntegrityError as exc:
        if stored_name:
            evidence.file.storage.delete(stored_name)
        raise _refuse(name, _("the same file was just added by someone else")) from exc
    except Exception:
        if stored_name:
            evidence.file.storage.delete(stored_name)
        raise
    return evidence


@transaction.atomic
def evidence_update(*, actor: Any, evidence: EvidenceFile, **fields: Any) -> EvidenceFile:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed.") for name in unknown})
    for key, value in fields.items():
        setattr(evidence, key, value)
    evidence.full_clean()
    evidence.save()
    activity_record(
        organization=evidence.organization,
        actor=actor,
        verb="evidence.updated",
        target=evidence,
        title=evidence.title,
    )
    return evidence


@transaction.atomic
def evidence_archive(*, actor: Any, evidence: EvidenceFile) -> EvidenceFile:
    evidence.archived_at = timezone.now()
    evidence.save(update_fields=["archived_at", "updated_at"])
    activity_record(
        organization=evidence.organization,
        actor=actor,
        verb="evidence.archived",
        target=evidence,
        title=evidence.title,
    )
    return evidence


def evidence_record_download(*, actor: Any, evidence: EvidenceFile) -> None:
    activity_record(
        organization=evidence.organization,
        actor=actor,
        verb="evidence.downloaded",
        target=evidence,
        title=evidence.title,
    )
