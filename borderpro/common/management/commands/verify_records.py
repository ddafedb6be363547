"""Recompute the hash chains of operational records, check each head's seal and the newest
signed checkpoint; exit 1 on the first broken chain."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.timezone import now
from django_scopes import scopes_disabled

from borderpro.common.chain import reseal_head, save_report, verify_organization
from borderpro.common.checkpoints import latest_checkpoint, unsigned_checkpoint_files
from borderpro.organizations.models import Organization


class Command(BaseCommand):
    help = "Verify that no append-only record was altered or removed (all, or --org CODE)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--org", help="organization code")
        parser.add_argument("--no-save", action="store_true", help="do not record the result")
        parser.add_argument(
            "--reseal",
            action="store_true",
            help="after changing CHAIN_SEAL_KEY: seal again every head whose chain verifies "
            "in every other respect",
        )

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
                    if options["reseal"] and reseal_head(org, report.chain, report):
                        self.stdout.write(f"Resealed {report.chain} of {org.code}.")
                        if not options["no_save"]:
                            save_report(org, replace(report, ok=True, problem=""), when=now())
                        continue
                    if not report.ok:
                        broken.append(f"{org.code} ({org.name}): {report.problem}")
        for path in unsigned_checkpoint_files():
            self.stderr.write(
                self.style.WARNING(
                    f"IGNORED checkpoint {path}: its signature does not match CHAIN_SEAL_KEY"
                )
            )
        checkpoint = latest_checkpoint()
        if checkpoint is not None:
            self.stdout.write(
                f"Compared with the checkpoint of {checkpoint.created_at:%Y-%m-%d %H:%M} UTC "
                f"({checkpoint.path.name})."
            )
        if broken:
            for line in broken:
                self.stderr.write(self.style.ERROR("BROKEN " + line))
            raise CommandError(f"{len(broken)} broken chain(s); first: {broken[0]}")
        self.stdout.write(
            self.style.SUCCESS(f"All record chains intact ({total} records checked).")
        )
