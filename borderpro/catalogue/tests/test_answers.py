"""The catalogue asks registered answer sources; it imports no module that keeps answers."""

from __future__ import annotations

from types import SimpleNamespace

from django.utils import translation

from borderpro.catalogue.answers import answer_source_for

SHIPPED = SimpleNamespace(owner_id=None)
OWN = SimpleNamespace(owner_id="consultancy-1")


def test_a_carrier_s_answers_to_a_shipped_framework_come_from_its_profile() -> None:
    source = answer_source_for(SimpleNamespace(kind="client"), SHIPPED)
    assert source is not None and source.name == "profile"
    with translation.override("fr"):
        assert str(source.title) == "Les réponses de votre profil de sécurité sont-elles reportées?"


def test_a_consultancy_or_its_own_framework_has_no_answer_source() -> None:
    assert answer_source_for(SimpleNamespace(kind="consultancy"), SHIPPED) is None
    assert answer_source_for(SimpleNamespace(kind="client"), OWN) is None
