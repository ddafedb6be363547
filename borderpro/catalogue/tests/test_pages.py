"""Catalogue pages: browse, search and filter in English and French, detail, crosswalk, compare."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from borderpro.catalogue.models import Framework, Requirement

pytestmark = pytest.mark.django_db


def _url(name: str, org: Any, *args: Any) -> str:
    return reverse(f"catalogue:{name}", args=[org.code, *args])


def _refs(response: Any) -> list[str]:
    return [r.ref for r in response.context["page"].object_list]


def test_nav_and_index_list_the_frameworks(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    response = as_alice.get(_url("index", carrier_a))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="{_url("index", carrier_a)}"' in html
    assert "Partners in Protection" in html and "C-TPAT Minimum Security Criteria" in html
    assert "catalogue/catalogue.css" in html


def test_index_says_when_the_catalogue_is_not_loaded(as_alice: Client, carrier_a: Any) -> None:
    response = as_alice.get(_url("index", carrier_a))
    assert "The catalogue is not loaded" in response.content.decode()


def test_search_in_english(as_alice: Client, carrier_a: Any, catalogue: Any) -> None:
    response = as_alice.get(_url("requirements", carrier_a), {"q": "statement of support"})
    assert {"PIP-CORP-04", "CTPAT-HC-1.1"} <= set(_refs(response))
    response = as_alice.get(_url("requirements", carrier_a), {"q": "déclaration d'appui"})
    assert _refs(response) == []


def test_search_in_french_ignores_accents_and_capitals(
    alice: Any, carrier_a: Any, catalogue: Any
) -> None:
    alice.language = "fr"
    alice.save()
    client = Client()
    client.force_login(alice)
    response = client.get(_url("requirements", carrier_a), {"q": "DECLARATION d'appui"})
    assert {"PIP-CORP-04", "CTPAT-HC-1.1"} <= set(_refs(response))
    html = response.content.decode()
    assert "Déclaration d&#x27;appui signée" in html
    response = client.get(_url("requirements", carrier_a), {"q": "statement of support"})
    assert _refs(response) == []


def test_search_finds_evidence_hints_and_refs(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    response = as_alice.get(_url("requirements", carrier_a), {"q": "pip-pep@cbsa-asfc.gc.ca"})
    assert "PIP-CORP-03" in _refs(response)
    response = as_alice.get(_url("requirements", carrier_a), {"q": "CTPAT-HC-9.13"})
    assert set(_refs(response)) == {"CTPAT-HC-9.13", "CTPAT-HC-9.13-QUALITY"}


def test_filters_by_framework_category_level_confidence_and_procedure(
    as_alice: Client, carrier_a: Any, catalogue: dict[str, Framework]
) -> None:
    pip = catalogue["PIP"]
    url = _url("requirements", carrier_a)
    assert len(_refs(as_alice.get(url, {"framework": str(pip.pk)}))) == 30
    assert len(_refs(as_alice.get(url, {"framework": "PIP"}))) == 30
    corporate = pip.categories.get(code="CORPORATE")
    assert len(_refs(as_alice.get(url, {"framework": "PIP", "category": str(corporate.pk)}))) == 8
    infos = _refs(as_alice.get(url, {"framework": "PIP", "level": "info"}))
    assert set(infos) == {"PIP-CARGO-05", "PIP-MEM-07", "PIP-MEM-10"}
    inferred = _refs(as_alice.get(url, {"framework": "PIP", "confidence": "inferred"}))
    assert set(inferred) == {"PIP-CARGO-02", "PIP-CARGO-03"}
    with_procedure = _refs(as_alice.get(url, {"framework": "PIP", "procedure": "yes"}))
    expected = set(
        Requirement.objects.filter(framework=pip, procedure_required=True).values_list(
            "ref", flat=True
        )
    )
    assert set(with_procedure) == expected and expected
    assert _refs(as_alice.get(url, {"level": "nonsense", "framework": "PIP"})) != []


def test_htmx_returns_the_results_and_the_categories_of_the_framework(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    response = as_alice.get(
        _url("requirements", carrier_a), {"q": "seal", "framework": "PIP"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert (
        'hx-swap-oob="true"' in html
        and "Corporate security" in html
        and "Vision and Responsibility" not in html
    )


def test_list_query_count_does_not_grow_with_rows(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    url = _url("requirements", carrier_a)
    as_alice.get(url)  # the first view also remembers the organization
    counts = []
    for params in (
        {"framework": "CTPAT-HC", "q": "statement of support"},
        {"framework": "CTPAT-HC", "q": ""},
    ):
        with CaptureQueriesContext(connection) as queries:
            response = as_alice.get(url, params)
        assert response.status_code == 200
        counts.append((len(_refs(response)), len(queries)))
    (few, q_few), (many, q_many) = counts
    assert few < 3 and many == 50
    assert q_few == q_many


def test_requirement_page_shows_sources_confidence_evidence_and_mappings(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    requirement = Requirement.objects.get(ref="PIP-CORP-02")
    html = as_alice.get(_url("requirement", carrier_a, requirement.pk)).content.decode()
    assert "What a validator expects to see" in html and requirement.evidence_en in html
    assert requirement.source_url in html
    assert "Confirmed, with a gap noted" in html and requirement.unconfirmed_en in html
    assert "CTPAT-HC-2.1" in html and "Partial" in html
    ctpat = Requirement.objects.get(ref="CTPAT-HC-2.1")
    html = as_alice.get(_url("requirement", carrier_a, ctpat.pk)).content.decode()
    assert "PIP-CORP-02" in html, "mappings show from both sides"
    assert "From a third-party source" in html


def test_unconfirmed_requirement_carries_a_warning(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    pending = Requirement.objects.get(ref="CTPAT-HC-PV.1")
    html = as_alice.get(_url("requirement", carrier_a, pending.pk)).content.decode()
    assert "Unconfirmed: not verified in any source" in html


def test_crosswalk_page_has_the_matrix_and_no_uncovered_pip_requirement(
    as_carol: Client, carrier_a: Any, catalogue: dict[str, Framework]
) -> None:
    response = as_carol.get(_url("crosswalk", carrier_a))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Every PIP requirement maps to at least one C-TPAT Highway requirement." in html
    assert len(response.context["result"].matrix) == 5
    corporate = catalogue["PIP"].categories.get(code="CORPORATE")
    risk = catalogue["CTPAT-HC"].categories.get(code="2")
    response = as_carol.get(
        _url("crosswalk", carrier_a), {"r": str(corporate.pk), "c": str(risk.pk)}
    )
    pairs = {(a.ref, b.ref) for a, b, _rel in response.context["pairs"]}
    assert ("PIP-CORP-02", "CTPAT-HC-2.1") in pairs


def test_crosswalk_and_compare_without_a_catalogue(as_alice: Client, carrier_a: Any) -> None:
    assert "No crosswalk to show" in as_alice.get(_url("crosswalk", carrier_a)).content.decode()
    assert (
        "Only one edition of each framework"
        in as_alice.get(_url("compare", carrier_a)).content.decode()
    )


def test_pages_in_french(alice: Any, carrier_a: Any, catalogue: Any) -> None:
    alice.language = "fr"
    alice.save()
    client = Client()
    client.force_login(alice)
    requirement = Requirement.objects.get(ref="PIP-CORP-03")
    html = client.get(_url("requirement", carrier_a, requirement.pk)).content.decode()
    assert "Plan de continuité des activités et de communication" in html
    assert "Ce qu’un validateur s’attend à voir" in html
    html = client.get(_url("crosswalk", carrier_a)).content.decode()
    assert "Sécurité de l&#x27;entreprise" in html or "Sécurité de l'entreprise" in html


def test_framework_page_lists_categories(
    as_alice: Client, carrier_a: Any, catalogue: dict[str, Framework]
) -> None:
    html = as_alice.get(_url("framework", carrier_a, catalogue["CTPAT-HC"].pk)).content.decode()
    assert "Seal Security" in html and "Program obligations" in html


def test_show_all_lists_every_row_for_printing(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    url = _url("requirements", carrier_a)
    html = as_alice.get(url).content.decode()
    assert "Show all to print" in html and "all=1" in html
    assert len(_refs(as_alice.get(url, {"all": "1"}))) == 237


def test_a_framework_named_by_code_shows_as_chosen(
    as_alice: Client, carrier_a: Any, catalogue: dict[str, Framework]
) -> None:
    html = as_alice.get(
        _url("requirements", carrier_a), {"framework": "PIP", "category": "CORPORATE"}
    ).content.decode()
    assert f'<option value="{catalogue["PIP"].pk}" selected>' in html
    corporate = catalogue["PIP"].categories.get(code="CORPORATE")
    assert f'<option value="{corporate.pk}" selected>' in html
