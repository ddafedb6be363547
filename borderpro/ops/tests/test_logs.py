"""Logs are JSON lines with the request id and the organization, and never carry
passwords, tokens, secrets or e-mail addresses."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import pytest

from borderpro.ops.logs import JsonFormatter, org_code_var, redact, request_id_var


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    request_id_var.set("")  # no request of an earlier test in this thread
    org_code_var.set("")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)


def _entries(stream: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_log_line_is_one_json_object(log_lines: io.StringIO) -> None:
    logging.getLogger("borderpro.test").warning("seal %s checked", "S-1001")
    (entry,) = _entries(log_lines)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "borderpro.test"
    assert entry["message"] == "seal S-1001 checked"
    assert entry["time"].endswith("+00:00")
    assert "request_id" not in entry  # outside a request


@pytest.mark.parametrize(
    ("message", "secret"),
    [
        ("login failed for alice@carrier.example", "alice@carrier.example"),
        ("password=Hunter2-very-secret posted", "Hunter2-very-secret"),
        ('{"password": "Hunter2-very-secret"}', "Hunter2-very-secret"),
        ("Authorization: Bearer bp_5f1d2c3b4a5968778695a4b3", "bp_5f1d2c3b4a5968778695a4b3"),
        ("api_key=AKIAIOSFODNN7EXAMPLE&x=1", "AKIAIOSFODNN7EXAMPLE"),
        ("csrfmiddlewaretoken=abcdEFGH12345678 sessionid=zyxw98765", "zyxw98765"),
        ("S3_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG", "wJalrXUtnFEMI/K7MDENG"),
    ],
)
def test_secrets_and_personal_data_never_reach_the_log(
    log_lines: io.StringIO, message: str, secret: str
) -> None:
    logging.getLogger("borderpro.test").error(message)
    assert secret not in log_lines.getvalue()
    assert secret not in redact(message)


def test_an_exception_is_logged_without_its_secrets(log_lines: io.StringIO) -> None:
    try:
        raise ValueError("token=tok_abcdef123456 for bob@carrier.example")
    except ValueError:
        logging.getLogger("borderpro.test").exception("job failed")
    (entry,) = _entries(log_lines)
    assert "ValueError" in entry["exception"]
    assert "tok_abcdef123456" not in log_lines.getvalue()
    assert "bob@carrier.example" not in log_lines.getvalue()


@pytest.mark.django_db
def test_a_request_gets_an_id_and_its_log_lines_name_it_and_the_organization(
    as_alice: Any, carrier_a: Any, log_lines: io.StringIO
) -> None:
    response = as_alice.get(f"/o/{carrier_a.code}/no-such-page/?email=alice@carrier.example")
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    entries = [e for e in _entries(log_lines) if e["logger"] == "django.request"]
    assert entries, log_lines.getvalue()
    assert entries[0]["request_id"] == request_id
    assert entries[0]["org"] == carrier_a.code
    assert "alice@carrier.example" not in log_lines.getvalue()


@pytest.mark.django_db
def test_the_proxy_request_id_is_kept_and_a_hostile_one_replaced(client: Any) -> None:
    assert client.get("/healthz", HTTP_X_REQUEST_ID="edge-0123456789ab")["X-Request-ID"] == (
        "edge-0123456789ab"
    )
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID='x"\n{"level":"forged"}')["X-Request-ID"]
    assert replaced != 'x"\n{"level":"forged"}' and len(replaced) == 32


def test_a_password_reset_or_sign_in_posts_nothing_sensitive_to_the_log(
    log_lines: io.StringIO,
) -> None:
    logging.getLogger("django.request").warning(
        "Bad Request: /accounts/login/ login=carol@consult.example&password=S3cret-pass-2026"
    )
    text = log_lines.getvalue()
    assert "S3cret-pass-2026" not in text and "carol@consult.example" not in text
