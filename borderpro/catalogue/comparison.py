"""Comparing two editions of a framework family, and what existing answers carry over.

Requirements are matched by ref. An answer given under edition A carries over to edition B
when B keeps the same ref; otherwise the crosswalk is searched: a mapping between the old
requirement and a requirement of B, or a path through a requirement of another framework
that both map to (the weaker of the two relations counts). ``equivalent`` carries the
answer over, ``partial`` carries it over for review, ``related`` only points to where a
new answer is needed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from borderpro.catalogue.models import RELATION_STRENGTH, Framework, Mapping, Requirement, pick

WORDING_FIELDS = ("title", "gist", "evidence")
STRENGTH_RELATION = {v: k for k, v in RELATION_STRENGTH.items()}


@dataclass
class Reworded:
    old: Requirement
    new: Requirement
    fields: list[str]

    @property
    def ref(self) -> str:
        return self.new.ref

    @property
    def changes(self) -> list[tuple[str, str, str]]:
        """(field, before, after) in the active language."""
        return [(name, pick(self.old, name), pick(self.new, name)) for name in self.fields]


@dataclass
class Relevelled:
    old: Requirement
    new: Requirement

    @property
    def ref(self) -> str:
        return self.new.ref


@dataclass
class Target:
    requirement: Requirement
    relation: str
    via: Requirement | None = None


@dataclass
class CarryOver:
    """What happens to an answer given to ``ref`` under edition A."""

    ref: str
    outcome: str  # same | review | mapped | partial | related | none | unknown
    old: Requirement | None = None
    targets: list[Target] = field(default_factory=list)

    @property
    def carries(self) -> bool:
        return self.outcome in ("same", "review", "mapped", "partial")


@dataclass
class EditionComparison:
    a: Framework
    b: Framework
    added: list[Requirement] = field(default_factory=list)
    retired: list[Requirement] = field(default_factory=list)
    reworded: list[Reworded] = field(default_factory=list)
    relevelled: list[Relevelled] = field(default_factory=list)
    unchanged: int = 0
    carry_over: list[CarryOver] | None = None

    @property
    def carried(self) -> int:
        return sum(1 for c in self.carry_over or [] if c.carries)


def _wording_changes(old: Requirement, new: Requirement) -> list[str]:
    return [
        name
        for name in WORDING_FIELDS
        if any(
            getattr(old, f"{name}_{lang}") != getattr(new, f"{name}_{lang}")
            for lang in ("en", "fr")
        )
    ]


def editions_compare(
    *,
    a: Framework,
    b: Framework,
    answered_refs: Iterable[str] | None = None,
    visible: Q | None = None,
) -> EditionComparison:
    """Added, retired, reworded and re-levelled requirements from edition A to edition B.

    ``answered_refs``: refs answered under A; the result then says which answers carry over.
    ``visible``: limits the frameworks a carry-over path may pass through (a Q on Framework).
    """
    related = ("category",)
    old = {r.ref: r for r in Requirement.objects.filter(framework=a).select_related(*related)}
    new = {r.ref: r for r in Requirement.objects.filter(framework=b).select_related(*related)}
    old_active = {ref: r for ref, r in old.items() if r.retired_at is None}
    new_active = {ref: r for ref, r in new.items() if r.retired_at is None}
    result = EditionComparison(a=a, b=b)
    result.added = sorted(
        (r for ref, r in new_active.items() if ref not in old_active), key=lambda r: r.position
    )
    result.retired = sorted(
        (r for ref, r in old_active.items() if ref not in new_active), key=lambda r: r.position
    )
    for ref in sorted(set(old_active) & set(new_active), key=lambda ref: new_active[ref].position):
        before, after = old_active[ref], new_active[ref]
        fields = _wording_changes(before, after)
        if fields:
            result.reworded.append(Reworded(before, after, fields))
        if before.level != after.level:
            result.relevelled.append(Relevelled(before, after))
        if not fields and before.level == after.level:
            result.unchanged += 1
    if answered_refs is not None:
        result.carry_over = _carry_over(
            sorted(set(answered_refs)), old, new_active, result, visible
        )
    return result


def _carry_over(
    refs: list[str],
    old: dict[str, Requirement],
    new_active: dict[str, Requirement],
    result: EditionComparison,
    visible: Q | None,
) -> list[CarryOver]:
    changed = {r.ref for r in result.reworded} | {r.ref for r in result.relevelled}
    outcomes: list[CarryOver] = []
    searching: dict[Any, CarryOver] = {}
    for ref in refs:
        if ref not in old:
            outcomes.append(CarryOver(ref, "unknown"))
        elif ref in new_active:
            outcome = "review" if ref in changed else "same"
            outcomes.append(
                CarryOver(ref, outcome, old[ref], [Target(new_active[ref], "equivalent")])
            )
        else:
            item = CarryOver(ref, "none", old[ref])
            searching[old[ref].pk] = item
            outcomes.append(item)
    if searching:
        _follow_mappings(searching, {r.pk: r for r in new_active.values()}, visible)
    return outcomes


def _neighbours(ids: Iterable[Any], visible: Q | None) -> dict[Any, list[tuple[Requirement, str]]]:
    """Requirement id → (requirement on the other side, relation), both directions."""
    ids = list(ids)
    links = Mapping.objects.filter(Q(from_requirement_id__in=ids) | Q(to_requirement_id__in=ids))
    links = links.select_related("from_requirement__framework", "to_requirement__framework")
    result: dict[Any, list[tuple[Requirement, str]]] = defaultdict(list)
    wanted = set(ids)
    for link in links:
        if link.from_requirement_id in wanted:
            result[link.from_requirement_id].append((link.to_requirement, link.relation))
        if link.to_requirement_id in wanted:
            result[link.to_requirement_id].append((link.from_requirement, link.relation))
    if visible is not None:
        allowed = set(Framework.objects.filter(visible).values_list("pk", flat=True))
        result = defaultdict(
            list,
            {k: [(r, rel) for r, rel in v if r.framework_id in allowed] for k, v in result.items()},
        )
    return result


def _follow_mappings(
    searching: dict[Any, CarryOver], targets: dict[Any, Requirement], visible: Q | None
) -> None:
    first = _neighbours(searching, visible)
    hops = {
        other.pk
        for links in first.values()
        for other, _rel in links
        if other.pk not in targets and other.pk not in searching
    }
    second = _neighbours(hops, visible) if hops else {}
    for old_id, item in searching.items():
        best: dict[Any, tuple[int, Requirement | None]] = {}
        for other, relation in first.get(old_id, []):
            strength = RELATION_STRENGTH.get(relation, 0)
            if other.pk in targets:
                _keep_best(best, other.pk, strength, None)
                continue
            for far, far_relation in second.get(other.pk, []):
                if far.pk in targets:
                    _keep_best(
                        best, far.pk, min(strength, RELATION_STRENGTH.get(far_relation, 0)), other
                    )
        if not best:
            continue
        top = max(strength for strength, _via in best.values())
        item.targets = [
            Target(targets[pk], STRENGTH_RELATION[strength], via)
            for pk, (strength, via) in sorted(best.items(), key=lambda kv: targets[kv[0]].position)
            if strength == top
        ]
        item.outcome = {3: "mapped", 2: "partial", 1: "related"}[top]


def _keep_best(
    best: dict[Any, tuple[int, Requirement | None]], pk: Any, strength: int, via: Requirement | None
) -> None:
    if pk not in best or strength > best[pk][0] or (strength == best[pk][0] and via is None):
        best[pk] = (strength, via)


# --- Text report (the command prints what the page shows) -------------------------------


def outcome_label(outcome: str) -> str:
    return {
        "same": _("carries over (same requirement)"),
        "review": _("carries over; the wording or level changed, review it"),
        "mapped": _("carries over through an equivalent requirement"),
        "partial": _("carries over in part; review it"),
        "related": _("does not carry over; a related requirement needs an answer"),
        "none": _("does not carry over"),
        "unknown": _("not a requirement of the older edition"),
    }.get(outcome, outcome)


def field_label(name: str) -> str:
    return {"title": _("title"), "gist": _("summary"), "evidence": _("evidence hint")}.get(
        name, name
    )


def comparison_lines(result: EditionComparison) -> list[str]:
    lines = [
        _("%(family)s: edition %(a)s compared with edition %(b)s")
        % {"family": result.b.short_name, "a": result.a.edition, "b": result.b.edition},
        "",
        _("Added (%(count)s)") % {"count": len(result.added)},
    ]
    lines += [f"  + {r.ref}  [{r.level}]  {r.title}" for r in result.added]
    lines += ["", _("Retired (%(count)s)") % {"count": len(result.retired)}]
    lines += [f"  - {r.ref}  {r.title}" for r in result.retired]
    lines += ["", _("Reworded (%(count)s)") % {"count": len(result.reworded)}]
    lines += [
        f"  ~ {r.ref}  {r.new.title}  ({', '.join(field_label(f) for f in r.fields)})"
        for r in result.reworded
    ]
    lines += ["", _("Re-levelled (%(count)s)") % {"count": len(result.relevelled)}]
    lines += [
        f"  ! {r.ref}  {r.old.level} → {r.new.level}  {r.new.title}" for r in result.relevelled
    ]
    lines += ["", _("Unchanged: %(count)s") % {"count": result.unchanged}]
    if result.carry_over is not None:
        lines += [
            "",
            _("Existing answers (%(carried)s of %(count)s carry over)")
            % {"carried": result.carried, "count": len(result.carry_over)},
        ]
        for item in result.carry_over:
            targets = ", ".join(
                t.requirement.ref
                + (
                    f" ({t.relation}" + (f", via {t.via.ref}" if t.via else "") + ")"
                    if t.relation != "equivalent" or t.via
                    else ""
                )
                for t in item.targets
            )
            lines.append(
                f"  {item.ref}: {outcome_label(item.outcome)}"
                + (f" → {targets}" if targets else "")
            )
    return lines
