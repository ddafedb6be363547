"""Tailoring: templates filled in from the carrier profile in a sandbox; anything reaching
for code, attributes or files is refused with a message saying what and where."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.policies import library, tailoring
from borderpro.policies.tailoring import TemplateRefused
from borderpro.policies.tests.factories import document_for, profile_for, site_for

pytestmark = pytest.mark.django_db

ESCAPES = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{% import os %}",
    "{% import 'os' as os %}",
    "{% from 'x' import y %}",
    "{% include '/etc/passwd' %}",
    "{% extends 'base.html' %}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ company['__class__'] }}",
    "{{ company|attr('__class__') }}",
    "{{ self._TemplateReference__context }}",
    "{{ range.__self__ }}",
    "{{ config }}",
    "{% for i in range(100000000) %}{% endfor %}",
    "{{ 'x' * 100000000 }}",
    "{{ 9 ** 9999999 }}",
]


@pytest.mark.parametrize("source", ESCAPES)
def test_a_template_reaching_for_code_or_files_is_refused(source: str) -> None:
    with pytest.raises(TemplateRefused) as refused:
        tailoring.render(source, {"company": {"name": "Acme"}})
    assert str(refused.value)


def test_the_refusal_names_the_line_and_what_was_refused() -> None:
    with pytest.raises(TemplateRefused, match="Line 3: “__class__” is not one of the variables"):
        tailoring.render("a\nb\n{{ company.__class__ }}", {"company": {}})
    with pytest.raises(TemplateRefused, match="Line 2: templates may not import"):
        tailoring.render("a\n{% import os %}", {})


def test_an_unknown_variable_is_refused_rather_than_left_blank() -> None:
    with pytest.raises(TemplateRefused, match="could not be filled in"):
        tailoring.render("{{ nothing.here }}", {})


def test_the_carrier_profile_fills_names_sites_and_conditions(carrier_a: Any) -> None:
    profile_for(carrier_a, lines_of_business=["ltl"], reefers=3)
    site_for(carrier_a)
    variables = tailoring.carrier_variables(carrier_a, "en")
    assert variables["has"] == {
        "reefers": True,
        "ltl": True,
        "flatbeds": False,
        "owner_operators": False,
        "cctv": True,
        "warehouse": False,
        "bonded": False,
    }
    doc = document_for(carrier_a, "seal-control")
    assert "Acme Freight Ltd." in doc.body
    assert "Toronto terminal" in doc.body
    assert "Pick-up and delivery (LTL)" in doc.body  # the LTL condition holds
    inspection = document_for(carrier_a, "conveyance-inspection")
    assert "**Reefer unit:**" in inspection.body
    assert "Ambassador Bridge (Windsor-Detroit)" in inspection.body


def test_without_reefers_or_ltl_those_sections_are_left_out(carrier_a: Any) -> None:
    profile_for(carrier_a, reefers=0, lines_of_business=["truckload"])
    assert "(LTL)" not in document_for(carrier_a, "seal-control").body
    assert "Reefer unit" not in document_for(carrier_a, "conveyance-inspection").body


def test_every_shipped_template_fills_in_for_an_empty_profile_in_both_languages(
    carrier_a: Any,
) -> None:
    variables_en = tailoring.carrier_variables(carrier_a, "en")
    variables_fr = tailoring.carrier_variables(carrier_a, "fr")
    templates = library.builtin()
    assert len(templates) >= 17
    for t in templates:
        assert t.body.get("en") and t.body.get("fr"), t.key
        assert t.title.get("en") and t.title.get("fr"), t.key
        assert t.refs, t.key
        assert tailoring.render(t.body["en"], variables_en).strip()
        assert tailoring.render(t.body["fr"], variables_fr).strip()


def test_the_document_remembers_its_template_and_version(carrier_a: Any) -> None:
    doc = document_for(carrier_a, "cybersecurity", language="fr")
    assert (doc.template_key, doc.template_version, doc.template_source) == (
        "cybersecurity",
        1,
        "builtin",
    )
    assert doc.title == "Politique de cybersécurité"
    assert doc.versions.get().number == 1
