"""The sidebar is built from what the modules registered, filtered by organization and role."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def sidebar(client: Any, url: str) -> list[str]:
    page = client.get(url).content.decode()
    nav = page[page.index('id="sidebar"') : page.index("</nav>", page.index('id="sidebar"'))]
    return re.findall(r'href="(/o/[^"]+)"', nav)


def test_a_carrier_admin_sees_every_carrier_module_and_no_client_list(
    as_alice: Any, carrier_a: Any
) -> None:
    links = sidebar(as_alice, f"/o/{carrier_a.code}/")
    code = carrier_a.code
    for section in (
        "profile/requirements/",
        "evidence/",
        "operations/",
        "programs/",
        "deadlines/",
        "people/",
        "risk/",
        "partners/",
    ):
        assert f"/o/{code}/{section}" in links, section
    assert f"/o/{code}/clients/" not in links
    # registered order: requirements before the profile, partners after risk
    assert links.index(f"/o/{code}/catalogue/") < links.index(f"/o/{code}/profile/requirements/")
    assert links.index(f"/o/{code}/risk/") < links.index(f"/o/{code}/partners/")


def test_field_staff_see_the_field_app_but_not_the_office_modules(
    as_bob: Any, carrier_a: Any
) -> None:
    links = sidebar(as_bob, f"/o/{carrier_a.code}/catalogue/")
    assert f"/o/{carrier_a.code}/field/" in links
    assert f"/o/{carrier_a.code}/partners/" not in links
    # no entry leads to a page the role may not open
    for href in links:
        assert as_bob.get(href).status_code == 200, href


def test_a_consultancy_sees_its_clients_and_not_carrier_modules(
    as_carol: Any, consultancy: Any
) -> None:
    links = sidebar(as_carol, f"/o/{consultancy.code}/")
    assert f"/o/{consultancy.code}/clients/" in links
    assert f"/o/{consultancy.code}/operations/" not in links


def test_the_entry_of_a_section_is_active_on_its_inner_pages(as_alice: Any, carrier_a: Any) -> None:
    page = as_alice.get(f"/o/{carrier_a.code}/profile/company/").content.decode()
    assert re.search(r'class="active" href="/o/[^"]+/profile/requirements/"', page)
