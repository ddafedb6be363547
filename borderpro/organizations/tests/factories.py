"""Factories that keep related objects inside one tenant."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import factory

from borderpro.accounts.models import User
from borderpro.organizations.models import (
    ClientLink,
    ConsultantAssignment,
    Membership,
    Organization,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create:
            self.save()


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Carrier {n}")
    kind = "client"
    business_type = "highway_carrier"
    country = "CA"
    region = "ON"
    time_zone = "America/Toronto"


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "admin"


def link_client(
    consultancy: Organization, client: Organization, *, assign: Sequence[User] = ()
) -> ClientLink:
    link, _created = ClientLink.objects.get_or_create(consultancy=consultancy, client=client)
    for user in assign:
        ConsultantAssignment.objects.get_or_create(link=link, user=user)
    return link


def sample_member_id(organization: Organization) -> Membership:
    membership: Membership = MembershipFactory(organization=organization, role="viewer")
    return membership


def sample_invitation_id(organization: Organization) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from borderpro.organizations.models import Invitation

    return Invitation.objects.create(
        organization=organization,
        email="invitee@example.com",
        role="viewer",
        token_hash=factory.Faker("sha256").evaluate(None, None, {"locale": None}),
        expires_at=timezone.now() + timedelta(days=3),
    )


def sample_link_id(organization: Organization) -> ClientLink:
    if organization.kind == "consultancy":
        return link_client(organization, OrganizationFactory())
    return link_client(OrganizationFactory(kind="consultancy", business_type=""), organization)
