"""People API: employees and their FAST / CDRP cards."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope, envelope_of
from borderpro.people import selectors, services
from borderpro.people.models import DriverCard, Employee


class CardSerializer(serializers.ModelSerializer):
    class Meta:
        model = DriverCard
        fields = ["id", "kind", "number", "issued_on", "expires_on"]
        read_only_fields = ["id"]
        # the model has a default kind, but a card recorded without saying which it is
        # would be a guess: the API asks for it (400 naming the field)
        extra_kwargs = {"kind": {"required": True}}


class EmployeeSerializer(serializers.ModelSerializer):
    cards = CardSerializer(many=True, read_only=True)

    class Meta:
        model = Employee
        fields = [
            "id",
            "full_name",
            "role",
            "active",
            "site",
            "hired_on",
            "terminated_on",
            "language",
            "email",
            "phone",
            "licence_number",
            "licence_expires_on",
            "conduct_acknowledged_on",
            "cards",
            "updated_at",
        ]
        read_only_fields = ["id", "cards", "updated_at"]


class PeopleMixin(OrgScopedMixin):
    org_kinds = ("client",)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()

    def employee(self, employee_id: Any) -> Employee:
        return get_object_or_404(selectors.employee_list(self.organization), pk=employee_id)


class EmployeeListView(PeopleMixin, APIView):
    """Employees with their cards; POST adds an employee."""

    permissions = {"GET": "people.view", "POST": "people.manage"}

    @extend_schema(
        operation_id="o_people_list", responses=envelope_of("EmployeeList", EmployeeSerializer)
    )
    def get(self, request: Request, org_code: str) -> Response:
        rows = selectors.employee_list(
            self.organization,
            q=request.query_params.get("q", ""),
            role=request.query_params.get("role", ""),
        )
        return Response(envelope(EmployeeSerializer(rows, many=True).data))

    @extend_schema(request=EmployeeSerializer, responses={201: EmployeeSerializer})
    def post(self, request: Request, org_code: str) -> Response:
        data = EmployeeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        employee = services.employee_create(
            actor=request.user, organization=self.organization, **data.validated_data
        )
        return Response(EmployeeSerializer(employee).data, status=status.HTTP_201_CREATED)


class EmployeeDetailView(PeopleMixin, APIView):
    permissions = {"GET": "people.view", "PATCH": "people.manage"}

    @extend_schema(responses=EmployeeSerializer)
    def get(self, request: Request, org_code: str, employee_id: Any) -> Response:
        return Response(EmployeeSerializer(self.employee(employee_id)).data)

    @extend_schema(request=EmployeeSerializer, responses=EmployeeSerializer)
    def patch(self, request: Request, org_code: str, employee_id: Any) -> Response:
        employee = self.employee(employee_id)
        data = EmployeeSerializer(employee, data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        employee = services.employee_update(
            actor=request.user,
            organization=self.organization,
            employee=employee,
            **data.validated_data,
        )
        return Response(EmployeeSerializer(self.employee(employee.pk)).data)


class CardListView(PeopleMixin, APIView):
    """The employee's cards; POST records a card."""

    permissions = {"GET": "people.view", "POST": "people.manage"}

    @extend_schema(
        operation_id="o_people_cards_list", responses=envelope_of("CardList", CardSerializer)
    )
    def get(self, request: Request, org_code: str, employee_id: Any) -> Response:
        cards = self.employee(employee_id).cards.all()
        return Response(envelope(CardSerializer(cards, many=True).data))

    @extend_schema(request=CardSerializer, responses={201: CardSerializer})
    def post(self, request: Request, org_code: str, employee_id: Any) -> Response:
        employee = self.employee(employee_id)
        data = CardSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        card = services.card_add(
            actor=request.user,
            organization=self.organization,
            employee=employee,
            **data.validated_data,
        )
        return Response(CardSerializer(card).data, status=status.HTTP_201_CREATED)
