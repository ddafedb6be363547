"""The base of every organization-scoped API view: ``/api/v1/o/<org_code>/...``.

The same tenancy rules and permission tables as the pages: the organization is resolved
for the user (404 to outsiders), a token only works for the organization it is bound to
(404 elsewhere), a read-only token cannot write (403), and the handler runs inside a
tenant scope.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _
from django_scopes import scope
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response

from borderpro.accounts.models import ApiToken
from borderpro.organizations.tenancy import Access, mfa_required, resolve_access, user_has_mfa

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class OrgScopedMixin:
    """Declare ``permissions = {"GET": "evidence.view", "POST": "evidence.upload", ...}``."""

    permissions: ClassVar[dict[str, str]] = {}
    kwargs: dict[str, Any]
    access: Access

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
        self._tenant_scope = ExitStack()
        self._tenant_scope.enter_context(scope(organization=access.organization))

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        stack: ExitStack | None = getattr(self, "_tenant_scope", None)
        if stack is not None:
            stack.close()
            del self._tenant_scope
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]

    @property
    def organization(self) -> Any:
        return self.access.organization

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()  # type: ignore[misc]
        context["organization"] = getattr(self, "access", None) and self.access.organization
        return context
