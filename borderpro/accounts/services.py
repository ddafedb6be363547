"""Writes for accounts: profile and API tokens."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from borderpro.accounts.models import ApiToken, User
from borderpro.organizations.activity import activity_record


@transaction.atomic
def api_token_create(
    *, user: User, organization: Any, name: str, read_only: bool
) -> tuple[ApiToken, str]:
    token, raw = ApiToken.issue(
        user=user, organization=organization, name=name, read_only=read_only
    )
    activity_record(
        organization=organization, actor=user, verb="token.created", target=token, name=name
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, user: User, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    activity_record(
        organization=token.organization,
        actor=user,
        verb="token.revoked",
        target=token,
        name=token.name,
    )
