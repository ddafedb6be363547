from __future__ import annotations

from functools import cached_property
from typing import Any

from django.http import HttpRequest


class UnreadNotifications:
    """The bell's count, asked of the database only when a page shows the bell."""

    def __init__(self, user: Any) -> None:
        self.user = user

    @cached_property
    def count(self) -> int:
        if not getattr(self.user, "is_authenticated", False):
            return 0
        from borderpro.deadlines.models import Notification

        return Notification.objects.filter(user=self.user, read_at__isnull=True).count()


def notifications(request: HttpRequest) -> dict[str, Any]:
    return {"unread_notifications": UnreadNotifications(getattr(request, "user", None))}
