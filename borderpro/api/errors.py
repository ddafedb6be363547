"""One error format for every error: ``{"errors": [{"field", "code", "message"}]}``.

4xx come from DRF's exceptions (and Django's ValidationError, Http404, PermissionDenied);
an unexpected exception is logged and answered with a 500 in the same shape, not Django's
HTML error page (with ``DEBUG`` on it is re-raised so the developer sees the traceback).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.signals import got_request_exception
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback


def _flatten(detail: Any, field: str | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = (
                None
                if key in ("non_field_errors", "__all__")
                else (f"{field}.{key}" if field else str(key))
            )
            out.extend(_flatten(value, name))
    elif isinstance(detail, list):
        for item in detail:
            out.extend(_flatten(item, field))
    else:
        code = getattr(detail, "code", None) or "invalid"
        out.append({"field": field, "code": code, "message": str(detail)})
    return out


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail = (
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
        exc = exceptions.ValidationError(detail=detail)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return server_error(exc, context)
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
    else:
        message: Any = getattr(exc, "detail", None) or str(exc)
        code = str(getattr(message, "code", None) or getattr(exc, "default_code", None) or "error")
        errors = [{"field": None, "code": code, "message": str(message)}]
    response.data = {"errors": errors}
    if response.status_code == status.HTTP_401_UNAUTHORIZED and "WWW-Authenticate" not in response:
        response["WWW-Authenticate"] = "Bearer"
    return response


log = logging.getLogger("borderpro.api")


def server_error(exc: Exception, context: dict[str, Any]) -> Response | None:
    """An unexpected exception: logged like Django logs one, answered in the error shape."""
    if settings.DEBUG:
        return None  # DRF re-raises: the developer gets the debug page
    request = context.get("request")
    log.error(
        "Internal Server Error: %s",
        getattr(request, "path", "?"),
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    # the signal Django sends for an unhandled exception (the test client re-raises it)
    got_request_exception.send(sender=None, request=getattr(request, "_request", request))
    set_rollback()
    return Response(
        {
            "errors": [
                {
                    "field": None,
                    "code": "server_error",
                    "message": _("Something went wrong on our side. The error was logged."),
                }
            ]
        },
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )
