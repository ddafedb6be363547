"""Training API: courses, sessions (with attendees), training records, the matrix, and a
consultancy's seminars with their registrations."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from borderpro.api.base import OrgScopedMixin
from borderpro.api.pagination import envelope, envelope_of
from borderpro.people.models import Employee
from borderpro.training import selectors, services
from borderpro.training.models import (
    Course,
    Registration,
    Seminar,
    TrainingRecord,
    TrainingSession,
)


def _django_error(exc: ValidationError) -> serializers.ValidationError:
    if hasattr(exc, "error_dict"):
        return serializers.ValidationError(
            {k: [str(m) for e in v for m in e.messages] for k, v in exc.error_dict.items()}
        )
    return serializers.ValidationError({"non_field_errors": exc.messages})


class CourseSerializer(serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)

    class Meta:
        model = Course
        fields = [
            "id",
            "code",
            "title",
            "title_en",
            "title_fr",
            "frequency",
            "validity_months",
            "roles",
            "requirement_refs",
        ]
        read_only_fields = fields


class RecordSerializer(serializers.ModelSerializer):
    employee: Any = serializers.PrimaryKeyRelatedField(queryset=Employee.objects.none())
    course = serializers.SlugRelatedField(slug_field="code", queryset=Course.objects.all())
    employee_name = serializers.CharField(source="employee.full_name", read_only=True)

    class Meta:
        model = TrainingRecord
        fields = [
            "id",
            "employee",
            "employee_name",
            "course",
            "session",
            "completed_on",
            "expires_on",
            "signed_name",
            "score",
            "code",
        ]
        read_only_fields = ["id", "session", "expires_on", "score", "code", "employee_name"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org = self.context.get("organization")
        if org is not None:
            self.fields["employee"].queryset = Employee.objects.filter(organization=org)  # type: ignore[attr-defined]


class SessionSerializer(serializers.ModelSerializer):
    course = serializers.SlugRelatedField(slug_field="code", queryset=Course.objects.all())
    attendees = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = TrainingSession
        fields = ["id", "course", "held_on", "trainer", "location", "topics", "attendees"]
        read_only_fields = ["id", "attendees"]


class TrainingMixin(OrgScopedMixin):
    org_kinds = ("client",)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if self.organization.is_consultancy:
            raise exceptions.NotFound()


class CourseListView(TrainingMixin, APIView):
    """The courses of the training programme (shipped as data)."""

    permissions = {"GET": "training.view"}

    @extend_schema(
        operation_id="o_training_courses_list",
        responses=envelope_of("CourseList", CourseSerializer),
    )
    def get(self, request: Request, org_code: str) -> Response:
        return Response(envelope(CourseSerializer(selectors.courses(), many=True).data))


class SessionListView(TrainingMixin, generics.ListCreateAPIView):
    """Training sessions, newest first (paginated); POST plans a session."""

    permissions = {"GET": "training.view", "POST": "training.manage"}
    serializer_class = SessionSerializer

    def get_queryset(self) -> Any:
        return selectors.sessions(self.organization)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = SessionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            session = services.session_create(
                actor=request.user, organization=self.organization, **data.validated_data
            )
        except ValidationError as exc:
            raise _django_error(exc) from exc
        return Response(SessionSerializer(session).data, status=status.HTTP_201_CREATED)


class RecordListView(TrainingMixin, generics.ListCreateAPIView):
    """Training records, newest first (paginated); POST records training given elsewhere."""

    permissions = {"GET": "training.view", "POST": "training.manage"}
    serializer_class = RecordSerializer

    def get_queryset(self) -> Any:
        return selectors.records(self.organization)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = RecordSerializer(data=request.data, context=self.get_serializer_context())
        data.is_valid(raise_exception=True)
        fields = {k: v for k, v in data.validated_data.items() if k != "signed_name"}
        try:
            record = services.record_add(
                actor=request.user, organization=self.organization, **fields
            )
        except ValidationError as exc:
            raise _django_error(exc) from exc
        return Response(RecordSerializer(record).data, status=status.HTTP_201_CREATED)


class MatrixCellSerializer(serializers.Serializer):
    course = serializers.CharField()
    state = serializers.ChoiceField(choices=["done", "due", "overdue", "none"])
    completed_on = serializers.DateField(allow_null=True)
    due_on = serializers.DateField(allow_null=True)


class MatrixRowSerializer(serializers.Serializer):
    employee = serializers.UUIDField()
    name = serializers.CharField()
    role = serializers.CharField()
    cells = MatrixCellSerializer(many=True)


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


class MatrixView(TrainingMixin, APIView):
    """The training matrix: each active employee's state for every course."""

    permissions = {"GET": "training.view"}

    @extend_schema(
        operation_id="o_training_matrix",
        responses=envelope_of("MatrixList", MatrixRowSerializer),
    )
    def get(self, request: Request, org_code: str) -> Response:
        matrix = selectors.training_matrix(self.organization, today=self.organization.local_today())
        codes = [c.code for c in matrix.courses]
        # Built as MatrixRowSerializer would represent it (UUID and dates as strings): the
        # serializer machinery per cell is most of the response time at 500 x 10.
        rows = [
            {
                "employee": str(row.employee.pk),
                "name": row.employee.full_name,
                "role": row.employee.role,
                "cells": [
                    {
                        "course": code,
                        "state": cell.state,
                        "completed_on": _iso(cell.completed_on),
                        "due_on": _iso(cell.due_on),
                    }
                    for code, cell in zip(codes, row.cells, strict=True)
                ],
            }
            for row in matrix.rows
        ]
        return Response(envelope(rows))


