"""Settings come from the environment; production refuses unsafe values, naming the variable."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from borderpro.common import env

GOOD_SECRET = "x" * 60


def _settings_error(**overrides: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL",)}
    environment.update(
        {
            "BORDERPRO_MODE": "production",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "borderpro.example",
            "SECRET_KEY": GOOD_SECRET,
            "CHAIN_SEAL_KEY": "k" * 40,
        }
    )
    for key, value in overrides.items():
        if value is None:
            environment.pop(key, None)
        else:
            environment[key] = value
    result = subprocess.run(
        [sys.executable, "-c", "import borderpro.settings"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stderr if result.returncode else ""


def test_production_starts_with_safe_settings() -> None:
    assert _settings_error() == ""


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"DEBUG": "true"}, "DEBUG"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"DEBUG": "maybe"}, "DEBUG"),
        ({"SESSION_COOKIE_AGE": "ten"}, "SESSION_COOKIE_AGE"),
        ({"STORAGE_BACKEND": "ftp"}, "STORAGE_BACKEND"),
        ({"CHAIN_SEAL_KEY": None}, "CHAIN_SEAL_KEY"),
        ({"CHAIN_SEAL_KEY": "short"}, "CHAIN_SEAL_KEY"),
        ({"CHAIN_SEAL_KEY": GOOD_SECRET}, "CHAIN_SEAL_KEY"),
    ],
)
def test_production_refuses_unsafe_or_malformed_values(overrides: dict, named: str) -> None:
    error = _settings_error(**overrides)
    assert "ImproperlyConfigured" in error
    assert named in error


def test_secret_file_wins_over_variable(tmp_path, monkeypatch) -> None:
    secret = tmp_path / "secret"
    secret.write_text("from-file\n")
    monkeypatch.setenv("API_SECRET", "from-env")
    monkeypatch.setenv("API_SECRET_FILE", str(secret))
    assert env.env_str("API_SECRET") == "from-file"


def test_unreadable_secret_file_is_named(monkeypatch) -> None:
    monkeypatch.setenv("API_SECRET_FILE", "/nonexistent/secret")
    with pytest.raises(ImproperlyConfigured, match="API_SECRET_FILE"):
        env.env_str("API_SECRET")


def test_typed_parsers(monkeypatch) -> None:
    monkeypatch.setenv("N", "12")
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    monkeypatch.setenv("FLAG", "Yes")
    assert env.env_int("N", 1) == 12
    assert env.env_list("HOSTS") == ["a.example", "b.example"]
    assert env.env_bool("FLAG") is True
    monkeypatch.setenv("N", "0")
    with pytest.raises(ImproperlyConfigured, match="N: must be at least 1"):
        env.env_int("N", 5, minimum=1)
