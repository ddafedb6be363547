"""Staff support view of the catalogue. Read-only: catalogue content changes through the
YAML files and ``load_catalogue`` (or a consultancy's upload), never by hand."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from borderpro.catalogue.models import Framework, GuidanceNote, Mapping, Requirement


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyAdmin):
    list_display = ["code", "edition", "name_en", "owner", "is_current", "confidence", "loaded_at"]
    list_filter = ["is_current", "kind", "confidence"]
    search_fields = ["code", "name_en", "name_fr"]


@admin.register(Requirement)
class RequirementAdmin(ReadOnlyAdmin):
    list_display = ["ref", "framework", "title_en", "level", "confidence", "retired_at"]
    list_filter = ["framework", "level", "confidence", "procedure_required"]
    search_fields = ["ref", "title_en", "title_fr"]
    list_select_related = ["framework"]


@admin.register(Mapping)
class MappingAdmin(ReadOnlyAdmin):
    list_display = ["from_requirement", "to_requirement", "relation"]
    list_filter = ["relation"]
    list_select_related = ["from_requirement", "to_requirement"]


@admin.register(GuidanceNote)
class GuidanceNoteAdmin(ReadOnlyAdmin):
    list_display = ["requirement", "organization", "author", "updated_at"]
    list_select_related = ["requirement", "organization", "author"]
