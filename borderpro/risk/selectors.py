"""Reads for the risk assessment, each in a fixed number of queries; the tenant is explicit."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from borderpro.catalogue.models import Category, Framework
from borderpro.risk import register, scoring
from borderpro.risk.models import Action, Approval, Assessment, Flow, ThreatRating, Vulnerability
from borderpro.risk.proposal import RequirementFact


def assessment_list(organization: Any) -> QuerySet[Assessment]:
    return (
        Assessment.objects.filter(organization=organization)
        .select_related("based_on")
        .annotate(
            flow_count=Count("flows", distinct=True),
            open_actions=Count(
                "actions", filter=Q(actions__status__in=["planned", "in_progress"]), distinct=True
            ),
        )
        .order_by("-year", "-created_at")
    )


def assessment_get(organization: Any, pk: Any) -> Assessment:
    return Assessment.objects.select_related("framework", "based_on").get(
        organization=organization, pk=pk
    )


def latest_approved(organization: Any) -> Assessment | None:
    return (
        Assessment.objects.filter(organization=organization, status=Assessment.Status.APPROVED)
        .order_by("-approved_at")
        .first()
    )


def flows(assessment: Assessment) -> QuerySet[Flow]:
    return Flow.objects.filter(organization=assessment.organization_id, assessment=assessment)


def ratings(assessment: Assessment) -> QuerySet[ThreatRating]:
    return ThreatRating.objects.filter(
        organization=assessment.organization_id, assessment=assessment
    ).select_related("flow")


def vulnerabilities(assessment: Assessment) -> QuerySet[Vulnerability]:
    return Vulnerability.objects.filter(
        organization=assessment.organization_id, assessment=assessment
    ).select_related("category")


def actions(assessment: Assessment) -> QuerySet[Action]:
    return Action.objects.filter(
        organization=assessment.organization_id, assessment=assessment
    ).select_related("requirement", "vulnerability__category")


def approvals(assessment: Assessment) -> QuerySet[Approval]:
    return Approval.objects.filter(
        organization=assessment.organization_id, assessment=assessment
    ).select_related("recorded_by")


@dataclass
class Workspace:
    assessment: Assessment
    flows: list[Flow]
    ratings: list[ThreatRating]
    vulnerabilities: list[Vulnerability]
    actions: list[Action] = field(default_factory=list)
    risks: list[register.Risk] = field(default_factory=list)

    @property
    def size(self) -> int:
        return self.assessment.size

    @property
    def heat(self) -> list[list[int]]:
        return register.heat_counts(self.risks, self.size)

    @property
    def level_totals(self) -> list[int]:
        return register.by_level(self.risks, self.size)

    def progress(self) -> int:
        live = [a for a in self.actions if a.status != Action.Status.CANCELLED]
        if not live:
            return 0
        return round(sum(100 if a.status == "done" else a.progress for a in live) / len(live))


def workspace(
    assessment: Assessment, *, with_actions: bool = True, with_risks: bool = True
) -> Workspace:
    """Everything the steps show: 4 or 5 queries whatever the number of rows."""
    ws = Workspace(
        assessment=assessment,
        flows=list(flows(assessment)),
        ratings=list(ratings(assessment)),
        vulnerabilities=list(vulnerabilities(assessment)),
    )
    if with_actions:
        ws.actions = list(actions(assessment))
    if not with_risks:
        return ws
    ws.risks = register.compute(
        matrix=assessment.get_matrix(),
        framework_code=assessment.framework.code if assessment.framework_id else "",  # type: ignore[union-attr]
        flows=ws.flows,
        ratings=ws.ratings,
        vulnerabilities=ws.vulnerabilities,
    )
    return ws


def default_framework(organization: Any) -> Framework | None:
    """The criteria vulnerabilities are assessed against: C-TPAT highway if pursued, else
    the first framework the organization pursues."""
    from borderpro.profiles.selectors.workspace import frameworks_pursued

    pursued = frameworks_pursued(organization)
    for framework in pursued:
        if framework.code == "CTPAT-HC":
            return framework
    return pursued[0] if pursued else None


def profile_facts(
    organization: Any, framework: Framework
) -> tuple[list[Category], dict[Any, list[RequirementFact]]]:
    """The framework's categories and, per category, what the security profile shows for
    each applicable requirement: its status (an answer reused from a mapped requirement of
    another pursued framework counts) and its evidence files. A fixed number of queries."""
    from borderpro.profiles.selectors.workspace import frameworks_pursued, workspace_build

    categories = list(Category.objects.filter(framework=framework).order_by("position", "code"))
    ws = workspace_build(
        organization,
        framework,
        today=organization.local_today(),
        modes=["highway"],
        pursued=frameworks_pursued(organization),
    )
    facts: dict[Any, list[RequirementFact]] = {c.pk: [] for c in categories}
    for row in ws.rows:
        facts.setdefault(row.requirement.category_id, []).append(
            RequirementFact(
                ref=row.requirement.ref,
                level=row.requirement.level,
                status=row.status,
                evidence=len(row.evidence),
            )
        )
    return categories, facts


@dataclass(frozen=True)
class Prompt:
    kind: str  # incident / lane / partner / yearly
    text: str
    day: date | None = None


def review_prompts(organization: Any, today: date) -> list[Prompt]:
    """Why an early (or the yearly) review may be due: incidents recorded and high-risk
    business partners added after the last approval, lanes of the carrier profile that no
    approved flow covers, the review date."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    from borderpro.operations.models import Incident
    from borderpro.partners.selectors import high_risk_partners_since
    from borderpro.profiles.models import CarrierProfile

    last = latest_approved(organization)
    if last is None:
        return []
    prompts: list[Prompt] = []
    if last.review_due_on and last.review_due_on <= today:
        prompts.append(
            Prompt(
                "yearly",
                _("The yearly review was due on %(day)s.")
                % {"day": date_format(last.review_due_on, "DATE_FORMAT")},
                last.review_due_on,
            )
        )
    for partner in high_risk_partners_since(organization, today, last.approved_at):
        prompts.append(
            Prompt(
                "partner",
                _(
                    "%(partner)s, rated high risk, joined the partner register after the assessment was approved."
                )
                % {"partner": partner.name},
                partner.created_at.date(),
            )
        )
    incidents = Incident.objects.filter(
        organization=organization, discovered_at__gt=last.approved_at
    ).order_by("-discovered_at")[:5]
    for incident in incidents:
        prompts.append(
            Prompt(
                "incident",
                _("Incident %(ref)s (%(kind)s) was recorded after the assessment was approved.")
                % {"ref": incident.reference, "kind": incident.get_kind_display()},
                incident.discovered_at.date(),
            )
        )
    profile = CarrierProfile.objects.filter(organization=organization).only("lanes").first()
    if profile is not None:
        covered = {
            f"{f.origin} → {f.destination}".lower()
            for f in flows(last).only("origin", "destination")
        } | {f.name.lower() for f in flows(last).only("name")}
        for lane in Flow.lines(profile.lanes):
            if lane.lower() not in covered:
                prompts.append(
                    Prompt(
                        "lane",
                        _(
                            "The lane “%(lane)s” is in the carrier profile but not in the approved assessment."
                        )
                        % {"lane": lane},
                    )
                )
    return prompts


