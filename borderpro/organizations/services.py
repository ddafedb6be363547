"""Writes for organizations, memberships, client links and invitations."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.accounts.models import ApiToken
from borderpro.common.emails import send_templated_email
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import (
    ClientLink,
    ConsultantAssignment,
    Invitation,
    Membership,
    Organization,
)
from borderpro.organizations.roles import CLIENT_ROLES, CONSULTANCY_ROLES, Role
from borderpro.organizations.tenancy import organizations_for_user

INVITATION_DAYS = 14


def allowed_roles(organization: Organization) -> tuple[Role, ...]:
    return CONSULTANCY_ROLES if organization.is_consultancy else CLIENT_ROLES


@transaction.atomic
def organization_create(*, actor: Any, name: str, kind: str, **fields: Any) -> Organization:
    org = Organization(name=name, kind=kind, **fields)
    if kind == Organization.Kind.CONSULTANCY and "require_mfa" not in fields:
        org.require_mfa = True  # consultancies see many clients' files: 2FA on by default
    org.full_clean()
    org.save()
    Membership.objects.create(user=actor, organization=org, role=Role.OWNER)
    activity_record(
        organization=org, actor=actor, verb="organization.created", target=org, name=name
    )
    return org


@transaction.atomic
def organization_update(*, actor: Any, organization: Organization, **fields: Any) -> Organization:
    for key, value in fields.items():
        setattr(organization, key, value)
    organization.full_clean()
    organization.save()
    activity_record(
        organization=organization, actor=actor, verb="organization.updated", target=organization
    )
    return organization


def _token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *, actor: Any, organization: Organization, email: str, role: str
) -> tuple[Invitation, str]:
    email = email.strip().lower()
    if role not in allowed_roles(organization):
        raise ValidationError({"role": _("This role does not exist in this kind of organization.")})
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise ValidationError({"email": _("%(email)s is already a member.") % {"email": email}})
    Invitation.objects.filter(organization=organization, email=email, accepted_at=None).update(
        revoked_at=timezone.now()
    )
    raw = secrets.token_urlsafe(32)
    invitation = Invitation(
        organization=organization,
        email=email,
        role=role,
        token_hash=_token_hash(raw),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="member.invited",
        target=invitation,
        email=email,
        role=Role(role).label,
    )
    transaction.on_commit(
        lambda: send_templated_email(
            "organizations/email/invitation",
            to=[email],
            language=organization.language,
            context={
                "organization": organization,
                "inviter": actor,
                "token": raw,
                "role": Role(role).label,
                "days": INVITATION_DAYS,
            },
        )
    )
    return invitation, raw


def invitation_for_token(raw: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organization")
        .filter(token_hash=_token_hash(raw))
        .first()
    )


@transaction.atomic
def invitation_accept(*, user: Any, invitation: Invitation) -> Membership:
    if not invitation.is_open:
        raise ValidationError(_("This invitation has expired or was withdrawn."))
    if invitation.email.lower() != user.email.lower():
        raise ValidationError(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    membership, _created = Membership.objects.update_or_create(
        user=user, organization=invitation.organization, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    activity_record(
        organization=invitation.organization,
        actor=user,
        verb="member.joined",
        target=membership,
        role=Role(invitation.role).label,
    )
    return membership


@transaction.atomic
def invitation_revoke(*, actor: Any, organization: Organization, invitation: Invitation) -> None:
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    activity_record(
        organization=organization,
        actor=actor,
        verb="invitation.revoked",
        target=invitation,
        email=invitation.email,
    )


def _owners(organization: Organization) -> int:
    return Membership.objects.filter(organization=organization, role=Role.OWNER).count()


@transaction.atomic
def membership_change_role(*, actor: Any, membership: Membership, role: str) -> Membership:
    organization = membership.organization
    if role not in allowed_roles(organization):
        raise ValidationError({"role": _("This role does not exist in this kind of organization.")})
    if membership.role == Role.OWNER and role != Role.OWNER and _owners(organization) == 1:
        raise ValidationError({"role": _("An organization needs at least one owner.")})
    membership.role = role
    membership.full_clean()
    membership.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="member.role_changed",
        target=membership,
        email=membership.user.email,
        role=Role(role).label,
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Any, membership: Membership) -> None:
    organization = membership.organization
    if membership.role == Role.OWNER and _owners(organization) == 1:
        raise ValidationError(_("An organization needs at least one owner."))
    email = membership.user.email
    if organization.is_consultancy:
        ConsultantAssignment.objects.filter(
            link__consultancy=organization, user=membership.user
        ).delete()
    user = membership.user
    membership.delete()
    tokens_revoke_without_access(user=user)
    activity_record(organization=organization, actor=actor, verb="member.removed", email=email)


def tokens_revoke_without_access(*, user: Any) -> int:
    """Revoke the user's API tokens for every organization they can no longer open (after a
    removal or an unassignment): a token never outlives its holder's access."""
    still_open = [org.pk for org, _role in organizations_for_user(user)]
    return (
        ApiToken.objects.filter(user=user, revoked_at__isnull=True)
        .exclude(organization_id__in=still_open)
        .update(revoked_at=timezone.now())
    )


@transaction.atomic
def client_create(
    *, actor: Any, consultancy: Organization, name: str, **fields: Any
) -> Organization:
    """A consultancy opens a new client company and links it."""
    client = Organization(name=name, kind=Organization.Kind.CLIENT, **fields)
    client.full_clean()
    client.save()
    link = ClientLink.objects.create(consultancy=consultancy, client=client)
    activity_record(
        organization=consultancy, actor=actor, verb="client.linked", target=link, name=name
    )
    activity_record(
        organization=client, actor=actor, verb="organization.created", target=client, name=name
    )
    return client


@transaction.atomic
def consultant_assign(*, actor: Any, link: ClientLink, user: Any) -> ConsultantAssignment:
    if not Membership.objects.filter(organization=link.consultancy, user=user).exists():
        raise ValidationError({"user": _("Only members of the consultancy can be assigned.")})
    assignment, _created = ConsultantAssignment.objects.get_or_create(link=link, user=user)
    activity_record(
        organization=link.consultancy,
        actor=actor,
        verb="consultant.assigned",
        target=link,
        email=user.email,
        name=link.client.name,
    )
    return assignment


@transaction.atomic
def consultant_unassign(*, actor: Any, link: ClientLink, user: Any) -> None:
    ConsultantAssignment.objects.filter(link=link, user=user).delete()
    tokens_revoke_without_access(user=user)
    activity_record(
        organization=link.consultancy,
        actor=actor,
        verb="consultant.unassigned",
        target=link,
        email=user.email,
        name=link.client.name,
    )
