"""Enumerate every URL pattern and build a real URL for it inside a given organization."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from borderpro.common.routing import OBJECT_KWARGS

SKIP_PREFIXES = ("admin/", "accounts/", "static/", "__debug__/")
PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str
    callback: Any

    @property
    def kwargs(self) -> list[str]:
        return [m.group("name") for m in PARAM.finditer(self.pattern)]

    @property
    def is_tenant(self) -> bool:
        return "org_code" in self.kwargs

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("api/")

    def permission_for(self, method: str) -> str | None:
        view_class = getattr(self.callback, "cls", None) or getattr(
            self.callback, "view_class", None
        )
        if view_class is not None and hasattr(view_class, "permissions"):
            return view_class.permissions.get(method)
        return getattr(self.callback, "required_permission", None)

    @property
    def org_kinds(self) -> tuple[str, ...]:
        view_class = getattr(self.callback, "cls", None)
        if view_class is not None:
            return getattr(view_class, "org_kinds", ("consultancy", "client"))
        return getattr(self.callback, "org_kinds", ("consultancy", "client"))


def _walk(resolver: URLResolver, prefix: str = "") -> Iterator[Route]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield Route(prefix + str(entry.pattern), entry.name or "", entry.callback)


def all_routes() -> list[Route]:
    return [r for r in _walk(get_resolver()) if not r.pattern.startswith(SKIP_PREFIXES)]


def sample_object(kwarg: str, organization: Any) -> Any:
    """A real object of ``organization`` for a ``<thing>_id`` URL kwarg.

    Built by ``sample_<kwarg>(organization)`` in the tests/factories.py of the model's app.
    """
    if kwarg not in OBJECT_KWARGS:
        raise AssertionError(
            f"URL kwarg {kwarg!r} is not registered: call register_object_kwarg() in the app's urls.py"
        )
    model_label, _path = OBJECT_KWARGS[kwarg]
    app_config = apps.get_app_config(model_label.split(".")[0])
    factories = importlib.import_module(f"{app_config.name}.tests.factories")
    builder = getattr(factories, f"sample_{kwarg}", None)
    if builder is None:
        raise AssertionError(
            f"add sample_{kwarg}(organization) to {app_config.name}.tests.factories"
        )
    return builder(organization)


def build_url(route: Route, organization: Any, cache: dict[tuple[str, Any], Any]) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name == "org_code":
            return organization.code
        key = (name, organization.pk)
        if key not in cache:
            cache[key] = sample_object(name, organization)
        return str(cache[key].pk)

    path = PARAM.sub(replace, route.pattern)
    path = path.replace("^", "").replace("$", "")
    return "/" + path