@dataclass(frozen=True)
class Change:
    label: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int:
        if self.before is None or self.after is None:
            return 0
        return self.after - self.before


def comparison(current: Workspace, previous: Workspace) -> dict[str, Any]:
    """Year over year: threats (highest rating), vulnerabilities per category, risk totals."""
    from borderpro.risk import threats

    def highest(ws: Workspace) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in ws.ratings:
            scaled = scoring.rescale(r.level, ws.size, current.size)
            out[r.threat] = max(out.get(r.threat, 0), scaled)
        return out

    before, after = highest(previous), highest(current)
    threat_rows = [
        Change(t.name, before.get(t.code), after.get(t.code))
        for t in threats.library()
        if t.code in before or t.code in after
    ]
    vb = {
        v.category.code: scoring.rescale(v.level, previous.size, current.size)
        for v in previous.vulnerabilities
    }
    va = {v.category.code: v.level for v in current.vulnerabilities}
    titles = {
        v.category.code: v.category.title
        for v in previous.vulnerabilities + current.vulnerabilities
    }
    vuln_rows = [Change(titles[c], vb.get(c), va.get(c)) for c in titles]
    return {
        "threats": threat_rows,
        "vulnerabilities": vuln_rows,
        "totals_before": previous.level_totals,
        "totals_after": current.level_totals,
        "actions_before": len(previous.actions),
        "actions_done_before": sum(1 for a in previous.actions if a.status == "done"),
    }


def overdue_actions(organizations: list[Any], today: date) -> QuerySet[Action]:
    return (
        Action.objects.filter(
            organization__in=organizations,
            status__in=[Action.Status.PLANNED, Action.Status.IN_PROGRESS],
            due_on__lt=today,
        )
        .select_related("assessment")
        .order_by("due_on")
    )
