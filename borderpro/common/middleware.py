from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
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


class PrivateResponseMiddleware:
    """What a signed-in person sees is never kept by a browser or proxy cache
    (``Cache-Control: no-store``): pages of a signed-in session, and every answer to an API
    call that carries credentials or names an organization. Every response also carries
    the ``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        private = (
            (getattr(request, "user", None) is not None and request.user.is_authenticated)
            or "Authorization" in request.headers
            or request.path.startswith("/api/v1/o/")
        )
        if private:
            patch_cache_control(response, no_store=True, private=True)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
