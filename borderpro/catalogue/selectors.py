"""Reads for the catalogue, always for an explicit viewer.

The shipped catalogue is seen by everyone; a consultancy's own frameworks and its guidance
notes are seen only by that consultancy and by the client companies it serves. A
:class:`Visibility` says which consultancies' additions the current organization sees and
which consultancy (if any) writes notes from here.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from borderpro.catalogue.loader import search_words
from borderpro.catalogue.models import (
    RELATION_STRENGTH,
    Category,
    Framework,
    GuidanceNote,
    Level,
    Mapping,
    Requirement,
    active_language,
)
from borderpro.organizations.models import ClientLink, Organization


@dataclass(frozen=True)
class Visibility:
    """Whose additions the viewer sees, and who writes guidance notes from here."""

    organization: Organization
    consultancy_ids: tuple[Any, ...] = ()
    note_owner: Organization | None = None

    def frameworks_q(self, prefix: str = "") -> Q:
        return Q(**{f"{prefix}owner__isnull": True}) | Q(
            **{f"{prefix}owner_id__in": self.consultancy_ids}
        )


def visibility_for(access: Any) -> Visibility:
    """A consultancy sees its own additions; a consultant working for a client sees those
    of its consultancy only; a client's own people see those of every consultancy serving it."""
    org = access.organization
    if org.is_consultancy:
        return Visibility(org, (org.pk,), org)
    if access.via is not None:
        return Visibility(org, (access.via.pk,), access.via)
    ids = tuple(ClientLink.objects.filter(client=org).values_list("consultancy_id", flat=True))
    return Visibility(org, ids, None)


# --- Frameworks and categories ----------------------------------------------------------


def frameworks_visible(vis: Visibility) -> QuerySet[Framework]:
    return Framework.objects.filter(vis.frameworks_q()).order_by("position", "code", "-edition")


def framework_get(vis: Visibility, framework_id: Any) -> Framework:
    framework = frameworks_visible(vis).filter(pk=framework_id).first()
    if framework is None:
        raise Http404
    return framework


def framework_current(vis: Visibility, code: str) -> Framework | None:
    """The current edition of a family; the viewer's consultancy's own before the shipped one."""
    rows = list(frameworks_visible(vis).filter(code=code, is_current=True))
    rows.sort(key=lambda f: f.owner_id is None)
    return rows[0] if rows else None


def framework_resolve(vis: Visibility, value: str) -> Framework | None:
    """A framework named by id or by family code (the current edition)."""
    if not value:
        return None
    try:
        framework_id = uuid.UUID(value)
    except ValueError:
        return framework_current(vis, value)
    return frameworks_visible(vis).filter(pk=framework_id).first()


def category_resolve(vis: Visibility, value: str, framework: Framework | None) -> Category | None:
    """A category named by id, or by code within the framework."""
    if not value:
        return None
    try:
        category_id = uuid.UUID(value)
    except ValueError:
        if framework is None:
            return None
        return Category.objects.filter(framework=framework, code=value).first()
    return Category.objects.filter(vis.frameworks_q("framework__"), pk=category_id).first()


def frameworks_with_counts(vis: Visibility) -> list[Framework]:
    active = Q(requirements__retired_at__isnull=True)
    return list(
        frameworks_visible(vis)
        .select_related("owner")
        .annotate(
            n_requirements=Count("requirements", filter=active),
            n_must=Count("requirements", filter=active & Q(requirements__level=Level.MUST)),
            n_warning=Count(
                "requirements",
                filter=active
                & (~Q(requirements__confidence="confirmed") | ~Q(requirements__unconfirmed_en="")),
            ),
            n_retired=Count("requirements", filter=Q(requirements__retired_at__isnull=False)),
        )
    )


def categories_of(vis: Visibility, framework: Framework | None = None) -> QuerySet[Category]:
    qs = Category.objects.filter(vis.frameworks_q("framework__")).select_related("framework")
    if framework is not None:
        qs = qs.filter(framework=framework)
    else:
        qs = qs.filter(framework__is_current=True)
    return qs.annotate(
        n_requirements=Count("requirements", filter=Q(requirements__retired_at__isnull=True))
    ).order_by("framework__position", "framework__code", "position")


