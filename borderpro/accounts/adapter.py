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
