"""Catalogue API: filters, language, tenancy and constant query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.catalogue.models import Framework, Requirement
from borderpro.catalogue.tests.factories import framework_file, load_owned, requirement

pytestmark = pytest.mark.django_db


def _api(org: Any, path: str) -> str:
    return f"/api/v1/o/{org.code}/catalogue/{path}"


def _refs(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [r["ref"] for r in response.json()["results"]]


def test_frameworks_and_framework_detail(
    as_alice: Client, carrier_a: Any, catalogue: dict[str, Framework]
) -> None:
    data = as_alice.get(_api(carrier_a, "frameworks/")).json()
    by_code = {f["code"]: f for f in data["results"]}
    assert by_code["PIP"]["requirement_count"] == 30 and by_code["PIP"]["consultancy"] is None
    detail = as_alice.get(
        _api(carrier_a, f"frameworks/{catalogue['PIP'].pk}/"), {"lang": "fr"}
    ).json()
    assert detail["short_name"] == "PEP"
    assert [c["code"] for c in detail["categories"]] == [
        "CORPORATE",
        "CARGO_CONVEYANCE",
        "PHYSICAL",
        "PARTNER",
        "MEMBERSHIP",
    ]
    assert detail["categories"][0]["title"] == "Sécurité de l'entreprise"


def test_categories_of_a_framework(as_alice: Client, carrier_a: Any, catalogue: Any) -> None:
    data = as_alice.get(_api(carrier_a, "categories/"), {"framework": "CTPAT-HC"}).json()
    assert [c["code"] for c in data["results"]][:3] == ["1", "2", "3"]
    assert as_alice.get(_api(carrier_a, "categories/"), {"framework": "NOPE"}).status_code == 400


def test_requirements_filter_by_framework_category_level_text(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    url = _api(carrier_a, "requirements/")
    assert len(_refs(as_alice.get(url, {"framework": "PIP", "page_size": 100}))) == 30
    assert len(_refs(as_alice.get(url, {"framework": "PIP", "category": "CORPORATE"}))) == 8
    assert set(_refs(as_alice.get(url, {"framework": "PIP", "level": "info"}))) == {
        "PIP-CARGO-05",
        "PIP-MEM-07",
        "PIP-MEM-10",
    }
    assert set(
        _refs(as_alice.get(url, {"framework": "CTPAT-HC", "confidence": "unconfirmed"}))
    ) == {"CTPAT-HC-PV.1", "CTPAT-HC-PV.2", "CTPAT-HC-PV.3"}  # P.6: confirmed by 6 U.S.C.
    procedures = _refs(as_alice.get(url, {"framework": "PIP", "procedure_required": "true"}))
    assert procedures and all(Requirement.objects.get(ref=r).procedure_required for r in procedures)
    assert "PIP-CORP-04" in _refs(as_alice.get(url, {"q": "statement of support"}))


def test_requirements_in_the_requested_language(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    url = _api(carrier_a, "requirements/")
    french = as_alice.get(url, {"q": "declaration d'appui", "lang": "fr"})
    assert french["Content-Language"] == "fr"
    item = next(r for r in french.json()["results"] if r["ref"] == "PIP-CORP-04")
    assert item["title"] == "Déclaration d'appui signée"
    assert item["category"]["title"] == "Sécurité de l'entreprise"
    header = as_alice.get(
        url, {"framework": "PIP", "category": "CORPORATE"}, HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9"
    )
    assert header["Content-Language"] == "fr"
    assert header.json()["results"][0]["title"] == "Système de contrôles et contrepoids"
    english = as_alice.get(
        url, {"framework": "PIP", "category": "CORPORATE", "lang": "en"}, HTTP_ACCEPT_LANGUAGE="fr"
    )
    assert english.json()["results"][0]["title"] == "Checks and balances"


def test_requirement_detail_has_mappings_both_ways(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    target = Requirement.objects.get(ref="CTPAT-HC-2.1")
    data = as_alice.get(_api(carrier_a, f"requirements/{target.pk}/")).json()
    assert {"ref": "PIP-CORP-02", "relation": "partial", "direction": "from"}.items() <= next(
        m for m in data["mappings"] if m["ref"] == "PIP-CORP-02"
    ).items()
    assert data["official_id"] == "2.1"
    pip = Requirement.objects.get(ref="PIP-CORP-01")
    assert as_alice.get(_api(carrier_a, f"requirements/{pip.pk}/")).json()["official_id"] is None


def test_bad_filters_are_400_with_the_error_format(
    as_alice: Client, carrier_a: Any, catalogue: Any
) -> None:
    response = as_alice.get(
        _api(carrier_a, "requirements/"), {"level": "sometimes", "procedure_required": "maybe"}
    )
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert fields == {"level", "procedure_required"}


def test_mappings_of_a_framework(as_alice: Client, carrier_a: Any, catalogue: Any) -> None:
    data = as_alice.get(_api(carrier_a, "mappings/"), {"framework": "PIP", "page_size": 500}).json()
    assert data["count"] >= 54
    sources = {
        m["from_requirement"]["ref"]
        for m in data["results"]
        if m["from_requirement"]["framework"] == "PIP"
    }
    assert len(sources) == 30


def test_outsiders_and_anonymous_get_nothing(
    as_charlie: Client, carrier_a: Any, catalogue: Any
) -> None:
    assert as_charlie.get(_api(carrier_a, "requirements/")).status_code == 404
    assert Client().get(_api(carrier_a, "requirements/")).status_code in (401, 403)


@pytest.mark.parametrize("path", ["requirements/", "mappings/", "frameworks/", "categories/"])
def test_list_query_counts_do_not_grow_with_rows(
    path: str, as_alice: Client, carrier_a: Any, consultancy: Any, carol: Any, catalogue: Any
) -> None:
    for n in range(3):  # consultancy frameworks add rows of every kind
        load_owned(
            consultancy,
            framework_file(
                f"Q{n}",
                requirements=[
                    requirement(f"Q{n}-0{i}", mappings=[("PIP-CORP-01", "related")])
                    for i in range(1, 4)
                ],
            ),
        )
    counts = []
    for size in (5, 100):
        with CaptureQueriesContext(connection) as queries:
            response = as_alice.get(_api(carrier_a, path), {"page_size": size})
        assert response.status_code == 200
        counts.append((len(response.json()["results"]), len(queries)))
    (few, q_few), (many, q_many) = counts
    assert few < many
    assert q_few == q_many