def category_choices(
    vis: Visibility, framework: Framework | None = None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Categories for a filter, grouped by framework label, in the active language (one query)."""
    qs = Category.objects.filter(vis.frameworks_q("framework__"))
    qs = (
        qs.filter(framework=framework)
        if framework is not None
        else qs.filter(framework__is_current=True)
    )
    lang = active_language()
    rows = qs.order_by("framework__position", "framework__code", "position").values_list(
        "pk",
        "code",
        f"title_{lang}",
        "title_en",
        f"framework__short_name_{lang}",
        "framework__edition",
    )
    groups: dict[str, list[tuple[str, str]]] = {}
    for pk, code, title, title_en, short_name, edition in rows:
        label = f"{code}. " if code.isdigit() else f"{code} "
        groups.setdefault(f"{short_name} {edition}", []).append(
            (str(pk), label + (title or title_en))
        )
    return list(groups.items())


# --- Requirements -----------------------------------------------------------------------


@dataclass
class RequirementFilters:
    q: str = ""
    framework: Framework | None = None
    category: Category | None = None
    level: str = ""
    confidence: str = ""
    procedure: bool | None = None
    retired: bool = False
    language: str | None = None


def requirement_search(vis: Visibility, filters: RequirementFilters) -> QuerySet[Requirement]:
    """Requirements matching every word of ``q`` (in the active language, accents ignored)."""
    qs = Requirement.objects.filter(vis.frameworks_q("framework__"))
    if filters.framework is not None:
        qs = qs.filter(framework=filters.framework)
    else:
        qs = qs.filter(framework__is_current=True)
    if filters.category is not None:
        qs = qs.filter(category=filters.category)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.confidence:
        qs = qs.filter(confidence=filters.confidence)
    if filters.procedure is not None:
        qs = qs.filter(procedure_required=filters.procedure)
    qs = qs.filter(retired_at__isnull=not filters.retired)
    column = f"search_{active_language(filters.language)}"
    for word in search_words(filters.q):
        qs = qs.filter(**{f"{column}__contains": word})
    return qs.select_related("framework", "category").order_by(
        "framework__position", "framework__code", "-framework__edition", "position"
    )


def requirement_get(vis: Visibility, requirement_id: Any) -> Requirement:
    requirement = (
        Requirement.objects.filter(vis.frameworks_q("framework__"), pk=requirement_id)
        .select_related("framework", "category")
        .first()
    )
    if requirement is None:
        raise Http404
    return requirement


@dataclass(frozen=True)
class Link:
    """A mapping seen from one requirement: the requirement on the other side."""

    other: Requirement
    relation: str
    declared_here: bool

    @property
    def strength(self) -> int:
        return RELATION_STRENGTH.get(self.relation, 0)


def links_of(vis: Visibility, requirement: Requirement) -> list[Link]:
    """Every mapping of the requirement, both directions, to frameworks the viewer sees."""
    related = ("framework", "category")
    out = Mapping.objects.filter(
        vis.frameworks_q("to_requirement__framework__"), from_requirement=requirement
    )
    into = Mapping.objects.filter(
        vis.frameworks_q("from_requirement__framework__"), to_requirement=requirement
    )
    links = [
        Link(m.to_requirement, m.relation, True)
        for m in out.select_related(*(f"to_requirement__{r}" for r in related))
    ]
    links += [
        Link(m.from_requirement, m.relation, False)
        for m in into.select_related(*(f"from_requirement__{r}" for r in related))
    ]
    links.sort(
        key=lambda link: (
            link.other.framework.position,
            link.other.framework.code,
            -link.strength,
            link.other.position,
        )
    )
    return links


def requirement_editions(vis: Visibility, requirement: Requirement) -> list[Requirement]:
    """The same ref in the other editions of the family."""
    return list(
        Requirement.objects.filter(
            vis.frameworks_q("framework__"),
            ref=requirement.ref,
            framework__code=requirement.framework.code,
            framework__owner_id=requirement.framework.owner_id,
        )
        .exclude(pk=requirement.pk)
        .select_related("framework")
        .order_by("-framework__edition")
    )


# --- Guidance notes ---------------------------------------------------------------------


def _notes(vis: Visibility) -> QuerySet[GuidanceNote]:
    return GuidanceNote.objects.with_scope(organization=list(vis.consultancy_ids)).all()


def guidance_notes_for(vis: Visibility, requirement: Requirement) -> list[GuidanceNote]:
    """Notes the viewer's consultancies wrote on this ref (in any edition), this edition first."""
    notes = list(
        _notes(vis)
        .filter(
            requirement__ref=requirement.ref,
            requirement__framework__code=requirement.framework.code,
            requirement__framework__owner_id=requirement.framework.owner_id,
        )
        .select_related("organization", "author", "requirement__framework")
    )
    notes.sort(key=lambda n: (n.requirement_id != requirement.pk, -n.updated_at.timestamp()))
    return notes


def noted_refs(vis: Visibility) -> set[tuple[str, str]]:
    """(family code, ref) pairs that carry a note of the viewer's consultancies."""
    return set(_notes(vis).values_list("requirement__framework__code", "requirement__ref"))


def guidance_note_of(
    vis: Visibility, requirement: Requirement, notes: list[GuidanceNote] | None = None
) -> GuidanceNote | None:
    """The note of the viewer's consultancy on this requirement; found among ``notes`` (those
    of :func:`guidance_notes_for`) when given, which hold it if it exists."""
    if vis.note_owner is None:
        return None
    if notes is not None:
        owner_id = vis.note_owner.pk
        return next(
            (
                n
                for n in notes
                if n.organization_id == owner_id and n.requirement_id == requirement.pk
            ),
            None,
        )
    return (
        GuidanceNote.objects.with_scope(organization=vis.note_owner)
        .filter(requirement=requirement)
        .first()
    )


def noted_refs_of_family(vis: Visibility, framework: Framework) -> set[str]:
    """Refs of a family the viewer's consultancy has written guidance on (any edition)."""
    if vis.note_owner is None:
        return set()
    return set(
        GuidanceNote.objects.with_scope(organization=vis.note_owner)
        .filter(
            requirement__framework__code=framework.code,
            requirement__framework__owner_id=framework.owner_id,
        )
        .values_list("requirement__ref", flat=True)
    )


# --- Crosswalk --------------------------------------------------------------------------


@dataclass
class Cell:
    category: Category
    count: int = 0
    strength: int = 0

    @property
    def relation(self) -> str:
        return {3: "equivalent", 2: "partial", 1: "related"}.get(self.strength, "")


@dataclass
class Crosswalk:
    rows: Framework
    cols: Framework
    col_categories: list[Category]
    matrix: list[tuple[Category, list[Cell], int]] = field(default_factory=list)
    uncovered: list[Requirement] = field(default_factory=list)
    row_requirements: int = 0

    @property
    def mappings(self) -> int:
        return sum(total for _category, _cells, total in self.matrix)


# What a crosswalk shows of a requirement (the long texts stay in the database).
BRIEF = (
    "ref",
    "title_en",
    "title_fr",
    "category_id",
    "framework_id",
    "position",
    "retired_at",
    "level",
)


def _pairs(rows: Framework, cols: Framework) -> list[tuple[Requirement, Requirement, str]]:
    """(row requirement, column requirement, relation) for every active mapping between two frameworks."""
    brief = [f"{side}__{name}" for side in ("from_requirement", "to_requirement") for name in BRIEF]
    links = (
        Mapping.objects.filter(
            Q(from_requirement__framework=rows, to_requirement__framework=cols)
            | Q(from_requirement__framework=cols, to_requirement__framework=rows),
            from_requirement__retired_at__isnull=True,
            to_requirement__retired_at__isnull=True,
        )
        .select_related("from_requirement", "to_requirement")
        .only("relation", *brief)
    )
    pairs = []
    for m in links:
        if m.from_requirement.framework_id == rows.pk:
            pairs.append((m.from_requirement, m.to_requirement, m.relation))
        else:
            pairs.append((m.to_requirement, m.from_requirement, m.relation))
    return pairs


def crosswalk(rows: Framework, cols: Framework) -> Crosswalk:
    row_categories = list(Category.objects.filter(framework=rows).order_by("position"))
    col_categories = list(Category.objects.filter(framework=cols).order_by("position"))
    col_by_id = {c.pk: c for c in col_categories}
    cells: dict[tuple[Any, Any], Cell] = {}
    covered: set[Any] = set()
    for row_req, col_req, relation in _pairs(rows, cols):
        key = (row_req.category_id, col_req.category_id)
        cell = cells.setdefault(key, Cell(col_by_id[col_req.category_id]))
        cell.count += 1
        cell.strength = max(cell.strength, RELATION_STRENGTH.get(relation, 0))
        covered.add(row_req.pk)
    result = Crosswalk(rows=rows, cols=cols, col_categories=col_categories)
    for category in row_categories:
        line = [cells.get((category.pk, col.pk), Cell(col)) for col in col_categories]
        result.matrix.append((category, line, sum(c.count for c in line)))
    row_by_id = {c.pk: c for c in row_categories}
    active = Requirement.objects.filter(framework=rows, retired_at__isnull=True).only(*BRIEF)
    for requirement in active.order_by("position"):
        result.row_requirements += 1
        if requirement.pk not in covered:
            requirement.category = row_by_id[requirement.category_id]
            result.uncovered.append(requirement)
    return result


def crosswalk_pairs(
    rows: Framework, cols: Framework, row_category: Category | None, col_category: Category | None
) -> list[tuple[Requirement, Requirement, str]]:
    pairs = [
        p
        for p in _pairs(rows, cols)
        if (row_category is None or p[0].category_id == row_category.pk)
        and (col_category is None or p[1].category_id == col_category.pk)
    ]
    pairs.sort(key=lambda p: (p[0].position, -RELATION_STRENGTH.get(p[2], 0), p[1].position))
    return pairs


# --- API helpers ------------------------------------------------------------------------


def mappings_visible(vis: Visibility, framework: Framework | None = None) -> QuerySet[Mapping]:
    qs = Mapping.objects.filter(
        vis.frameworks_q("from_requirement__framework__"),
        vis.frameworks_q("to_requirement__framework__"),
    )
    if framework is not None:
        qs = qs.filter(
            Q(from_requirement__framework=framework) | Q(to_requirement__framework=framework)
        )
    else:
        qs = qs.filter(
            from_requirement__framework__is_current=True, to_requirement__framework__is_current=True
        )
    return qs.select_related("from_requirement__framework", "to_requirement__framework").order_by(
        "from_requirement__framework__position", "from_requirement__position", "to_requirement__ref"
    )


def families_with_editions(vis: Visibility) -> dict[tuple[str, Any], list[Framework]]:
    """Family (code, owner id) → its editions, newest first."""
    families: dict[tuple[str, Any], list[Framework]] = defaultdict(list)
    for framework in frameworks_visible(vis).select_related("owner"):
        families[(framework.code, framework.owner_id)].append(framework)
    return dict(families)
