"""Restore a backup archive into an empty installation, then check it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from borderpro.ops.archive import ArchiveRefused
from borderpro.ops.backup import restore_backup


class Command(BaseCommand):
    help = (
        "Restore ARCHIVE (from `manage.py backup`) into this empty installation; refuses a "
        "non-empty one and an altered or truncated archive."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = restore_backup(Path(options["archive"]))
        except ArchiveRefused as exc:
            raise CommandError(f"restore refused: {exc}") from None
        self.stdout.write(
            f"Restored the backup of {report.created_at}: {report.rows} rows, {report.files} "
            f"files, {report.chains} chains ({report.chain_records} records) checked."
        )
        if report.problems:
            for line in report.problems:
                self.stderr.write(self.style.ERROR(line))
            raise CommandError(f"{len(report.problems)} problem(s) after restore")
        self.stdout.write(self.style.SUCCESS("Every count matches and every chain verifies."))
