"""Base models shared by every app: opaque ids, tenant ownership, hash-chained records, jobs."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, ClassVar
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from borderpro.common.daterange import clean_dates
from borderpro.common.ids import uuid7

GENESIS_HASH = "0" * 64
# the longest free text a person may enter in one field (a requirement narrative, a note):
# about ten pages; ``TEXT_MAX_LENGTHS`` on a model sets another limit for one of its fields
TEXT_MAX_LENGTH = 20_000


class UUIDModel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)

    class Meta:
        abstract = True


class TenantModel(UUIDModel):
    """A row owned by one organization. Queries fail closed outside a tenant scope."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ScopedManager(organization="organization")

    # dates that record something that already happened (an approval): never in the future
    PAST_DATES: ClassVar[tuple[str, ...]] = ()
    # free-text fields (TextField) whose limit is not TEXT_MAX_LENGTH
    TEXT_MAX_LENGTHS: ClassVar[dict[str, int]] = {}

    class Meta:
        abstract = True

    def clean_fields(self, exclude: Any = None) -> None:
        """Each field's own checks, then the sane range of every date (common.daterange)
        and the length of every free text (``TEXT_MAX_LENGTH``)."""
        errors: dict[str, Any] = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for check in (clean_dates, self._clean_text_lengths):
            try:
                check(self, exclude={*(exclude or ()), *errors})
            except ValidationError as exc:
                errors = exc.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _clean_text_lengths(instance: Any, exclude: Any = None) -> None:
        errors: dict[str, Any] = {}
        for field in instance._meta.concrete_fields:
            if not isinstance(field, models.TextField) or field.name in (exclude or ()):
                continue
            value = getattr(instance, field.attname)
            limit = instance.TEXT_MAX_LENGTHS.get(field.name, TEXT_MAX_LENGTH)
            try:
                MaxLengthValidator(limit)(value if isinstance(value, str) else "")
            except ValidationError as exc:
                errors[field.name] = [exc]
        if errors:
            raise ValidationError(errors)


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete an append-only record."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("append-only records cannot be updated; add a correction")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("append-only records cannot be deleted; add a correction")


class ChainHead(models.Model):
    """The last link of one hash chain (one chain per organization and record type)."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+"
    )
    chain = models.CharField(max_length=100)
    seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    # the link before the last one: lets one statement move the head and return what the new
    # record links to (borderpro.common.chain)
    prev_hash = models.CharField(max_length=64, default=GENESIS_HASH)
    # HMAC of (organization, chain, seq, last_hash) with a key that is not in the database
    # (borderpro.common.seals; decision 0005): a head moved without the key does not match
    seal = models.CharField(max_length=64, blank=True, default="")
    last_verified_at = models.DateTimeField(null=True, blank=True)
    last_verified_ok = models.BooleanField(null=True)
    last_verified_count = models.PositiveBigIntegerField(default=0)
    last_verified_problem = models.TextField(blank=True)
    first_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "chain"], name="chainhead_unique")
        ]

    def __str__(self) -> str:
        return f"{self.chain} #{self.seq}"

    @property
    def label(self) -> str:
        """The record type in the reader's language (e.g. "seal events")."""
        from django.apps import apps

        try:
            return str(apps.get_model(self.chain)._meta.verbose_name_plural)
        except (LookupError, ValueError):
            return self.chain


def chain_hash(prev_hash: str, seq: int, payload: str) -> str:
    return hashlib.sha256(f"{prev_hash}|{seq}|{payload}".encode()).hexdigest()


def canonical_value(field: models.Field, value: Any) -> Any:
    """A stable, database-independent representation of a field value for hashing."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        places = getattr(field, "decimal_places", None)
        return f"{value:.{places}f}" if places is not None else str(value.normalize())
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if hasattr(value, "name") and isinstance(field, models.FileField):
        return value.name or None
    return value


class ChainedRecord(UUIDModel):
    """Base for operational records: append-only and hash-chained per organization.

    A record stores the hash of its own content and the hash of the previous record of the
    same organization and type, so any change or removal is detectable (``verify_records``).
    A correction is a new record whose ``corrects`` points to the record it replaces.
    Create records with :func:`borderpro.common.chain.chain_append`, never ``save()``.
    """

    # No index of its own: the unique (organization, seq) index of every chain serves each
    # lookup by organization, and one index less is one write less per append.
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
        db_index=False,
    )
    seq = models.PositiveBigIntegerField(editable=False)
    prev_hash = models.CharField(max_length=64, editable=False)
    record_hash = models.CharField(max_length=64, editable=False)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("corrects"),
    )

    objects = ScopedManager(
        organization="organization", _manager_class=models.Manager.from_queryset(AppendOnlyQuerySet)
    )

    # the chain fields are hashed around the content, not inside it (see compute_hash)
    HASH_EXCLUDE: ClassVar[frozenset[str]] = frozenset({"seq", "prev_hash", "record_hash"})
    # Fields of a unique constraint under which a record is stored at most once (e.g. the
    # organization and the id a device gave it): appending it again stores nothing and raises
    # ``chain.AlreadyRecorded``, without a database error.
    STORED_ONCE_PER: ClassVar[tuple[str, ...]] = ()

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "seq"], name="%(app_label)s_%(class)s_org_seq"
            )
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        raise AppendOnlyError(f"{self._meta.label} is append-only; create it with chain_append()")

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{self._meta.label} is append-only; add a correction instead")

    @classmethod
    def chain_name(cls) -> str:
        return cls._meta.label_lower

    def hashed_content(self) -> dict[str, Any]:
        content: dict[str, Any] = {}
        for field in self._meta.concrete_fields:
            if field.name in self.HASH_EXCLUDE:
                continue
            content[field.attname] = canonical_value(field, getattr(self, field.attname))
        return content

    def hashed_payload(self) -> str:
        """The record's content as canonical JSON (every field but the chain fields)."""
        return json.dumps(self.hashed_content(), sort_keys=True, separators=(",", ":"), default=str)

    def compute_hash(self) -> str:
        """``sha256(prev_hash | seq | payload)``: the same formula runs inside PostgreSQL when
        the record is appended there (:func:`borderpro.common.chain.chain_append`)."""
        return chain_hash(self.prev_hash, self.seq, self.hashed_payload())


class Job(UUIDModel):
    """A long piece of background work whose progress the UI can poll."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Finished")
        FAILED = "failed", _("Failed")

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="+", editable=False
    )
    kind = models.CharField(max_length=60)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=255, blank=True)
    result_file = models.FileField(upload_to="jobs/%Y/%m/", blank=True)
    result_name = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(organization="organization")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organization", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.kind} ({self.status})"

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}

    def report(self, *, done: int, total: int | None = None, message: str = "") -> None:
        """Record progress from inside a running job (its own short transaction)."""
        self.done = done
        if total is not None:
            self.total = total
        if message:
            self.message = message[:255]
        with transaction.atomic():
            type(self).objects.filter(pk=self.pk).update(
                done=self.done, total=self.total, message=self.message
            )
