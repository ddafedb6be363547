"""Reads of reviews, always for an explicit organization."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from borderpro.reviews.models import (
    BinderSnapshot,
    ChecklistItem,
    CorrectiveAction,
    Finding,
    Review,
)


def review_list(organization: Any) -> QuerySet[Review]:
    """The organization's reviews, newest period first."""
    return (
        Review.objects.filter(organization=organization)
        .annotate(
            item_count=Count("items", distinct=True),
            checked_count=Count(
                "items", filter=~Q(items__result=ChecklistItem.Result.NOT_CHECKED), distinct=True
            ),
            finding_count=Count("findings", distinct=True),
        )
        .order_by("-period_end", "-created_at")
    )


def items(review: Review) -> QuerySet[ChecklistItem]:
    return review.items.select_related("requirement", "evidence").order_by("position")


def grouped_items(review: Review) -> list[dict[str, Any]]:
    """The checklist by category, then group (requirement category or record source)."""
    out: dict[str, dict[str, list[ChecklistItem]]] = defaultdict(lambda: defaultdict(list))
    for item in items(review):
        out[item.category][item.group].append(item)
    labels = dict(ChecklistItem.Category.choices)
    return [
        {
            "category": code,
            "label": labels[code],
            "groups": [{"group": g, "items": rows} for g, rows in out[code].items()],
        }
        for code in ChecklistItem.Category.values
        if code in out
    ]


def findings(review: Review) -> QuerySet[Finding]:
    return (
        review.findings.select_related("requirement", "evidence", "item")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=CorrectiveAction.objects.select_related(
                    "owner", "verified_by", "closure_evidence"
                ),
            )
        )
        .order_by("number")
    )


def result_totals(review: Review) -> dict[str, int]:
    counts = Counter(review.items.values_list("result", flat=True))
    return {code: counts.get(code, 0) for code in ChecklistItem.Result.values}


def results_by_category(review: Review) -> list[dict[str, Any]]:
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    for group, result in review.items.order_by("position").values_list("group", "result"):
        rows[group][result] += 1
    return [
        {"group": g, **{code: c.get(code, 0) for code in ChecklistItem.Result.values}}
        for g, c in rows.items()
    ]


def severity_totals(found: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in found)
    return {code: counts.get(code, 0) for code in Finding.Severity.values}


def comparison(review: Review) -> list[dict[str, Any]]:
    """This review and the earlier ones of the organization (oldest first, at most 6):
    readiness and findings by severity."""
    earlier = list(
        Review.objects.filter(
            organization=review.organization, period_end__lte=review.period_end
        ).order_by("-period_end", "-created_at")[:6]
    )
    if review not in earlier:
        earlier = [review, *earlier[:5]]
    severities: dict[Any, Counter[str]] = defaultdict(Counter)
    for review_id, severity in Finding.objects.filter(review__in=earlier).values_list(
        "review_id", "severity"
    ):
        severities[review_id][severity] += 1
    return [
        {
            "label": f"{r.period_end.year} {r.get_kind_display()}"
            if r.kind != Review.Kind.SELF_REVIEW
            else str(r.period_end.year),
            "readiness": r.readiness,
            "severities": dict(severities[r.pk]),
            "is_this": r.pk == review.pk,
        }
        for r in reversed(earlier)
    ]


def open_actions(organization: Any) -> QuerySet[CorrectiveAction]:
    return (
        CorrectiveAction.objects.filter(
            organization=organization,
            status__in=[
                CorrectiveAction.Status.OPEN,
                CorrectiveAction.Status.IN_PROGRESS,
                CorrectiveAction.Status.DONE,
            ],
        )
        .select_related("owner", "finding__review")
        .order_by("due_on")
    )


def binders(organization: Any) -> QuerySet[BinderSnapshot]:
    return BinderSnapshot.objects.filter(organization=organization).select_related("created_by")
