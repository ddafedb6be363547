from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.permissions import BasePermission


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "borderpro.api.authentication.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token created under Account → API tokens.",
        }


# a list of objects (for views that answer a plain list without a serializer)
OBJECT_LIST: dict[str, Any] = {"type": "array", "items": {"type": "object"}}


class DocsPermission(BasePermission):
    """The schema and docs pages: anyone when ``API_DOCS_PUBLIC``, else signed-in users."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(settings.API_DOCS_PUBLIC or request.user.is_authenticated)
