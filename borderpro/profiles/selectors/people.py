"""The people who can own parts of a profile: members of the carrier and its assigned consultants."""

from __future__ import annotations

from typing import Any

from borderpro.accounts.models import User
from borderpro.organizations.models import ConsultantAssignment, Membership
from borderpro.organizations.roles import READERS


def people(organization: Any) -> list[User]:
    member_ids = Membership.objects.filter(
        organization=organization, role__in=list(READERS)
    ).values("user_id")
    consultant_ids = ConsultantAssignment.objects.filter(link__client=organization).values(
        "user_id"
    )
    return list(User.objects.filter(pk__in=member_ids) | User.objects.filter(pk__in=consultant_ids))


def people_ids(organization: Any) -> set[Any]:
    return {u.pk for u in people(organization)}
