"""Inspection checklists, read from the requirements catalogue (framework INSP)."""

from __future__ import annotations

from dataclasses import dataclass

from borderpro.operations.models import Checklist

# checklist → catalogue categories of the INSP framework, in inspection order
CATEGORIES: dict[str, tuple[str, ...]] = {
    Checklist.MSC17: ("INSP-TRACTOR", "INSP-TRAILER"),
    Checklist.TRACTOR7: ("INSP-TRACTOR",),
    Checklist.TRAILER10: ("INSP-TRAILER",),
    Checklist.LEGACY17: ("INSP-LEGACY17",),
    Checklist.CONTAINER7: ("INSP-CONTAINER",),
    Checklist.REEFER8: ("INSP-CONTAINER",),
    Checklist.AGRI: ("INSP-AGRI",),
}
REEFER_ONLY = "INSP-CONTAINER-08"


@dataclass(frozen=True)
class Point:
    ref: str
    title: str
    gist: str
    group: str


def _requirements():
    from borderpro.catalogue.models import Requirement

    return Requirement.objects.filter(
        framework__code="INSP",
        framework__owner__isnull=True,
        framework__is_current=True,
        retired_at__isnull=True,
    )


def checklist_points(checklist: str) -> list[Point]:
    """The points of one checklist, in the reader's language (empty if the catalogue is not loaded)."""
    from borderpro.catalogue.models import pick

    categories = CATEGORIES.get(checklist)
    if not categories:
        return []
    rows = (
        _requirements()
        .filter(category__code__in=categories)
        .select_related("category")
        .order_by("position")
    )
    by_category: dict[str, list[Point]] = {code: [] for code in categories}
    for req in rows:
        if checklist == Checklist.CONTAINER7 and req.ref == REEFER_ONLY:
            continue
        by_category[req.category.code].append(
            Point(
                ref=req.ref,
                title=pick(req, "title"),
                gist=pick(req, "gist"),
                group=pick(req.category, "title"),
            )
        )
    return [point for code in categories for point in by_category[code]]


def point_titles(refs: list[str]) -> dict[str, str]:
    """Titles of the given refs in the reader's language (one query)."""
    from borderpro.catalogue.models import pick

    return {
        req.ref: pick(req, "title")
        for req in _requirements().filter(ref__in=refs).only("ref", "title_en", "title_fr")
    }


_REFS: dict[str, tuple[float, list[str]]] = {}
REFS_TTL = 60.0


def checklist_refs(checklist: str) -> list[str]:
    """The point refs of a checklist, kept in memory for a minute: every submission needs them."""
    import time

    now = time.monotonic()
    cached = _REFS.get(checklist)
    if cached is not None and now - cached[0] < REFS_TTL:
        return cached[1]
    refs = [p.ref for p in checklist_points(checklist)]
    if refs:
        _REFS[checklist] = (now, refs)
    return refs
