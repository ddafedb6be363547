"""How the API documents itself: the token scheme, and (one mechanism, the schema class of
every view):

- every endpoint is tagged with the module that owns it ("Field operations", "Evidence", …),
  not with the first segment of its path (which is ``o`` for every organization-scoped path);
- a description comes from the endpoint's own docstring (or an explicit ``extend_schema``),
  never from a base class: the notes a base class leaves for developers ("declare
  ``permissions = …``", "plain fields only…") are not documentation of an endpoint.
"""

from __future__ import annotations

import inspect
from typing import Any

from django.apps import apps
from django.conf import settings
from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import get_doc, get_override
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


# views of the API app itself are about the signed-in user and the organization
OWN_TAG = {"api": "Organizations"}


def own_doc(cls: type) -> str:
    """The docstring written on ``cls`` itself (not inherited), cleaned up."""
    doc = vars(cls).get("__doc__")
    return inspect.cleandoc(doc) if doc else ""


def module_tag(cls: type) -> str:
    config = apps.get_containing_app_config(cls.__module__)
    if config is None:
        return cls.__module__.split(".")[0]
    return OWN_TAG.get(config.label) or str(config.verbose_name)


class AutoSchema(openapi.AutoSchema):
    def get_tags(self) -> list[str]:
        return [module_tag(type(self.view))]

    def get_description(self) -> str:  # type: ignore[override]
        method = getattr(self.view, getattr(self.view, "action", None) or self.method.lower(), None)
        return get_doc(method) or own_doc(type(self.view))

    def _map_basic_serializer(self, serializer: Any, direction: Any) -> Any:
        schema = super()._map_basic_serializer(serializer, direction)
        if not get_override(serializer, "description"):
            description = own_doc(type(serializer))
            if description:
                schema["description"] = description
            else:
                schema.pop("description", None)
        return schema


class DocsPermission(BasePermission):
    """The schema and docs pages: anyone when ``API_DOCS_PUBLIC``, else signed-in users."""

    def has_permission(self, request: Any, view: Any) -> bool:
        return bool(settings.API_DOCS_PUBLIC or request.user.is_authenticated)
