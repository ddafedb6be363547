from __future__ import annotations

import copy
from typing import Any, ClassVar

from rest_framework import serializers

from borderpro.common.models import Job
from borderpro.organizations.activity import activity_text
from borderpro.organizations.models import Activity, Membership, Organization


class PlainInputSerializer(serializers.Serializer):
    """The input of a hot device endpoint: plain fields only (no nested serializers, no
    field that reads the context or a queryset).

    DRF deep-copies every declared field for each serializer instance: 0.25 ms for the
    seventeen fields of an inspection, more than validating them. Plain fields keep no
    per-request state but what ``bind()`` sets on them, so each instance gets shallow copies
    of one set made per class instead (the set itself is never bound, so never shared).
    """

    _templates: ClassVar[dict[type, dict[str, Any]]] = {}

    def get_fields(self) -> dict[str, Any]:
        template = PlainInputSerializer._templates.get(type(self))
        if template is None:
            template = PlainInputSerializer._templates[type(self)] = super().get_fields()
        return {name: copy.copy(field) for name, field in template.items()}


class ErrorItemSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True)
    code = serializers.CharField()
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    errors = ErrorItemSerializer(many=True)  # type: ignore[assignment]


class OrganizationSerializer(serializers.ModelSerializer):
    role = serializers.CharField(read_only=True)

    class Meta:
        model = Organization
        fields = [
            "code",
            "name",
            "kind",
            "business_type",
            "country",
            "region",
            "city",
            "time_zone",
            "language",
            "role",
        ]


class MeSerializer(serializers.Serializer):
    email = serializers.EmailField()
    full_name = serializers.CharField()
    language = serializers.CharField()
    organizations = OrganizationSerializer(many=True)


class MemberSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email")
    full_name = serializers.CharField(source="user.full_name")

    class Meta:
        model = Membership
        fields = ["id", "email", "full_name", "role", "created_at"]


class ActivitySerializer(serializers.ModelSerializer):
    text = serializers.SerializerMethodField()
    actor = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "id",
            "seq",
            "recorded_at",
            "actor",
            "verb",
            "text",
            "target_type",
            "target_id",
            "params",
            "record_hash",
        ]

    def get_text(self, obj: Activity) -> str:
        return activity_text(obj)

    def get_actor(self, obj: Activity) -> str | None:
        return obj.recorded_by.email if obj.recorded_by else None


class JobSerializer(serializers.ModelSerializer):
    percent = serializers.IntegerField(read_only=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Job
        fields = [
            "id",
            "kind",
            "status",
            "done",
            "total",
            "percent",
            "message",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "download_url",
        ]

    def get_download_url(self, obj: Job) -> str | None:
        if not obj.result_file or not self.context.get("can_download"):
            return None  # no file, or not for this reader (the permission of its kind)
        return f"/o/{self.context['organization'].code}/jobs/{obj.pk}/download/"
