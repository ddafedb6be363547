"""Account-level and organization-level API endpoints of the foundation."""

from __future__ import annotations

from typing import cast

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.accounts.models import User
from borderpro.api.base import OrgScopedMixin
from borderpro.api.serializers import (
    ActivitySerializer,
    JobSerializer,
    MemberSerializer,
    MeSerializer,
    OrganizationSerializer,
)
from borderpro.common.jobs import job_result_permission
from borderpro.common.models import Job
from borderpro.organizations.models import Activity
from borderpro.organizations.selectors import members_of
from borderpro.organizations.tenancy import organizations_for_user


class MeView(APIView):
    """The signed-in user and the organizations they can open (a token sees only its own)."""

    @extend_schema(responses=MeSerializer)
    def get(self, request: Request) -> Response:
        entries = organizations_for_user(request.user)
        token = request.auth
        if token is not None and hasattr(token, "organization_id"):
            entries = [(o, r) for o, r in entries if o.pk == token.organization_id]
        orgs = []
        for org, role in entries:
            org.role = role  # type: ignore[attr-defined]
            orgs.append(org)
        user = cast(User, request.user)
        data = {
            "email": user.email,
            "full_name": user.full_name,
            "language": user.language,
            "organizations": OrganizationSerializer(orgs, many=True).data,
        }
        return Response(data)


class OrganizationDetailView(OrgScopedMixin, APIView):
    permissions = {"GET": "organizations.view"}

    @extend_schema(responses=OrganizationSerializer)
    def get(self, request: Request, org_code: str) -> Response:
        org = self.organization
        org.role = self.access.role
        return Response(OrganizationSerializer(org).data)


class MemberListView(OrgScopedMixin, generics.ListAPIView):
    permissions = {"GET": "organizations.view_members"}
    serializer_class = MemberSerializer

    def get_queryset(self):
        return members_of(self.organization)


class ActivityListView(OrgScopedMixin, generics.ListAPIView):
    """The organization's activity feed, newest first; each entry carries its chain hash."""

    permissions = {"GET": "organizations.view_activity"}
    serializer_class = ActivitySerializer

    def get_queryset(self):
        return (
            Activity.objects.filter(organization=self.organization)
            .select_related("recorded_by")
            .order_by("-seq")
        )


class JobDetailView(OrgScopedMixin, APIView):
    """Progress of a background job (poll until ``status`` is finished or failed)."""

    permissions = {"GET": "organizations.view_jobs"}

    @extend_schema(responses=JobSerializer)
    def get(self, request: Request, org_code: str, job_id: str) -> Response:
        job = get_object_or_404(Job, organization=self.organization, pk=job_id)
        context = {
            "organization": self.organization,
            "can_download": self.access.can(job_result_permission(job.kind)),
        }
        return Response(JobSerializer(job, context=context).data)
