"""Personal API tokens: ``Authorization: Bearer bp_...``."""

from __future__ import annotations

from functools import cache
from typing import Any

from django.db import connection
from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from borderpro.accounts.models import ApiToken, User, hash_token
from borderpro.common.rows import columns
from borderpro.organizations.models import Membership, Organization


@cache
def _token_sql() -> str:
    """The token, its user, its organization and the user's own role there: one statement,
    written once (compiling it through the ORM took longer than running it)."""
    t, u, o = columns(ApiToken, "t"), columns(User, "u"), columns(Organization, "o")
    m = columns(Membership, "m")
    return (  # identifiers come from the models; the token hash is a parameter
        f"SELECT {t.sql}, {u.sql}, {o.sql}, "  # noqa: S608
        f"(SELECT {m.column('role')} FROM {m.table} WHERE {m.column('user')} = {t.column('user')}"
        f" AND {m.column('organization')} = {t.column('organization')}) "
        f"FROM {t.table} JOIN {u.table} ON {u.column('id')} = {t.column('user')} "
        f"JOIN {o.table} ON {o.column('id')} = {t.column('organization')} "
        f"WHERE {t.column('token_hash')} = %s AND {t.column('revoked_at')} IS NULL"
    )


def active_token(raw: str) -> ApiToken | None:
    """The unrevoked token ``raw``, with ``user``, ``organization`` and ``member_role`` (the
    user's membership role in that organization; ``None`` when access comes another way)."""
    with connection.cursor() as cursor:
        cursor.execute(_token_sql(), [hash_token(raw)])
        row = cursor.fetchone()
    if row is None:
        return None
    t, u, o = columns(ApiToken, "t"), columns(User, "u"), columns(Organization, "o")
    token = t.load(row)
    token.user = u.load(row, t.width)
    token.organization = o.load(row, t.width + u.width)
    token.member_role = row[t.width + u.width + o.width]
    return token


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        parts = header.split()
        if len(parts) != 2 or parts[0] not in (self.keyword, "Token"):
            return None
        token = active_token(parts[1])
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("The API token is unknown or was revoked."))
        token.touch()
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword
