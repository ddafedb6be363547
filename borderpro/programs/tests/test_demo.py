"""The demo memberships, declarations and drivers can be seeded twice without duplicates."""

from __future__ import annotations

from typing import Any

import pytest

from borderpro.people.demo import seed as seed_people
from borderpro.people.models import DriverCard, Employee
from borderpro.programs.demo import seed as seed_programs
from borderpro.programs.models import Declarations, Membership

pytestmark = pytest.mark.django_db


def _counts() -> tuple[int, ...]:
    return (
        Membership.objects.count(),
        Declarations.objects.count(),
        Employee.objects.count(),
        DriverCard.objects.count(),
    )


def test_demo_seed_is_idempotent(carrier_a: Any, carrier_b: Any) -> None:
    orgs = {"mapleleaf": carrier_a, "laurentid": carrier_b}
    seed_people(orgs, {})
    seed_programs(orgs, {})
    first = _counts()
    seed_people(orgs, {})
    seed_programs(orgs, {})
    assert _counts() == first == (3, 2, 16, 6)  # the training matrix needs a roster
    pip = Membership.objects.get(organization=carrier_a, program="PIP")
    assert (pip.status, str(pip.approved_on)) == ("approved", "2022-03-15")
    assert Membership.objects.get(organization=carrier_b, program="PIP").status == "applied"
