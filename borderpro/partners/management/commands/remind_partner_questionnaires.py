"""Email a reminder, with a fresh private link, to every partner contact whose questionnaire
is still unanswered a week after it was sent (or after the last reminder). Run daily."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django_scopes import scopes_disabled

from borderpro.partners.questionnaires import reminders_send


class Command(BaseCommand):
    help = "Remind partner contacts of unanswered security questionnaires (run daily)."

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent")
