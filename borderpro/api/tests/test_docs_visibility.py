"""The OpenAPI schema and its documentation pages are public only when a setting says so:
public in development, for signed-in users in production (they were public in production)."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/"]


@pytest.mark.parametrize("url", PAGES)
def test_private_docs_refuse_anonymous_visitors(url: str, settings: Any) -> None:
    settings.API_DOCS_PUBLIC = False
    assert Client().get(url).status_code in (401, 403)


@pytest.mark.parametrize("url", PAGES)
def test_private_docs_open_to_signed_in_users(url: str, as_alice: Client, settings: Any) -> None:
    settings.API_DOCS_PUBLIC = False
    assert as_alice.get(url).status_code == 200


@pytest.mark.parametrize("url", PAGES)
def test_public_docs_open_to_anyone(url: str, settings: Any) -> None:
    settings.API_DOCS_PUBLIC = True
    assert Client().get(url).status_code == 200


def test_the_default_in_production_is_private() -> None:
    code = "import django, os; django.setup(); from django.conf import settings; print(settings.API_DOCS_PUBLIC)"
    env_prod = {
        "BORDERPRO_MODE": "production",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "x.example",
        "SECRET_KEY": "k" * 60,
        "CHAIN_SEAL_KEY": "c" * 40,
        "DJANGO_SETTINGS_MODULE": "borderpro.settings",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env_prod}, capture_output=True, text=True
    )
    assert out.stdout.strip() == "False", out.stderr
