"""Write one consistent backup archive of the installation (database + private files)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from borderpro.ops.archive import ArchiveRefused
from borderpro.ops.backup import create_backup


class Command(BaseCommand):
    help = "Back up the database and every private file into one timestamped archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir",
            default=str(Path(settings.VAR_DIR) / "backups"),
            help="folder that receives the archive (default: var/backups)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            path = create_backup(Path(options["dir"]))
        except ArchiveRefused as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path}"))
