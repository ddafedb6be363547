"""Catalogue pages keep their rendered fragments: few queries, and never a stale page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from borderpro.catalogue import services
from borderpro.catalogue.models import Requirement
from borderpro.catalogue.tests.factories import framework_file, load_owned, requirement

pytestmark = pytest.mark.django_db


def _url(name: str, org: Any, *args: Any) -> str:
    return reverse(f"catalogue:{name}", args=[org.code, *args])


def _html(response: Any) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


@pytest.fixture
def editions(consultancy: Any, dave: Any, catalogue: Any) -> None:
    from borderpro.catalogue.demo import seed

    seed(consultancy, dave)  # two editions of the consultancy's questionnaire, and notes


def _pages(consultancy: Any, carrier_a: Any) -> list[str]:
    requirement_pk = Requirement.objects.get(ref="PIP-CORP-02").pk
    return [
        _url("requirements", carrier_a),
        _url("requirement", carrier_a, requirement_pk),
        _url("crosswalk", carrier_a),
        _url("compare", consultancy),
    ]


def test_a_kept_page_is_the_same_page_with_few_queries(
    as_carol: Client, consultancy: Any, carrier_a: Any, editions: None
) -> None:
    for url in _pages(consultancy, carrier_a):
        with CaptureQueriesContext(connection) as first:
            built = _html(as_carol.get(url))
        with CaptureQueriesContext(connection) as second:
            kept = _html(as_carol.get(url))
        assert kept == built, url
        # the chrome (session, user, organization, access, switcher, bell), the catalogue's
        # state, and what the page shows besides the catalogue (requirement, notes, history)
        assert len(second) <= 16, (url, [q["sql"][:80] for q in second.captured_queries])
        assert len(second) < len(first), url


def test_query_counts_do_not_depend_on_the_filters(
    as_carol: Client, carrier_a: Any, catalogue: Any
) -> None:
    url = _url("requirements", carrier_a)
    as_carol.get(url)
    counts = []
    for params in (
        {"q": "seal"},
        {"q": "seal"},
        {"q": "inspection"},
        {"q": "statement of support"},
    ):
        with CaptureQueriesContext(connection) as queries:
            as_carol.get(url, params)
        counts.append(len(queries))
    kept, built = counts[1], counts[0]
    assert counts[2:] == [built, built] and kept < built


def test_a_note_shows_at_once(
    as_carol: Client, consultancy: Any, carrier_a: Any, dave: Any, catalogue: Any
) -> None:
    item = Requirement.objects.get(ref="PIP-CORP-02")
    listing = _url("requirements", carrier_a)
    params = {"q": "PIP-CORP-02"}
    assert "badge info" not in _html(as_carol.get(listing, params))
    assert "Lock the yard gate" not in _html(as_carol.get(_url("requirement", carrier_a, item.pk)))
    note = services.guidance_note_save(
        actor=dave, consultancy=consultancy, requirement=item, text="Lock the yard gate"
    )
    assert "badge info" in _html(as_carol.get(listing, params))
    assert "Lock the yard gate" in _html(as_carol.get(_url("requirement", carrier_a, item.pk)))
    services.guidance_note_delete(actor=dave, note=note)
    assert "badge info" not in _html(as_carol.get(listing, params))


def test_a_new_load_shows_at_once(
    as_carol: Client, consultancy: Any, carrier_a: Any, catalogue: Any
) -> None:
    def questionnaire(title: str) -> dict[str, Any]:
        return framework_file(
            "ACME-SQ", "2026", requirements=[requirement("ACME-SQ-01", title=title)]
        )

    assert load_owned(consultancy, questionnaire("Seal every trailer")).ok
    listing = _url("requirements", consultancy)
    assert "Seal every trailer" in _html(as_carol.get(listing, {"q": "ACME"}))
    assert load_owned(consultancy, questionnaire("Seal each trailer twice")).ok
    html = _html(as_carol.get(listing, {"q": "ACME"}))
    assert "Seal each trailer twice" in html and "Seal every trailer" not in html
    item = Requirement.objects.get(ref="ACME-SQ-01")
    assert "Seal each trailer twice" in _html(
        as_carol.get(_url("requirement", consultancy, item.pk))
    )


def test_kept_pages_follow_the_language_and_the_organization(
    alice: Any, as_charlie: Client, carrier_a: Any, carrier_b: Any, catalogue: Any
) -> None:
    url = _url("requirements", carrier_a)
    client = Client()
    client.force_login(alice)
    assert "Requirements" in _html(client.get(url))
    alice.language = "fr"
    alice.save()
    client = Client()
    client.force_login(alice)
    html = _html(client.get(url))
    assert "Exigences" in html and f"/o/{carrier_a.code}/" in html
    other = _html(as_charlie.get(_url("requirements", carrier_b)))
    assert f"/o/{carrier_b.code}/" in other and f"/o/{carrier_a.code}/catalogue" not in other


def test_the_process_keeps_a_bounded_number_of_characters(monkeypatch: Any) -> None:
    from borderpro.catalogue import fragments

    fragments.clear()
    monkeypatch.setattr(fragments, "MAX_CHARS", 25)
    monkeypatch.setattr(fragments, "MAX_FRAGMENT_CHARS", 12)
    built: list[str] = []

    def build(text: str) -> Any:
        def make() -> str:
            built.append(text)
            return text

        return make

    assert fragments.cached("a", build("a" * 10)) == "a" * 10
    assert fragments.cached("big", build("b" * 13)) == "b" * 13  # too big: not kept
    fragments.cached("c", build("c" * 10))
    fragments.cached("a", build("x"))  # kept: not built again, and now the newest
    fragments.cached("d", build("d" * 10))  # 30 characters: the oldest ("c") goes
    fragments.cached("big", build("b" * 13))
    fragments.cached("c", build("c" * 10))
    assert built == ["a" * 10, "b" * 13, "c" * 10, "d" * 10, "b" * 13, "c" * 10]
    fragments.clear()
