"""Evidence expiry on the deadline interface (the vault is shared data: it knows no consumer,
so the deadlines module, which builds on it, provides its deadlines).

One query for any number of organizations.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.selectors import EXPIRING_DAYS

EXPIRY = "evidence.expiry"


def register() -> None:
    register_kind(
        DeadlineKind(
            EXPIRY,
            _("Evidence expires"),
            permission="evidence.view",
            reminder_days=(60, 30, 7),
            due_soon_days=EXPIRING_DAYS,
        )
    )
    register_provider("evidence", evidence_deadlines, kinds=[EXPIRY])


def evidence_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    by_id = {o.pk: o for o in organizations}
    files = EvidenceFile.objects.filter(
        organization__in=list(organizations),
        archived_at__isnull=True,
        expires_on__gte=start,
        expires_on__lte=end,
    ).select_related("uploaded_by")
    for evidence in files:
        org = by_id[evidence.organization_id]
        assert evidence.expires_on is not None
        yield Deadline(
            kind=EXPIRY,
            organization=org,
            subject=evidence.title,
            due=evidence.expires_on,
            owner=evidence.uploaded_by,
            action_url=reverse("evidence:detail", args=[org.code, evidence.pk]),
            ref=str(evidence.pk),
            detail=str(_("Replace the document before it expires, or record its new expiry.")),
        )
