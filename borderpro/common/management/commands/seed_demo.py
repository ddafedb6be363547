"""Load the demo data: every app's registered demo seeder, dependencies first. Idempotent."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from borderpro.common.demo import DemoOrderError, demo_logins, seed_all


class Command(BaseCommand):
    help = "Load the demo consultancy, carriers, people and evidence (safe to run again)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only seed a new database (one without users); always print the demo logins",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and get_user_model().objects.exists():
            self._print_logins(seeded=False)
            return
        try:
            names = seed_all()
        except DemoOrderError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"] > 1:
            self.stdout.write("Seeders run: " + ", ".join(names))
        self._print_logins(seeded=True)

    def _print_logins(self, *, seeded: bool) -> None:
        if seeded:
            self.stdout.write(self.style.SUCCESS("Demo data ready."))
        logins = demo_logins()
        emails = [email for email, _what in logins.users]
        if not emails or not get_user_model().objects.filter(email=emails[0]).exists():
            return
        self.stdout.write(f"Demo sign-ins (password for every demo user: {logins.password}):")
        for email, what in logins.users:
            self.stdout.write(f"  {email:34} {what}")
