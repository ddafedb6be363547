from __future__ import annotations

from typing import Any

import pytest

from borderpro.catalogue import loader
from borderpro.catalogue.loader import ParsedFile
from borderpro.catalogue.models import Framework
from borderpro.catalogue.tests.factories import load_shipped
from borderpro.organizations.tests.factories import MembershipFactory

_parsed: dict[tuple[str, bytes], ParsedFile] = {}
_read_file = loader.read_file


def _cached_read_file(name: str, content: bytes) -> ParsedFile:
    """Tests load the same files again and again: parse each once (apply still runs)."""
    key = (name, content)
    if key not in _parsed:
        _parsed[key] = _read_file(name, content)
    first = _parsed[key]
    return ParsedFile(
        name=first.name,
        sha256=first.sha256,
        data=first.data,
        errors=list(first.errors),
        declared_refs=first.declared_refs,
    )


@pytest.fixture(autouse=True)
def _fast_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "read_file", _cached_read_file)


@pytest.fixture
def catalogue(db: Any) -> dict[str, Framework]:
    """The shipped catalogue, loaded; frameworks by family code."""
    load_shipped()
    return {f.code: f for f in Framework.objects.filter(owner__isnull=True, is_current=True)}


@pytest.fixture
def dave(consultancy: Any) -> Any:
    """A consultant administrator of consultancy C."""
    return MembershipFactory(
        organization=consultancy, role="consultant_admin", user__full_name="Dave"
    ).user
