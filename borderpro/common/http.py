"""Typed requests for views: what the middleware and ``org_view`` guarantee to be there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from borderpro.accounts.models import User
    from borderpro.organizations.models import Organization
    from borderpro.organizations.tenancy import Access


class AuthedRequest(HttpRequest):
    """A request from a signed-in user (``login_required`` views)."""

    user: User
    htmx: HtmxDetails


class OrgRequest(AuthedRequest):
    """A request inside ``/o/<org_code>/`` after ``org_view`` resolved the organization."""

    org: Organization
    access: Access
