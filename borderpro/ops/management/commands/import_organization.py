"""Import an organization archive made by ``export_organization``: all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from borderpro.ops.archive import ArchiveRefused
from borderpro.ops.orgexport import import_organization


class Command(BaseCommand):
    help = "Import an organization archive; refuses truncated, altered or incompatible ones."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = import_organization(Path(options["archive"]))
        except ArchiveRefused as exc:
            raise CommandError(f"import refused, nothing imported: {exc}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {summary.code}: {summary.rows} rows, {summary.files} files, "
                f"{summary.users_created} new people (no password: they reset it); "
                f"{summary.chains} chains ({summary.chain_records} records) verify"
                + (
                    f", {summary.resealed} head(s) sealed with this installation's key"
                    if summary.resealed
                    else ""
                )
                + "."
            )
        )
