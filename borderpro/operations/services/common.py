"""What every device write shares: idempotency by client id, lookups of the evidence and
units a record names, and photos from devices."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from borderpro.common import rows
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_upload
from borderpro.operations.models import DeviceRecord, Unit, UploadReceipt

# --- idempotency -----------------------------------------------------------------------


def _idempotent[R: DeviceRecord](
    model: type[R],
    organization: Any,
    client_id: UUID,
    create: Callable[[], R],
    *,
    look_first: bool = True,
    atomic: bool = True,
) -> tuple[R, bool]:
    """Return the record already stored under ``client_id``, or create it.

    ``look_first=False`` skips the lookup and lets a retry meet the unique constraint on
    (organization, client_id) instead: one query less per submission, for records whose
    creation does not depend on state a first try may already have changed (inspections).
    Seal and incident events must look first: a retried "affix" would otherwise be refused
    because the seal is already affixed. ``atomic=False`` runs ``create`` without a
    transaction of its own, for a creation that writes in a single statement.

    Concurrent sends of the same record (a phone retrying while its first try is still being
    stored) all get the stored record: a send that loses the race meets the unique constraint,
    or the state the winner changed ("already affixed"), and then finds the winner's record.
    """
    if look_first:
        existing = _stored(model, organization, client_id)
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic() if atomic else nullcontext():
            return create(), True
    except (IntegrityError, ValidationError):
        existing = _stored(model, organization, client_id)
        if existing is None:
            raise
        return existing, False


def _stored[R: DeviceRecord](model: type[R], organization: Any, client_id: UUID) -> R | None:
    """The record a device already sent under ``client_id`` (a retry), if any."""
    try:
        found = rows.select(model, organization=organization.pk, client_id=client_id)
    except ValidationError:  # not a UUID: nothing was stored under it
        return None
    return found[0] if found else None


def _evidence_of(organization: Any, evidence_id: Any, field: str) -> EvidenceFile | None:
    if not evidence_id:
        return None
    evidence = EvidenceFile.objects.filter(organization=organization, pk=evidence_id).first()
    if evidence is None:
        raise ValidationError(
            {
                field: _("The photo or file %(id)s is not in this organization's vault.")
                % {"id": evidence_id}
            }
        )
    return evidence


def _unit_of(organization: Any, unit_id: Any, field: str, kinds: tuple[str, ...]) -> Unit | None:
    if not unit_id:
        return None
    unit = Unit.objects.filter(organization=organization, pk=unit_id).first()
    if unit is None or unit.kind not in kinds:
        raise ValidationError({field: _("Choose a unit of the fleet of the right kind.")})
    return unit


# --- photos from devices ---------------------------------------------------------------


class ClientIdConflict(Exception):
    """A client id sent again with different content: the stored record is ``record``."""

    def __init__(self, record: Any) -> None:
        super().__init__(f"client id already used for {record._meta.label} {record.pk}")
        self.record = record


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def _stored_image(organization: Any, digest: str) -> EvidenceFile | None:
    """The vault's image with these bytes (a stored PDF with the same hash is no photo)."""
    return EvidenceFile.objects.filter(
        organization=organization, sha256=digest, content_type__startswith="image/"
    ).first()


def photo_upload(
    *, actor: Any, organization: Any, client_id: UUID, upload: UploadedFile, title: str = ""
) -> tuple[EvidenceFile, bool]:
    """Store a photo or signature in the evidence vault once, however often (and however
    concurrently) the device retries. The same client id with another file raises
    :class:`ClientIdConflict`."""
    receipt = _receipt(organization, client_id)
    digest = _sha256(upload)
    if receipt is not None:
        if receipt.evidence.sha256 != digest:
            raise ClientIdConflict(receipt.evidence)
        return receipt.evidence, False
    evidence = _stored_image(organization, digest)
    created = evidence is None
    if evidence is None:
        try:
            with translation.override(organization.language):  # stored text: its language
                default_title, proves = _("Field photo"), _("Photo taken during field operations")
            evidence = evidence_upload(
                actor=actor,
                organization=organization,
                upload=upload,
                title=title or default_title,
                proves=proves,
                origin=EvidenceFile.Origin.FIELD,
                require_image=True,
            )
        except ValidationError:
            # a concurrent send of the same photo stored it first: that file is the answer
            evidence = _stored_image(organization, digest)
            if evidence is None:
                raise
            created = False
    try:
        with transaction.atomic():
            UploadReceipt.objects.create(
                organization=organization, client_id=client_id, evidence=evidence, uploaded_by=actor
            )
    except IntegrityError:
        pass
    return evidence, created


def _receipt(organization: Any, client_id: UUID) -> UploadReceipt | None:
    return (
        UploadReceipt.objects.filter(organization=organization, client_id=client_id)
        .select_related("evidence")
        .first()
    )
