"""Every list of the API has one envelope: ``{"count", "next", "previous", "results"}``.

Paged lists (``Pagination``) fill it from the page; a short list given whole (an employee's
cards, the memberships) goes in the same envelope with ``envelope()``; the long device logs
(``operations``) page without counting millions of rows and give ``count`` when it is cheap.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


def envelope(results: Any) -> dict[str, Any]:
    """A whole list in the envelope of every list."""
    items = list(results)
    return {"count": len(items), "next": None, "previous": None, "results": items}


def envelope_of(name: str, item: Any) -> Any:
    """The schema of ``envelope()`` around items described by ``item`` (a serializer or field)."""
    results = item(many=True) if isinstance(item, type) else serializers.ListField(child=item)
    return inline_serializer(
        name,
        {
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": results,
        },
    )
