"""Cron: ``manage.py send_due_reminders [--today YYYY-MM-DD]`` (daily; safe to run twice)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from borderpro.common.daterange import validate_sane_date
from borderpro.deadlines.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Plan and send the deadline reminders due today (safe to run in parallel)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--today", help="Pretend it is this day (YYYY-MM-DD) instead of each organization's."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = None
        if options["today"]:
            try:
                today = date.fromisoformat(options["today"])
                validate_sane_date(today)
            except (ValueError, ValidationError):
                raise CommandError(
                    f"--today: not a date (YYYY-MM-DD): {options['today']!r}"
                ) from None
        result = send_due_reminders(today=today)
        self.stdout.write(
            f"{result.planned} reminders planned, {result.emails} emails sent "
            f"({result.reminders_sent} reminders), {result.failures} failed"
        )
        if result.failures:
            raise CommandError(f"{result.failures} emails failed; they will be sent again.")
