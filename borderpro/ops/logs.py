"""Structured logs: one JSON object per line, with the request id and the organization.

``RequestIdMiddleware`` takes a sane incoming ``X-Request-ID`` (from the TLS proxy) or
makes one, keeps it (and the organization code of ``/o/<org_code>/`` pages) for every log
line written while the request runs, and returns it in the response's ``X-Request-ID``.
``JsonFormatter`` writes ``time, level, logger, message, request_id, org`` (and the
exception), after :func:`redact` has removed what must never be logged: passwords,
tokens, secrets, keys, cookies, authorization headers and e-mail addresses.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from django.http import HttpRequest, HttpResponse

request_id_var: ContextVar[str] = ContextVar("request_id", default="")
org_code_var: ContextVar[str] = ContextVar("org_code", default="")

_ORG_PATH = re.compile(r"^/(?:api/v1/)?o/([A-Za-z0-9_-]{1,64})/")
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SECRET_WORDS = r"(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|session(?:id)?|csrf(?:token|middlewaretoken)?|cookie|authorization|key)"
# name=value, name: value, "name": "value" — the value up to a separator
_SECRET_PAIR = re.compile(
    rf"(?i)(\"?[\w-]*{_SECRET_WORDS}[\w-]*\"?\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s,;&}}]+)"
)
_BEARER = re.compile(r"(?i)\b(bearer|basic|token)\s+[A-Za-z0-9._~+/=-]{8,}")
REDACTED = "[redacted]"


def redact(text: str) -> str:
    """``text`` without secrets or e-mail addresses."""
    text = _BEARER.sub(lambda m: f"{m.group(1)} {REDACTED}", text)
    text = _SECRET_PAIR.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    return _EMAIL.sub("[email]", text)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ``time, level, logger, message, request_id, org``."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        org = org_code_var.get()
        if org:
            entry["org"] = org
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class RequestIdMiddleware:
    """Give every request an id (``X-Request-ID`` in and out) and name its organization
    in the log lines written meanwhile."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        # set, not reset afterwards: Django logs the response ("Not Found: ...") after the
        # middleware returns; the next request of this thread sets both again
        request_id_var.set(request_id)
        org = _ORG_PATH.match(request.path)
        org_code_var.set(org.group(1) if org else "")
        response = self.get_response(request)
        response.headers["X-Request-ID"] = request_id
        return response
