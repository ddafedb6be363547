"""What the office pages of field operations share: paging (with and without a count), dates
in filters, and the overview."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from borderpro.operations import selectors
from borderpro.organizations.tenancy import org_view

PAGE_SIZE = 25


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _page(request: HttpRequest, qs: Any) -> Any:
    return Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))


class QuickPage:
    """A page of a very long list without counting it (no COUNT(*) over millions of records)."""

    def __init__(self, request: HttpRequest, qs: Any, size: int = PAGE_SIZE) -> None:
        try:
            self.number = max(1, int(request.GET.get("page", "1")))
        except ValueError:
            self.number = 1
        start = (self.number - 1) * size
        rows = list(qs[start : start + size + 1])
        self.object_list = rows[:size]
        self._more = len(rows) > size

    def has_next(self) -> bool:
        return self._more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self._more or self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


@org_view("operations.view", kinds=("client",))
def overview(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    return render(
        request,
        "operations/overview.html",
        {
            "summary": selectors.operations_summary(org),
            "recent": selectors.inspection_list(org)[:8],
            "incidents": selectors.incident_list(org, status="active")[:5],
        },
    )
