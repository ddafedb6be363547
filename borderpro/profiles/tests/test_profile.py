"""The carrier profile: viewing, editing, identifier errors, concurrent edits, tenancy."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.profiles.models import CarrierProfile, Site

pytestmark = pytest.mark.django_db


def form_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "version": 0,
        "legal_name": "Carrier A Ltd.",
        "operating_name": "Carrier A",
        "modes": ["highway"],
        "business_number": "123 456 782",
        "rm_account": "123456782-RM-0001",
        "scac": "abcd",
        "usdot_number": "1234567",
        "tractors": 10,
        "straight_trucks": 0,
        "dry_vans": 20,
        "reefers": 0,
        "flatbeds": 0,
        "other_trailers": 0,
        "company_drivers": 12,
        "owner_operators": 0,
        "office_staff": 3,
        "yard_staff": 1,
        "div-TOTAL_FORMS": 0,
        "div-INITIAL_FORMS": 0,
        "site-TOTAL_FORMS": 1,
        "site-INITIAL_FORMS": 0,
        "site-0-name": "Main terminal",
        "site-0-kind": "terminal",
        "site-0-address": "1 Road, Milton ON",
        "nsc-TOTAL_FORMS": 0,
        "nsc-INITIAL_FORMS": 0,
    }
    data.update(overrides)
    return data


def url(org: Any, suffix: str = "") -> str:
    return f"/o/{org.code}/profile/company/{suffix}"


def test_alice_fills_in_the_profile_and_identifiers_are_normalised(
    as_alice: Any, carrier_a: Any
) -> None:
    response = as_alice.post(url(carrier_a, "edit/"), form_data())
    assert response.status_code == 302
    profile = CarrierProfile.objects.get(organization=carrier_a)
    assert (profile.business_number, profile.scac, profile.version) == ("123456782", "ABCD", 1)
    assert Site.objects.filter(organization=carrier_a, name="Main terminal").exists()
    page = as_alice.get(url(carrier_a)).content.decode()
    assert "ABCD" in page and "Main terminal" in page and "format OK" in page


def test_a_bad_scac_is_refused_with_the_rule_and_nothing_is_saved(
    as_alice: Any, carrier_a: Any
) -> None:
    response = as_alice.post(
        url(carrier_a, "edit/"), form_data(scac="ABCU", legal_name="Changed Ltd.")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "SCAC codes ending in U are reserved for containers" in page
    assert 'value="Changed Ltd."' in page  # what the user typed is still in the form
    assert not CarrierProfile.objects.filter(organization=carrier_a).exists()
    assert not Site.objects.filter(organization=carrier_a).exists()


def test_rm_account_must_belong_to_the_business_number(as_alice: Any, carrier_a: Any) -> None:
    response = as_alice.post(url(carrier_a, "edit/"), form_data(rm_account="987654324RM0001"))
    assert response.status_code == 400
    assert "must start with the Business Number 123456782" in response.content.decode()


def test_a_bonded_carrier_needs_a_bond_amount_in_the_cbsa_range(
    as_alice: Any, carrier_a: Any
) -> None:
    response = as_alice.post(url(carrier_a, "edit/"), form_data(bonded="on", bond_amount="100"))
    assert response.status_code == 400
    assert "between CAD 5,000 and 25,000" in response.content.decode()


def test_the_second_of_two_concurrent_saves_is_refused_and_shows_both(
    as_alice: Any, as_carol: Any, carrier_a: Any
) -> None:
    assert as_alice.post(url(carrier_a, "edit/"), form_data()).status_code == 302
    assert (
        as_carol.post(
            url(carrier_a, "edit/"), form_data(version=1, legal_name="Carol's name")
        ).status_code
        == 302
    )
    response = as_alice.post(
        url(carrier_a, "edit/"), form_data(version=1, legal_name="Alice's name")
    )
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else saved the profile" in page
    assert "Carol&#x27;s name" in page and 'value="Alice&#x27;s name"' in page
    assert CarrierProfile.objects.get(organization=carrier_a).legal_name == "Carol's name"
    again = as_alice.post(
        url(carrier_a, "edit/"),
        form_data(version=2, legal_name="Alice's name", **{"site-TOTAL_FORMS": 0}),
    )
    assert again.status_code == 302
    assert CarrierProfile.objects.get(organization=carrier_a).legal_name == "Alice's name"


def test_field_staff_cannot_open_the_profile_and_outsiders_get_404(
    as_bob: Any, as_charlie: Any, carrier_a: Any
) -> None:
    assert as_bob.get(url(carrier_a)).status_code == 403
    assert as_charlie.get(url(carrier_a)).status_code == 404
    assert as_charlie.post(url(carrier_a, "edit/"), form_data()).status_code == 404
    assert not CarrierProfile.objects.filter(organization=carrier_a).exists()


def test_a_two_letter_scac_is_saved_with_a_note(as_alice: Any, carrier_a: Any) -> None:
    response = as_alice.post(url(carrier_a, "edit/"), form_data(scac="bn"), follow=True)
    assert response.status_code == 200
    page = response.content.decode()
    assert "The carrier profile is saved." in page
    assert "railroads and passenger motor carriers" in page
    assert CarrierProfile.objects.get(organization=carrier_a).scac == "BN"


def test_a_business_number_failing_its_check_digit_is_refused(
    as_alice: Any, carrier_a: Any
) -> None:
    response = as_alice.post(
        url(carrier_a, "edit/"),
        form_data(business_number="123456789", rm_account="123456789RM0001"),
    )
    assert response.status_code == 400
    assert "check digit" in response.content.decode()
    assert not CarrierProfile.objects.filter(organization=carrier_a).exists()
