"""``manage.py compare_catalogue FAMILY EDITION_A EDITION_B [--answered-refs FILE]``.

Prints what changed from one edition of a framework to another (added, retired, reworded,
re-levelled requirements) and, given the refs that have answers under edition A, which of
those answers carry over through the same ref or the crosswalk. The same report as the
catalogue's comparison page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Q
from django_scopes import scopes_disabled

from borderpro.catalogue.comparison import comparison_lines, editions_compare
from borderpro.catalogue.models import Framework
from borderpro.organizations.models import Organization


class Command(BaseCommand):
    help = "Compare two editions of a catalogue framework and report which answers carry over."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("family", help="framework family code, e.g. PIP")
        parser.add_argument("edition_a", help="the older edition, e.g. 2024")
        parser.add_argument("edition_b", help="the newer edition")
        parser.add_argument(
            "--answered-refs",
            metavar="FILE",
            help="a text file with one answered ref per line (blank lines and # comments ignored); "
            "use - for standard input",
        )
        parser.add_argument(
            "--consultancy", metavar="ORG_CODE", help="compare a consultancy's own framework"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with scopes_disabled():
            owner = None
            if options["consultancy"]:
                owner = Organization.objects.filter(
                    code=options["consultancy"], kind="consultancy"
                ).first()
                if owner is None:
                    raise CommandError(f"no consultancy with the code {options['consultancy']!r}")
            a = self._edition(options["family"], options["edition_a"], owner)
            b = self._edition(options["family"], options["edition_b"], owner)
            answered = (
                self._answered(options["answered_refs"]) if options["answered_refs"] else None
            )
            visible = Q(owner__isnull=True) | (
                Q(owner=owner) if owner is not None else Q(pk__in=[])
            )
            result = editions_compare(a=a, b=b, answered_refs=answered, visible=visible)
            self.stdout.write("\n".join(comparison_lines(result)))

    def _edition(self, family: str, edition: str, owner: Any) -> Framework:
        framework = Framework.objects.filter(code=family, edition=edition, owner=owner).first()
        if framework is None:
            known = ", ".join(
                Framework.objects.filter(code=family, owner=owner).values_list("edition", flat=True)
            )
            raise CommandError(
                f"no edition {edition!r} of {family!r} is loaded"
                + (f" (loaded editions: {known})" if known else "")
            )
        return framework

    def _answered(self, source: str) -> list[str]:
        if source == "-":
            import sys

            text = sys.stdin.read()
        else:
            path = Path(source)
            if not path.is_file():
                raise CommandError(f"{source}: no such file")
            text = path.read_text(encoding="utf-8")
        return [
            line.split("#", 1)[0].strip()
            for line in text.splitlines()
            if line.split("#", 1)[0].strip()
        ]
