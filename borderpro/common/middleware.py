from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django_scopes import scopes_disabled


class AdminScopeMiddleware:
    """The Django admin is for staff support work: it sees across tenants."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/admin/") and getattr(request.user, "is_staff", False):
            with scopes_disabled():
                response = self.get_response(request)
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
                return response
        return self.get_response(request)
