"""Tenant resolution: who may open which organization, in which role.

Every organization page lives under ``/o/<org_code>/``. :func:`org_view` resolves the
organization for the signed-in user, answers 404 to anyone without access (so outsiders
learn nothing), checks the view's permission against the app's permission table, enforces
the organization's two-factor rule and runs the view inside a django-scopes tenant scope,
so a query that forgets its tenant fails instead of leaking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django_scopes import scope

from borderpro.common.permissions import has_perm
from borderpro.organizations.models import (
    ClientLink,
    ConsultantAssignment,
    Membership,
    Organization,
)
from borderpro.organizations.roles import Role


@dataclass(frozen=True)
class Access:
    organization: Organization
    role: str
    via: Organization | None = None  # the consultancy, when access comes through a client link

    def can(self, permission: str) -> bool:
        return has_perm(self.role, permission)

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


def resolve_access(
    user: Any, org_code: str, *, known: Organization | None = None, known_role: str | None = None
) -> Access:
    """The user's access to an organization, or Http404.

    ``known`` is an organization already loaded for this request (an API token's), used
    instead of a lookup when its code is the one asked for; ``known_role`` is the user's
    membership role in it, when it was loaded with it (``None``: look it up).
    """
    if not getattr(user, "is_authenticated", False):
        raise Http404
    if known is not None and known.code == org_code and known.is_active:
        org: Organization | None = known
        if known_role:
            return Access(known, known_role)
    else:
        org = Organization.objects.filter(code=org_code, is_active=True).first()
    if org is None:
        raise Http404
    membership = Membership.objects.filter(user=user, organization=org).only("role").first()
    if membership is not None:
        return Access(org, membership.role)
    if org.kind == Organization.Kind.CLIENT:
        consultancy_roles = dict(
            Membership.objects.filter(
                user=user,
                organization__kind=Organization.Kind.CONSULTANCY,
                organization__is_active=True,
            ).values_list("organization_id", "role")
        )
        links = ClientLink.objects.filter(client=org, consultancy_id__in=list(consultancy_roles))
        for link in links.select_related("consultancy"):
            role = consultancy_roles[link.consultancy_id]
            if role in (Role.CONSULTANT_ADMIN, Role.OWNER):
                return Access(org, Role.CONSULTANT_ADMIN, via=link.consultancy)
            if ConsultantAssignment.objects.filter(link=link, user=user).exists():
                return Access(org, Role.CONSULTANT, via=link.consultancy)
    raise Http404


def organizations_for_user(user: Any) -> list[tuple[Organization, str]]:
    """Every organization the user can open, with the role, in three queries at most:
    consultancies first, then by name."""
    return _openable(user, limit=None)[0]


def organizations_head(user: Any, limit: int) -> tuple[list[tuple[Organization, str]], int]:
    """The first ``limit`` of :func:`organizations_for_user` and how many there are in all:
    the others are read as names only (the switcher shows 12 of a consultant's hundreds of
    clients)."""
    return _openable(user, limit=limit)


def _openable(user: Any, *, limit: int | None) -> tuple[list[tuple[Organization, str]], int]:
    if not getattr(user, "is_authenticated", False):
        return [], 0
    orgs: dict[Any, Organization] = {}
    entries: dict[Any, tuple[tuple[bool, str], str]] = {}  # id -> (sort key, role)
    memberships = Membership.objects.filter(user=user, organization__is_active=True).select_related(
        "organization"
    )
    consultancy_roles: dict[Any, str] = {}
    for m in memberships:
        org = m.organization
        orgs[org.pk] = org
        entries[org.pk] = ((org.kind != "consultancy", org.name.lower()), m.role)
        if org.kind == Organization.Kind.CONSULTANCY:
            consultancy_roles[org.pk] = m.role
    if consultancy_roles:
        managers = [
            k for k, r in consultancy_roles.items() if r in (Role.CONSULTANT_ADMIN, Role.OWNER)
        ]
        links = (
            ClientLink.objects.filter(
                consultancy_id__in=list(consultancy_roles), client__is_active=True
            )
            .filter(Q(consultancy_id__in=managers) | Q(assignments__user=user))
            .order_by("pk")
            .distinct()
        )
        rows = links.values_list("client_id", "consultancy_id", "client__kind", "client__name")
        for client_id, consultancy_id, kind, name in rows:
            role = (
                Role.CONSULTANT
                if consultancy_roles[consultancy_id] == Role.CONSULTANT
                else Role.CONSULTANT_ADMIN
            )
            entries.setdefault(client_id, ((kind != "consultancy", name.lower()), role))
    ordered = sorted(entries, key=lambda pk: entries[pk][0])[:limit]
    missing = [pk for pk in ordered if pk not in orgs]  # clients: read by name until shown
    if missing:
        orgs.update(Organization.objects.in_bulk(missing))
    return [(orgs[pk], entries[pk][1]) for pk in ordered], len(entries)


def mfa_required(access: Access) -> bool:
    return access.organization.require_mfa or bool(access.via and access.via.require_mfa)


def user_has_mfa(user: Any) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def org_view(
    permission: str, *, kinds: tuple[str, ...] = ("consultancy", "client")
) -> Callable[[Callable[..., HttpResponseBase]], Callable[..., HttpResponseBase]]:
    """Decorate a view under ``/o/<org_code>/`` that needs ``permission``.

    ``kinds`` limits the page to consultancies or client companies; others get 404.
    """

    def decorate(view: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
        @wraps(view)
        def wrapper(
            request: HttpRequest, org_code: str, *args: Any, **kwargs: Any
        ) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            access = resolve_access(request.user, org_code)
            if access.organization.kind not in kinds:
                raise Http404
            if not access.can(permission):
                raise PermissionDenied
            if mfa_required(access) and not user_has_mfa(request.user):
                messages.warning(
                    request,
                    _("%(org)s requires two-factor authentication. Set it up to continue.")
                    % {"org": access.organization.name},
                )
                return redirect("mfa_activate_totp")
            request.access = access  # type: ignore[attr-defined]
            request.org = access.organization  # type: ignore[attr-defined]
            if request.session.get("last_org") != access.organization.code:
                # written only when it changes: a page view must not write the session row
                request.session["last_org"] = access.organization.code
            with scope(organization=access.organization):
                response = view(request, *args, **kwargs)
                if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                    response.render()
            return response

        wrapper.required_permission = permission  # type: ignore[attr-defined]
        wrapper.org_kinds = kinds  # type: ignore[attr-defined]
        return wrapper

    return decorate
