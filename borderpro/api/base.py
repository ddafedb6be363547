"""The base of every organization-scoped API view: ``/api/v1/o/<org_code>/...``.

The same tenancy rules and permission tables as the pages: the organization is resolved
for the user (404 to outsiders), a token only works for the organization it is bound to
(404 elsewhere), a read-only token cannot write (403), and the handler runs inside a
tenant scope that is opened and closed by one ``with`` around the whole handling
(:meth:`OrgScopedMixin.dispatch`), so a request that fails in any way leaves no scope
behind for the next request served by the same thread.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any, ClassVar

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.translation import gettext_lazy as _
from django_scopes import scope
from rest_framework import exceptions
from rest_framework.request import Request

from borderpro.accounts.models import ApiToken
from borderpro.organizations.tenancy import Access, mfa_required, resolve_access, user_has_mfa

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class OrgScopedMixin:
    """Declare ``permissions = {"GET": "evidence.view", "POST": "evidence.upload", ...}``."""

    permissions: ClassVar[dict[str, str]] = {}
    kwargs: dict[str, Any]
    access: Access
    _tenant_scope: ExitStack

    def required_permission_for(self, method: str) -> str:
        if method in ("HEAD", "OPTIONS"):
            method = "GET"
        try:
            return self.permissions[method]
        except KeyError as exc:
            raise exceptions.MethodNotAllowed(method) from exc

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # type: ignore[misc]
        token = request.auth if isinstance(request.auth, ApiToken) else None
        access = resolve_access(
            request.user,
            kwargs.get("org_code", ""),
            known=token.organization if token else None,
            known_role=getattr(token, "member_role", None),
        )
        if token is not None and token.organization_id != access.organization.pk:
            raise exceptions.NotFound()
        if token is None and mfa_required(access) and not user_has_mfa(request.user):
            raise exceptions.PermissionDenied(
                _("This organization requires two-factor authentication.")
            )
        if not access.can(self.required_permission_for(request.method or "GET")):
            raise exceptions.PermissionDenied()
        if token is not None and token.read_only and request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied(_("This API token is read-only."))
        self.access = access
        request.org = access.organization  # type: ignore[attr-defined]
        self._tenant_scope.enter_context(scope(organization=access.organization))

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        """The whole handling, rendering included, inside one ``with``: whatever happens
        (a handled error, an unhandled one, a response rendered late), the tenant scope
        that :meth:`initial` opens is closed when the request leaves."""
        with ExitStack() as self._tenant_scope:
            response = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            return response

    @property
    def organization(self) -> Any:
        return self.access.organization

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()  # type: ignore[misc]
        context["organization"] = getattr(self, "access", None) and self.access.organization
        return context
