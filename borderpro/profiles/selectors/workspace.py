"""Reads for the workspace: requirements with their (possibly reused) responses, gaps and readiness.

Everything a framework page needs comes from a fixed number of queries, whatever the number
of requirements: requirements, responses, mappings, evidence links, category assignments.

Catalogue content (a framework's requirements, categories and mappings) changes only when a
catalogue file is loaded, which stamps the framework's ``loaded_at``. Each process keeps what
it read of a framework keyed by the catalogue's version (the newest ``loaded_at`` and the
number of frameworks: one small aggregate query), so the hot paths (saving a response, the
workspace, readiness) read only the organization's own rows. The cached instances are shared:
treat them as read-only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from borderpro.catalogue.models import Category, Framework, Mapping, Requirement
from borderpro.profiles.models import (
    CategoryAssignment,
    FrameworkSelection,
    Response,
    ResponseEvidence,
    SecurityProfile,
    Status,
)

DEFAULT_FRAMEWORKS = ("PIP", "CTPAT-HC")
LEVEL_WEIGHT = {"must": 3, "should": 1}
STATUS_CREDIT: dict[str, float] = {
    Status.IMPLEMENTED: 1.0,
    Status.PARTIAL: 0.5,
    Status.IN_PROGRESS: 0.25,
    Status.NOT_IMPLEMENTED: 0.0,
    Status.NOT_STARTED: 0.0,
}
REUSE_RELATIONS = {"equivalent": 3, "partial": 2}
STALE_DAYS = 365
HEAVY_TEXT = (
    "gist_en",
    "gist_fr",
    "evidence_en",
    "evidence_fr",
    "unconfirmed_en",
    "unconfirmed_fr",
    "search_en",
    "search_fr",
    "source_url",
)

GAPS = {
    "must_open": _("Must not implemented"),
    "evidence_missing": _("Evidence missing"),
    "narrative_missing": _("Narrative missing"),
    "evidence_stale": _("Evidence older than 12 months or expired"),
    "unassigned": _("Unassigned"),
    "awaiting_review": _("Awaiting review"),
}


def frameworks_pursued(organization: Any) -> list[Framework]:
    chosen = list(
        Framework.objects.filter(
            pk__in=FrameworkSelection.objects.filter(organization=organization).values(
                "framework_id"
            )
        ).order_by("position", "code")
    )
    if chosen:
        return chosen
    return list(
        Framework.objects.filter(
            code__in=DEFAULT_FRAMEWORKS, owner__isnull=True, is_current=True
        ).order_by("position", "code")
    )


def is_applicable(requirement: Requirement, organization: Any, modes: list[str]) -> bool:
    if requirement.retired_at is not None or requirement.level not in LEVEL_WEIGHT:
        return False
    applies = requirement.applies_to or {}
    types = applies.get("business_types") or []
    if types and organization.business_type and organization.business_type not in types:
        return False
    wanted = applies.get("modes") or []
    return not (wanted and modes and not set(wanted) & set(modes))


_CATALOGUE: dict[tuple[Any, ...], Any] = {}
_CATALOGUE_LIMIT = 256


def _catalogue_version() -> tuple[Any, int]:
    figures = Framework.objects.aggregate(newest=Max("loaded_at"), frameworks=Count("id"))
    return figures["newest"], figures["frameworks"]


def _catalogue_cached(key: tuple[Any, ...], version: tuple[Any, int], read: Any) -> Any:
    entry = _CATALOGUE.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    if len(_CATALOGUE) >= _CATALOGUE_LIMIT:
        _CATALOGUE.clear()
    value = read()
    _CATALOGUE[key] = (version, value)
    return value


def catalogue_forget(**_kwargs: Any) -> None:
    """A catalogue row was written in this process (a load, a test factory): read it again."""
    _CATALOGUE.clear()


for _model in (Framework, Category, Requirement, Mapping):
    post_save.connect(catalogue_forget, sender=_model, dispatch_uid=f"ws-forget-{_model.__name__}")
    post_delete.connect(
        catalogue_forget, sender=_model, dispatch_uid=f"ws-forget-del-{_model.__name__}"
    )


def _framework_requirements(framework: Framework, version: tuple[Any, int]) -> list[Requirement]:
    """Every requirement of the framework in order, its category attached (cached, read-only)."""

    def read() -> list[Requirement]:
        categories = {
            c.pk: c
            for c in Category.objects.filter(framework=framework).defer(
                "description_en", "description_fr"
            )
        }
        qs = Requirement.objects.filter(framework=framework).order_by("position")
        requirements = list(qs.defer(*HEAVY_TEXT))
        for r in requirements:
            r.category = categories[r.category_id]
        return requirements

    return _catalogue_cached(("requirements", framework.pk), version, read)


def applicable_requirements(
    organization: Any,
    framework: Framework,
    modes: list[str],
    version: tuple[Any, int] | None = None,
) -> list[Requirement]:
    requirements = _framework_requirements(framework, version or _catalogue_version())
    return [r for r in requirements if is_applicable(r, organization, modes)]


@dataclass
class Row:
    requirement: Requirement
    response: Response
    effective: Response
    reused_from: Any = None  # the MappedRequirement whose answer is reused
    shared_from: Any = None  # the SecurityProfile (division) whose answer is shared here
    also_covers: list[Any] = field(default_factory=list)
    evidence: list[Any] = field(default_factory=list)
    owner: Any = None
    due_on: date | None = None
    owner_from_category: bool = False
    gaps: list[str] = field(default_factory=list)

    @property
    def gap_labels(self) -> list[str]:
        return [str(GAPS[g]) for g in self.gaps]

    @property
    def status(self) -> str:
        return self.effective.status


@dataclass
class CategoryBlock:
    category: Category
    rows: list[Row]
    assignment: CategoryAssignment | None
    score: int = 0
    done: int = 0
    total: int = 0
    gap_count: int = 0


@dataclass
class Workspace:
    framework: Framework
    blocks: list[CategoryBlock]
    rows: list[Row]
    score: int
    must_score: int | None
    should_score: int | None
    gap_counts: dict[str, int]
    status_counts: dict[str, int]

    @property
    def gap_total(self) -> int:
        return sum(1 for row in self.rows if row.gaps)


def score(rows: list[Row]) -> tuple[int, int | None, int | None]:
    """Overall, must-only and should-only readiness in percent (must weighs 3, should 1)."""
    sums = {"must": [0.0, 0], "should": [0.0, 0]}
    for row in rows:
        level = row.requirement.level
        if row.status == Status.NOT_APPLICABLE or level not in sums:
            continue
        sums[level][0] += STATUS_CREDIT.get(row.status, 0.0)
        sums[level][1] += 1
    weighted_total = sum(LEVEL_WEIGHT[k] * v[1] for k, v in sums.items())
    weighted_done = sum(LEVEL_WEIGHT[k] * v[0] for k, v in sums.items())

    def pct(done: float, total: float) -> int | None:
        return round(100 * done / total) if total else None

    return (pct(weighted_done, weighted_total) or 0, pct(*sums["must"]), pct(*sums["should"]))


def _row_gaps(row: Row, today: date) -> list[str]:
    eff, level = row.effective, row.requirement.level
    gaps: list[str] = []
    if eff.status == Status.NOT_APPLICABLE:
        return gaps
    if level == "must" and eff.status != Status.IMPLEMENTED:
        gaps.append("must_open")
    if eff.status in (Status.IMPLEMENTED, Status.PARTIAL) and not row.evidence:
        gaps.append("evidence_missing")
    if not eff.narrative.strip():
        gaps.append("narrative_missing")
    if row.evidence:
        newest = max((e.document_date or e.created_at.date()) for e in row.evidence)
        expired = any(e.expires_on and e.expires_on < today for e in row.evidence)
        if expired or newest < today - timedelta(days=STALE_DAYS):
            gaps.append("evidence_stale")
    if row.owner is None:
        gaps.append("unassigned")
    if eff.review_state == "submitted":
        gaps.append("awaiting_review")
    return gaps


@dataclass(frozen=True)
class MappedRequirement:
    """The few fields of a mapped requirement the workspace shows (no model instance: hot path)."""

    pk: Any
    ref: str
    title_en: str
    title_fr: str
    framework_id: Any


_MAPPING_SIDE = ("id", "ref", "title_en", "title_fr", "framework_id", "retired_at")


def _framework_mappings(framework: Framework, version: tuple[Any, int]) -> list[tuple[Any, ...]]:
    """Every mapping touching one of the framework's requirements: (relation, from side, to
    side), each side as ``_MAPPING_SIDE`` (cached, read-only)."""

    def read() -> list[tuple[Any, ...]]:
        links = Mapping.objects.filter(
            from_requirement__framework=framework
        ) | Mapping.objects.filter(to_requirement__framework=framework)
        columns = [
            "relation",
            *(f"from_requirement__{f}" for f in _MAPPING_SIDE),
            *(f"to_requirement__{f}" for f in _MAPPING_SIDE),
        ]
        return list(links.values_list(*columns))

    return _catalogue_cached(("mappings", framework.pk), version, read)


def _mapped(
    framework: Framework,
    requirement_ids: set[Any],
    pursued_ids: set[Any],
    version: tuple[Any, int],
) -> dict[Any, list[tuple[MappedRequirement, str]]]:
    """Requirement id → [(mapped requirement of another pursued framework, relation)], both ways."""
    out: dict[Any, list[tuple[MappedRequirement, str]]] = defaultdict(list)
    for row in _framework_mappings(framework, version):
        relation, a, b = row[0], row[1:7], row[7:13]
        for mine, other in ((a, b), (b, a)):
            if mine[0] in requirement_ids and other[4] in pursued_ids and other[5] is None:
                out[mine[0]].append((MappedRequirement(*other[:5]), relation))
    return out


_MANY_IDS = 40  # above this many requirements, select responses by framework, not by id list
_LINKED_EVIDENCE = (
    "id",
    "title",
    "original_name",
    "sha256",
    "document_date",
    "expires_on",
    "created_at",
    "archived_at",
)


class _Stored:
    adding = False


class Answer:
    """A stored response as the pages that only show it read it: its own columns, owner and
    shared source (a model instance costs more to make than the row costs to read, hundreds of
    times a page). ``workspace_build(light=True)`` gives these; read-only."""

    COLUMNS = (
        "id",
        "requirement_id",
        "same_as_id",
        "owner_id",
        "status",
        "justification",
        "narrative",
        "due_on",
        "review_state",
        "reuse_mapped",
        "version",
    )
    __slots__ = (*COLUMNS, "security_profile", "owner", "same_as")
    id: Any
    requirement_id: Any
    same_as_id: Any
    owner_id: Any
    status: str
    justification: str
    narrative: str
    due_on: date | None
    review_state: str
    reuse_mapped: bool
    version: int
    security_profile: SecurityProfile
    owner: Any
    same_as: Any
    _state = _Stored()

    def __init__(self, values: tuple[Any, ...], security_profile: SecurityProfile) -> None:
        for name, value in zip(self.COLUMNS, values, strict=True):
            setattr(self, name, value)
        self.security_profile = security_profile
        self.owner = self.same_as = None

    @property
    def pk(self) -> Any:
        return self.id

    @property
    def security_profile_id(self) -> Any:
        return self.security_profile.pk

    has_own_answer = Response.has_own_answer


def _responses(
    organization: Any,
    security_profile: SecurityProfile,
    requirement_ids: set[Any],
    framework_ids: set[Any],
    light: bool = False,
) -> dict[Any, Any]:
    """Requirement id → the profile's response (or its ``Answer`` if ``light``), with its
    owner, its shared source (with the source's owner and division) and its security profile
    attached.

    Read without joins: the owners and shared sources are few, and joining them on every
    response (a user's and a response's every column, once per row) cost more than the
    responses themselves."""
    rows = Response.objects.filter(organization=organization, security_profile=security_profile)
    if len(requirement_ids) > _MANY_IDS:  # a whole framework: no list of hundreds of ids
        rows = rows.filter(requirement__framework_id__in=framework_ids)
    else:
        rows = rows.filter(requirement_id__in=requirement_ids)
    found: dict[Any, Any]
    if light:
        found = {}
        for values in rows.values_list(*Answer.COLUMNS):
            if values[1] in requirement_ids:
                found[values[1]] = Answer(values, security_profile)
    else:
        found = {r.requirement_id: r for r in rows if r.requirement_id in requirement_ids}
        profile_cache = Response._meta.get_field("security_profile")
        for response in found.values():
            profile_cache.set_cached_value(response, security_profile)
    owner_cache = Response._meta.get_field("owner")
    same_as_cache = Response._meta.get_field("same_as")

    def attach(response: Any, field: Any, value: Any) -> None:
        if light:
            setattr(response, field.name, value)
        else:
            field.set_cached_value(response, value)

    owner_ids = {r.owner_id for r in found.values() if r.owner_id is not None}
    if owner_ids:
        owners = owner_cache.related_model._default_manager.in_bulk(owner_ids)
        for response in found.values():
            if response.owner_id is not None:
                attach(response, owner_cache, owners.get(response.owner_id))
    source_ids = {r.same_as_id for r in found.values() if r.same_as_id is not None}
    if source_ids:
        sources = (
            Response.objects.filter(organization=organization, pk__in=source_ids)
            .select_related("owner", "security_profile__division")
            .in_bulk()
        )
        for response in found.values():
            if response.same_as_id is not None:
                attach(response, same_as_cache, sources.get(response.same_as_id))
    return found


def _evidence_by_response(organization: Any, responses: list[Response]) -> dict[Any, list[Any]]:
    """Response id → its current (not archived) evidence files, the few fields the workspace
    shows; a file linked to several responses is one instance (read-only)."""
    links: dict[Any, list[Any]] = defaultdict(list)
    if not responses:
        return links
    model = ResponseEvidence._meta.get_field("evidence").related_model
    # from_db() takes the values of a partial row in the model's field order
    names = [f.attname for f in model._meta.concrete_fields if f.attname in _LINKED_EVIDENCE]
    rows = ResponseEvidence.objects.filter(
        organization=organization,
        response_id__in=[r.pk for r in responses],
        evidence__archived_at__isnull=True,
    ).values_list("response_id", *(f"evidence__{name}" for name in names))
    files: dict[Any, Any] = {}
    for response_id, *values in rows:
        evidence = files.get(values[0])
        if evidence is None:
            evidence = files[values[0]] = model.from_db(rows.db, names, values)
        links[response_id].append(evidence)
    return links


def workspace_build(
    organization: Any,
    framework: Framework,
    *,
    today: date,
    modes: list[str],
    pursued: list[Framework],
    requirements: list[Requirement] | None = None,
    security_profile: SecurityProfile | None = None,
    light: bool = False,
) -> Workspace:
    """The framework's workspace of one security profile (default: the main profile).

    ``light``: the stored responses of the rows are ``Answer``s, not model instances (for
    the pages that only show them: the workspace, readiness; not for writing or exporting)."""
    if security_profile is None:
        from borderpro.profiles.services.divisions import security_profile_main

        security_profile = security_profile_main(organization)
    version = _catalogue_version()
    requirements = (
        requirements
        if requirements is not None
        else applicable_requirements(organization, framework, modes, version)
    )
    req_ids = {r.pk for r in requirements}
    pursued_ids = {f.pk for f in pursued} - {framework.pk}
    mapped = _mapped(framework, req_ids, pursued_ids, version)
    responses = _responses(organization, security_profile, req_ids, {framework.pk}, light)
    # another framework's answer is read only for the rows that may reuse it (empty ones)
    reusable: set[Any] = set()
    for requirement in requirements:
        own = responses.get(requirement.pk)
        if own is None or (own.same_as_id is None and own.reuse_mapped and not own.has_own_answer):
            reusable.update(
                other.pk
                for other, relation in mapped.get(requirement.pk, [])
                if relation in REUSE_RELATIONS
            )
    if reusable:
        frameworks = {other.framework_id for pairs in mapped.values() for other, _rel in pairs}
        responses.update(_responses(organization, security_profile, reusable, frameworks, light))
    shared = [r.same_as for r in responses.values() if r.same_as is not None]
    links = _evidence_by_response(organization, [*responses.values(), *shared])
    assignments = {
        a.category_id: a
        for a in CategoryAssignment.objects.filter(
            organization=organization, category__framework=framework
        ).select_related("owner")
    }
    rows = []
    for requirement in requirements:
        response = responses.get(requirement.pk) or Response(
            organization=organization, security_profile=security_profile, requirement=requirement
        )
        row = Row(requirement=requirement, response=response, effective=response)
        source = response.same_as if response.same_as_id is not None else None
        if source is not None:
            row.effective, row.shared_from = source, source.security_profile
        candidates = sorted(
            (pair for pair in mapped.get(requirement.pk, []) if pair[1] in REUSE_RELATIONS),
            key=lambda pair: -REUSE_RELATIONS[pair[1]],
        )
        own_evidence = links.get(response.pk, []) if response.pk else []
        if (
            row.shared_from is None
            and response.reuse_mapped
            and not response.has_own_answer
            and not own_evidence
        ):
            for other, _relation in candidates:
                source = responses.get(other.pk)
                if source is not None and source.has_own_answer:
                    row.effective, row.reused_from = source, other
                    break
        row.also_covers = [other for other, _rel in candidates]
        row.evidence = links.get(row.effective.pk, []) if row.effective.pk else []
        assignment = assignments.get(requirement.category_id)
        owner = response.owner if response.owner_id is not None else None
        row.owner = owner or (assignment.owner if assignment else None)
        row.owner_from_category = owner is None and assignment is not None
        row.due_on = response.due_on or (assignment.due_on if assignment else None)
        row.gaps = _row_gaps(row, today)
        rows.append(row)
    return _assemble(framework, rows, assignments)


def _assemble(
    framework: Framework, rows: list[Row], assignments: dict[Any, CategoryAssignment]
) -> Workspace:
    by_category: dict[Any, list[Row]] = defaultdict(list)
    categories: dict[Any, Category] = {}
    for row in rows:
        by_category[row.requirement.category_id].append(row)
        categories[row.requirement.category_id] = row.requirement.category
    blocks = []
    for cat_id, cat_rows in sorted(by_category.items(), key=lambda kv: categories[kv[0]].position):
        block = CategoryBlock(
            category=categories[cat_id], rows=cat_rows, assignment=assignments.get(cat_id)
        )
        block.score = score(cat_rows)[0]
        block.total = len(cat_rows)
        block.done = sum(
            1 for r in cat_rows if r.status in (Status.IMPLEMENTED, Status.NOT_APPLICABLE)
        )
        block.gap_count = sum(1 for r in cat_rows if r.gaps)
        blocks.append(block)
    overall, must, should = score(rows)
    gap_counts = dict.fromkeys(GAPS, 0)
    status_counts = dict.fromkeys(Status.values, 0)
    for row in rows:  # one pass (a row's gaps are distinct keys of GAPS)
        for key in row.gaps:
            gap_counts[key] += 1
        if row.effective.status in status_counts:
            status_counts[row.effective.status] += 1
    return Workspace(
        framework=framework,
        blocks=blocks,
        rows=rows,
        score=overall,
        must_score=must,
        should_score=should,
        gap_counts=gap_counts,
        status_counts=status_counts,
    )


def workspace_filter(
    ws: Workspace,
    *,
    status: str = "",
    owner: str = "",
    gaps_only: bool = False,
    gap: str = "",
    q: str = "",
) -> list[CategoryBlock]:
    """The category blocks with only the rows matching the filters (empty blocks dropped)."""
    needle = q.strip().lower()
    blocks = []
    for block in ws.blocks:
        rows = [
            r
            for r in block.rows
            if (not status or r.status == status)
            and (
                not owner
                or (owner == "none" and r.owner is None)
                or (r.owner is not None and str(r.owner.pk) == owner)
            )
            and (not gaps_only or r.gaps)
            and (not gap or gap in r.gaps)
            and (
                not needle
                or needle
                in f"{r.requirement.ref} {r.requirement.title} {r.effective.narrative}".lower()
            )
        ]
        if rows:
            blocks.append(
                CategoryBlock(
                    category=block.category,
                    rows=rows,
                    assignment=block.assignment,
                    score=block.score,
                    done=block.done,
                    total=block.total,
                    gap_count=block.gap_count,
                )
            )
    return blocks


def answered_refs(organization: Any, family_code: str) -> set[str]:
    """Refs of a framework family the organization has started answering (any edition, any
    division)."""
    return set(
        Response.objects.filter(organization=organization, requirement__framework__code=family_code)
        .exclude(status=Status.NOT_STARTED, narrative="")
        .values_list("requirement__ref", flat=True)
    )
