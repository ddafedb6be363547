"""#21.12: a carrier reads carrier words, programs are written one way, roles from one place."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from borderpro.organizations.tests.factories import MembershipFactory, OrganizationFactory
from borderpro.programs.labels import program_name

pytestmark = pytest.mark.django_db


def test_a_carrier_sees_its_line_of_business_not_client_company(
    as_alice: Client, carrier_a: Any
) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/").content.decode()
    assert "Client company" not in page
    assert "Highway carrier" in page


def test_program_names_are_defined_once_per_language() -> None:
    assert program_name("CTPAT", "en") == "C-TPAT" == program_name("CTPAT", "fr")
    assert program_name("FAST", "en") == "FAST"
    assert program_name("FAST", "fr") == "EXPRES"
    assert program_name("PIP", "fr") == "PEP"


def test_sign_in_list_and_header_use_the_same_role_label(settings: Any) -> None:
    settings.PRODUCTION = False
    org = OrganizationFactory(name="Transports Laurentides")
    chantal = MembershipFactory(
        organization=org,
        role="admin",
        user__email="chantal@laurentides.example",
        user__full_name="Chantal Tremblay",
        user__language="fr",
    ).user
    anonymous = Client()
    anonymous.cookies["django_language"] = "fr"
    sign_in = anonymous.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Administrateur (Transports Laurentides)" in sign_in
    assert "administratrice" not in sign_in
    client = Client()
    client.force_login(chantal)
    header = client.get(f"/o/{org.code}/").content.decode()
    assert "<small>Administrateur</small>" in header
