"""Demo reminders: the demo carriers' reminders of today, as if the morning run had sent
them (the sent log and the notifications under the bell), without sending any email."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from borderpro.deadlines.models import SentReminder
from borderpro.deadlines.reminders import plan_reminders


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    clients = [o for o in orgs.values() if o.kind == "client"]
    if not clients:
        return
    plan_reminders(clients)
    now = timezone.now()
    SentReminder.objects.filter(organization__in=clients, sent_at__isnull=True).update(
        claimed_at=now, sent_at=now, attempts=1
    )