# --- Seminars (consultancy) ------------------------------------------------------------


class SeminarSerializer(serializers.ModelSerializer):
    course = serializers.SlugRelatedField(
        slug_field="code", queryset=Course.objects.all(), required=False, allow_null=True
    )
    confirmed = serializers.IntegerField(read_only=True, default=0)
    waiting = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = Seminar
        fields = [
            "id",
            "title",
            "description",
            "course",
            "starts_at",
            "duration_minutes",
            "place",
            "online",
            "online_url",
            "capacity",
            "price",
            "language",
            "published",
            "confirmed",
            "waiting",
        ]
        read_only_fields = ["id", "confirmed", "waiting"]


class RegistrationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Registration
        fields = ["id", "full_name", "email", "company", "status", "attended", "created_at"]
        read_only_fields = fields


class SeminarMixin(OrgScopedMixin):
    org_kinds = ("consultancy",)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        try:
            super().initial(request, *args, **kwargs)
        except exceptions.PermissionDenied:
            from borderpro.organizations.models import Organization

            # a carrier's member has no seminars: not found, whatever the role
            code = kwargs.get("org_code", "")
            if not Organization.objects.filter(code=code, kind="consultancy").exists():
                raise exceptions.NotFound() from None
            raise
        if not self.organization.is_consultancy:
            raise exceptions.NotFound()


class SeminarListView(SeminarMixin, generics.ListCreateAPIView):
    """The consultancy's seminars (paginated); POST creates one."""

    permissions = {"GET": "training.seminars_view", "POST": "training.seminars_manage"}
    serializer_class = SeminarSerializer

    def get_queryset(self) -> Any:
        return selectors.seminars(self.organization)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = SeminarSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            seminar = services.seminar_save(
                actor=request.user, organization=self.organization, **data.validated_data
            )
        except ValidationError as exc:
            raise _django_error(exc) from exc
        return Response(SeminarSerializer(seminar).data, status=status.HTTP_201_CREATED)


class RegistrationListView(SeminarMixin, APIView):
    """Registrations of one seminar (confirmed, waiting list, cancelled)."""

    permissions = {"GET": "training.seminars_view"}

    @extend_schema(
        operation_id="o_seminar_registrations_list",
        responses=envelope_of("RegistrationList", RegistrationSerializer),
    )
    def get(self, request: Request, org_code: str, seminar_id: Any) -> Response:
        seminar = get_object_or_404(Seminar, organization=self.organization, pk=seminar_id)
        rows = selectors.registrations(seminar)
        return Response(envelope(RegistrationSerializer(rows, many=True).data))
