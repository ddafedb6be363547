"""``manage.py load_catalogue [PATH ...]``: load framework files into the catalogue.

With no path, every shipped file of ``borderpro/catalogue/data/`` is loaded. Safe to run
again: unchanged files are skipped, and each file is loaded whole or not at all.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scopes_disabled

from borderpro.catalogue.loader import shipped_files
from borderpro.catalogue.services import catalogue_load
from borderpro.organizations.models import Organization


class Command(BaseCommand):
    help = "Load requirement catalogue files (YAML). Without a path, loads every shipped file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="*", help="YAML files or folders (default: the shipped catalogue)"
        )
        parser.add_argument("--force", action="store_true", help="apply files even when unchanged")
        parser.add_argument(
            "--consultancy",
            metavar="ORG_CODE",
            help="load the files as this consultancy's own frameworks instead of the shipped catalogue",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        paths = self._paths(options["paths"])
        owner = None
        with scopes_disabled():
            if options["consultancy"]:
                owner = Organization.objects.filter(
                    code=options["consultancy"], kind="consultancy"
                ).first()
                if owner is None:
                    raise CommandError(f"no consultancy with the code {options['consultancy']!r}")
            started = time.perf_counter()
            report = catalogue_load(
                sources=[(p.name, p.read_bytes()) for p in paths],
                owner=owner,
                force=options["force"],
            )
        elapsed = time.perf_counter() - started
        for file_report in report.files:
            style = self.style.ERROR if file_report.status == "refused" else self.style.SUCCESS
            self.stdout.write(style(file_report.summary()))
            for error in file_report.errors:
                self.stderr.write(f"  {error}")
        refused = [f for f in report.files if f.status == "refused"]
        if refused:
            raise CommandError(
                f"{len(refused)} of {len(report.files)} file(s) refused; nothing of a refused file was loaded"
            )
        if options["verbosity"] >= 1:
            self.stdout.write(f"Catalogue ready ({len(report.files)} file(s), {elapsed:.2f} s).")

    def _paths(self, given: list[str]) -> list[Path]:
        if not given:
            return shipped_files()
        paths: list[Path] = []
        for raw in given:
            path = Path(raw)
            if path.is_dir():
                paths.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
            elif path.is_file():
                paths.append(path)
            else:
                raise CommandError(f"{raw}: no such file or folder")
        if not paths:
            raise CommandError("no .yaml files found")
        return paths
