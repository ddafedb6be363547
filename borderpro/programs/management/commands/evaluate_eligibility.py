"""Evaluate a facts document and print the same JSON as POST /api/v1/programs/evaluate."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rest_framework.exceptions import ValidationError

from borderpro.api.errors import _flatten
from borderpro.programs.api import default_as_of
from borderpro.programs.engine import evaluate, render_json
from borderpro.programs.facts import parse_facts


class Command(BaseCommand):
    help = "Evaluate program eligibility for a facts document (JSON) and print the answer as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--facts", required=True, help="Path to the facts document (JSON); - for stdin."
        )
        parser.add_argument(
            "--lang", choices=["en", "fr"], default="en", help="Language of the explanations."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["facts"]
        try:
            if path == "-":
                import sys

                document = json.load(sys.stdin)
            else:
                with open(path, encoding="utf-8") as handle:
                    document = json.load(handle)
        except OSError as exc:
            raise CommandError(f"--facts: cannot read {path}: {exc.strerror}") from exc
        except json.JSONDecodeError as exc:
            raise CommandError(f"--facts: {path} is not valid JSON ({exc})") from exc
        try:
            facts, as_of = parse_facts(document)
        except ValidationError as exc:
            errors = _flatten(exc.detail)
            raise CommandError(
                "invalid facts document:\n"
                + "\n".join(f"  {e['field'] or '-'}: {e['message']}" for e in errors)
            ) from exc
        answer = evaluate(facts, as_of=as_of or default_as_of(), lang=options["lang"])
        self.stdout.write(render_json(answer), ending="")
