"""Carrier profile API."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response as ApiResponse
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.profiles.api.common import (
    Conflict,
    _kinds,
)
from borderpro.profiles.models import CarrierProfile
from borderpro.profiles.selectors.profile import profile_rows
from borderpro.profiles.services.profile import (
    PROFILE_FIELDS,
    StaleEdit,
    profile_for,
    profile_update,
)


class ProfileSerializer(serializers.ModelSerializer):
    sites = serializers.SerializerMethodField()
    safety_numbers = serializers.SerializerMethodField()
    divisions = serializers.SerializerMethodField()

    class Meta:
        model = CarrierProfile
        fields = ["version", *PROFILE_FIELDS, "sites", "safety_numbers", "divisions", "updated_at"]

    def get_sites(self, obj: CarrierProfile) -> list[dict[str, Any]]:
        return [
            {
                "id": str(s.pk),
                "name": s.name,
                "kind": s.kind,
                "address": s.address,
                "activity": s.activity,
                "hours": s.hours,
                "security_features": s.security_features,
            }
            for s in self.context["rows"]["sites"]
        ]

    def get_safety_numbers(self, obj: CarrierProfile) -> list[dict[str, Any]]:
        return [
            {"jurisdiction": n.jurisdiction, "kind": n.kind, "number": n.number, "rating": n.rating}
            for n in self.context["rows"]["safety_numbers"]
        ]

    def get_divisions(self, obj: CarrierProfile) -> list[dict[str, Any]]:
        return [
            {"name": d.name, "description": d.description}
            for d in self.context["rows"]["divisions"]
        ]


class ProfileUpdateSerializer(serializers.ModelSerializer):
    version = serializers.IntegerField()

    class Meta:
        model = CarrierProfile
        fields = ["version", *PROFILE_FIELDS]
        extra_kwargs = {name: {"validators": [], "required": False} for name in PROFILE_FIELDS}


class ProfileView(OrgScopedMixin, APIView):
    """The carrier profile. PATCH with the ``version`` you read: a stale version gets 409."""

    org_kinds = ("client",)
    permissions = {"GET": "profiles.view", "PATCH": "profiles.edit"}

    @extend_schema(responses=ProfileSerializer)
    def get(self, request: Request, org_code: str) -> ApiResponse:
        _kinds(self)
        profile = profile_for(self.organization)
        return ApiResponse(
            ProfileSerializer(profile, context={"rows": profile_rows(self.organization)}).data
        )

    @extend_schema(request=ProfileUpdateSerializer, responses=ProfileSerializer)
    def patch(self, request: Request, org_code: str) -> ApiResponse:
        _kinds(self)
        data = ProfileUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        version = fields.pop("version", None)
        if version is None:
            raise serializers.ValidationError({"version": ["Send the version you read."]})
        try:
            profile = profile_update(
                actor=request.user,
                organization=self.organization,
                expected_version=version,
                fields=fields,
            )
        except StaleEdit as exc:
            raise Conflict() from exc
        return ApiResponse(
            ProfileSerializer(profile, context={"rows": profile_rows(self.organization)}).data
        )
