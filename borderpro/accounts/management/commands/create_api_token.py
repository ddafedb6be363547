from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_scopes import scopes_disabled

from borderpro.accounts.models import User
from borderpro.accounts.services import api_token_create
from borderpro.organizations.tenancy import resolve_access


class Command(BaseCommand):
    help = "Create a personal API token for a user in one organization and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--email", required=True)
        parser.add_argument("--org", required=True, help="organization code")
        parser.add_argument("--name", default="command line")
        parser.add_argument("--read-only", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(email__iexact=options["email"]).first()
        if user is None:
            raise CommandError(f"no user with email {options['email']}")
        with scopes_disabled():
            try:
                access = resolve_access(user, options["org"])
            except Exception as exc:
                raise CommandError(
                    f"{options['email']} has no access to organization {options['org']}"
                ) from exc
            _token, raw = api_token_create(
                user=user,
                organization=access.organization,
                name=options["name"],
                read_only=options["read_only"],
            )
        self.stdout.write(raw)
