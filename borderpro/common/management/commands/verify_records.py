"""Recompute the hash chains of operational records; exit 1 on the first broken one."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scopes_disabled

from borderpro.common.chain import verify_organization
from borderpro.organizations.models import Organization


class Command(BaseCommand):
    help = "Verify that no append-only record was altered or removed (all, or --org CODE)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", help="organization code")
        parser.add_argument("--no-save", action="store_true", help="do not record the result")

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            orgs = Organization.objects.order_by("name")
            if options["org"]:
                orgs = orgs.filter(code=options["org"])
                if not orgs.exists():
                    raise CommandError(f"no organization with code {options['org']}")
            broken = []
            total = 0
            for org in orgs:
                for report in verify_organization(org, save=not options["no_save"]):
                    total += report.checked
                    if not report.ok:
                        broken.append(f"{org.code} ({org.name}): {report.problem}")
        if broken:
            for line in broken:
                self.stderr.write(self.style.ERROR("BROKEN " + line))
            raise CommandError(f"{len(broken)} broken chain(s); first: {broken[0]}")
        self.stdout.write(
            self.style.SUCCESS(f"All record chains intact ({total} records checked).")
        )
