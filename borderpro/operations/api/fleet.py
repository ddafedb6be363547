"""Fleet API: the units of the fleet."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from borderpro.api.base import OrgScopedMixin
from borderpro.operations import selectors, services
from borderpro.operations.models import Unit


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", *services.UNIT_FIELDS]


class UnitListView(OrgScopedMixin, generics.ListAPIView):
    """The fleet: tractors, trailers and containers."""

    permissions = {"GET": "operations.view"}
    serializer_class = UnitSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str),
            OpenApiParameter("kind", str, enum=Unit.Kind.values),
            OpenApiParameter("status", str, enum=Unit.Status.values),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        p = self.request.query_params
        return selectors.unit_list(
            self.organization, q=p.get("q", ""), kind=p.get("kind", ""), status=p.get("status", "")
        )
