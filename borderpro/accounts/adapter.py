from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Anyone may create an account; an account sees nothing until it creates an
        # organization or accepts an invitation.
        return True

    def login(self, request: HttpRequest, user: Any) -> None:
        # Speak the person's language from the moment they are signed in: the "signed in
        # as …" message is written in this same request, before the next one switches.
        super().login(request, user)
        if user.language in {code for code, _name in settings.LANGUAGES}:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """Failed sign-ins are counted per account *and* client address (the ``key`` rates
        of ``ACCOUNT_RATE_LIMITS["login_failed"]``). Someone guessing a password from one
        address is slowed down with growing waits, but cannot lock the owner out: the owner,
        signing in from another address, is never refused the right password. The address
        is the client's as allauth sees it (``ALLAUTH_TRUSTED_PROXY_COUNT`` behind a proxy).
        """
        account = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account}:{self.get_client_ip(request)}"
