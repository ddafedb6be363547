"""Personal API tokens: ``Authorization: Bearer bp_...``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from borderpro.accounts.models import ApiToken, hash_token


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        parts = header.split()
        if len(parts) != 2 or parts[0] not in (self.keyword, "Token"):
            return None
        token = (
            ApiToken.objects.select_related("user", "organization")
            .filter(token_hash=hash_token(parts[1]), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The API token is unknown or was revoked."))
        token.touch()
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
