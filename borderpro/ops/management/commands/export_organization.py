"""Write one organization's complete data (rows, history, files) as an archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scopes_disabled

from borderpro.ops.orgexport import export_organization
from borderpro.organizations.models import Organization


class Command(BaseCommand):
    help = "Export one organization (by code) as an archive (docs/organization-export.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="organization code")
        parser.add_argument(
            "--dir",
            default=str(Path(settings.VAR_DIR) / "exports"),
            help="folder that receives the archive (default: var/exports)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            organization = Organization.objects.filter(code=options["code"]).first()
        if organization is None:
            raise CommandError(f"no organization with code {options['code']}")
        summary = export_organization(organization, Path(options["dir"]))
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {organization.code}: {summary.rows} rows, {summary.users} people, "
                f"{summary.files} files → {summary.path}"
            )
        )
