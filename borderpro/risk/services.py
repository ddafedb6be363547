"""Writes for the risk assessment: every change is atomic, validated and recorded."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderpro.common.chain import chain_append
from borderpro.organizations.activity import activity_record
from borderpro.risk import scoring, selectors, threats
from borderpro.risk.content import content_hash
from borderpro.risk.models import Action, Approval, Assessment, Flow, ThreatRating, Vulnerability
from borderpro.risk.proposal import propose

ASSESSMENT_FIELDS = (
    "period_start",
    "period_end",
    "assessed_on",
    "scope",
    "participants",
    "method",
    "review_due_on",
    "trigger",
)
FLOW_FIELDS = (
    "name",
    "origin",
    "destination",
    "mode",
    "crossings",
    "stops",
    "partners",
    "cargo",
    "data_flow",
)
TRACKING_FIELDS = ("status", "progress", "completed_on")
ACTION_FIELDS = (
    "title",
    "detail",
    "owner",
    "due_on",
    "status",
    "progress",
    "completed_on",
    "requirement",
    "vulnerability",
    "threat",
)


def default_method() -> str:
    return _(
        "The assessment follows the five-step method of C-TPAT, which also meets the PIP "
        "requirement for a written risk assessment reviewed at least once a year: "
        "1. map the cargo and data flows and the business partners of each lane; "
        "2. rate the threats of each lane (terrorism, contraband, human smuggling, organized "
        "crime, cargo theft, agricultural, cyber, insider, public safety) high, medium or low, "
        "with sources; 3. rate the vulnerability of each security criteria category from the "
        "security profile; 4. combine threat and vulnerability through the risk matrix and "
        "write an action plan with owners and due dates; 5. record who took part, approve the "
        "assessment and review it every year, or sooner after an incident, a new lane or a "
        "new high-risk partner."
    )


def _editable(assessment: Assessment) -> None:
    if assessment.is_locked:
        raise ValidationError(
            _("This assessment is %(status)s and can no longer change: start a new review.")
            % {"status": assessment.get_status_display().lower()}
        )


def _prefill(organization: Any) -> dict[str, Any]:
    """Scope, participants and flows from the carrier profile, so nothing is typed twice."""
    from borderpro.profiles.models import CarrierProfile, LineOfBusiness, Site

    profile = CarrierProfile.objects.filter(organization=organization).first()
    if profile is None:
        return {"flows": []}
    sites = list(Site.objects.filter(organization=organization).order_by("name"))
    lob = dict(LineOfBusiness.choices)
    business = ", ".join(str(lob.get(x, x)) for x in profile.lines_of_business)
    scope_lines = [
        _("Lines of business: %(lob)s.") % {"lob": business} if business else "",
        _("Sites: %(sites)s.") % {"sites": "; ".join(f"{s.name} ({s.address})" for s in sites)}
        if sites
        else "",
        _("Lanes: %(n)s, border crossings: %(c)s.")
        % {
            "n": len(Flow.lines(profile.lanes)),
            "c": ", ".join(Flow.lines(profile.border_crossings)),
        },
    ]
    participants = [
        f"{name} — {title}"
        for name, title in (
            (profile.officer_name, profile.officer_title),
            (profile.contact_name, profile.contact_title),
        )
        if name
    ]
    flows = []
    stops = "\n".join(s.name for s in sites if s.kind in ("terminal", "yard", "warehouse"))
    for lane in Flow.lines(profile.lanes):
        places = [p.strip() for p in re.split(r"→|->", lane) if p.strip()] or [lane]
        flows.append(
            {
                "name": lane[:200],
                "origin": places[0][:200],
                "destination": places[-1][:200],
                "crossings": profile.border_crossings,
                "stops": "\n".join([stops, *places[1:-1]]).strip(),
                "cargo": business[:300],
            }
        )
    return {
        "scope": "\n".join(x for x in scope_lines if x),
        "participants": "\n".join(participants),
        "flows": flows,
    }


@transaction.atomic
def assessment_create(
    *,
    actor: Any,
    organization: Any,
    year: int,
    period_start: date | None = None,
    period_end: date | None = None,
    assessed_on: date | None = None,
    size: int = 3,
    prefill: bool = True,
) -> Assessment:
    if size not in scoring.SIZES:
        raise ValidationError({"size": _("Choose a 3×3 or a 5×5 matrix.")})  # noqa: RUF001
    start = period_start or date(year, 1, 1)
    with translation.override(organization.language):  # stored text: the company's language
        found = _prefill(organization) if prefill else {"flows": []}
        method = default_method()
    assessment = Assessment(
        organization=organization,
        year=year,
        period_start=start,
        period_end=period_end or date(year, 12, 31),
        assessed_on=assessed_on or organization.local_today(),
        scope=found.get("scope", ""),
        participants=found.get("participants", ""),
        method=method,
        framework=selectors.default_framework(organization),
        matrix=scoring.default_matrix(size).rows(),
    )
    assessment.full_clean()
    assessment.save()
    for position, values in enumerate(found["flows"]):
        flow = Flow(organization=organization, assessment=assessment, position=position, **values)
        flow.full_clean()
        flow.save()
    vulnerabilities_refresh(organization=organization, assessment=assessment)
    activity_record(
        organization=organization, actor=actor, verb="risk.started", target=assessment, year=year
    )
    return assessment


@transaction.atomic
def assessment_update(
    *, actor: Any, organization: Any, assessment: Assessment, **changes: Any
) -> Assessment:
    _editable(assessment)
    for key, value in changes.items():
        if key not in ASSESSMENT_FIELDS:
            raise TypeError(f"unknown assessment field {key}")
        setattr(assessment, key, value.strip() if isinstance(value, str) else value)
    assessment.full_clean()
    assessment.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.updated",
        target=assessment,
        year=assessment.year,
    )
    return assessment


@transaction.atomic
def matrix_set(*, actor: Any, organization: Any, assessment: Assessment, rows: Any) -> Assessment:
    """A new matrix; ratings already given move to the same place on the new scale."""
    _editable(assessment)
    try:
        matrix = scoring.Matrix.from_rows(rows)
    except scoring.MatrixError as exc:
        raise ValidationError({"matrix": exc.message}) from None
    old = assessment.size
    assessment.matrix = matrix.rows()
    assessment.full_clean()
    assessment.save()
    if matrix.size != old:
        for rating in selectors.ratings(assessment):
            rating.level = scoring.rescale(rating.level, old, matrix.size)
            rating.save(update_fields=["level", "updated_at"])
        for vuln in selectors.vulnerabilities(assessment):
            vuln.level = scoring.rescale(vuln.level, old, matrix.size)
            vuln.proposed_level = scoring.rescale(vuln.proposed_level, old, matrix.size)
            vuln.save(update_fields=["level", "proposed_level", "updated_at"])
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.updated",
        target=assessment,
        year=assessment.year,
    )
    return assessment


@transaction.atomic
def flow_create(*, actor: Any, organization: Any, assessment: Assessment, **values: Any) -> Flow:
    _editable(assessment)
    flow = Flow(
        organization=organization,
        assessment=assessment,
        position=selectors.flows(assessment).count(),
        **{
            k: v.strip() if isinstance(v, str) else v for k, v in values.items() if k in FLOW_FIELDS
        },
    )
    flow.full_clean()
    flow.save()
    activity_record(
        organization=organization, actor=actor, verb="risk.flow_added", target=flow, name=flow.name
    )
    return flow


@transaction.atomic
def flow_update(*, actor: Any, organization: Any, flow: Flow, **changes: Any) -> Flow:
    _editable(flow.assessment)
    for key, value in changes.items():
        if key not in FLOW_FIELDS:
            raise TypeError(f"unknown flow field {key}")
        setattr(flow, key, value.strip() if isinstance(value, str) else value)
    flow.full_clean()
    flow.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.flow_updated",
        target=flow,
        name=flow.name,
    )
    return flow


@transaction.atomic
def flow_remove(*, actor: Any, organization: Any, flow: Flow) -> None:
    _editable(flow.assessment)
    name = flow.name
    flow.delete()
    activity_record(organization=organization, actor=actor, verb="risk.flow_removed", name=name)


@transaction.atomic
def threat_rate(
    *,
    actor: Any,
    organization: Any,
    assessment: Assessment,
    threat: str,
    level: int,
    justification: str,
    flow: Flow | None = None,
) -> ThreatRating:
    _editable(assessment)
    if flow is not None and flow.assessment_id != assessment.pk:
        raise ValidationError({"flow": _("This flow belongs to another assessment.")})
    rating = ThreatRating.objects.filter(
        organization=organization, assessment=assessment, flow=flow, threat=threat
    ).first() or ThreatRating(
        organization=organization, assessment=assessment, flow=flow, threat=threat
    )
    rating.level = level
    rating.justification = (justification or "").strip()
    rating.full_clean()
    rating.save()
    found = threats.get(threat)
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.threat_rated",
        target=rating,
        threat=found.names["en"] if found else threat,
        level=scoring.level_label(assessment.size, level),
    )
    return rating


@transaction.atomic
def threat_unrate(*, actor: Any, organization: Any, rating: ThreatRating) -> None:
    _editable(rating.assessment)
    rating.delete()


def vulnerabilities_refresh(*, organization: Any, assessment: Assessment) -> list[Vulnerability]:
    """Propose a level per category of the assessment's criteria from the security profile.
    A rating nobody overrode follows the proposal; an override stays as it is."""
    if assessment.framework_id is None or assessment.is_locked:
        return list(selectors.vulnerabilities(assessment))
    categories, facts = selectors.profile_facts(organization, assessment.framework)  # type: ignore[arg-type]
    existing = {v.category_id: v for v in selectors.vulnerabilities(assessment)}
    out = []
    for category in categories:
        proposal = propose(facts.get(category.pk, []), assessment.size)
        vuln = existing.get(category.pk)
        if vuln is None:
            vuln = Vulnerability(
                organization=organization,
                assessment=assessment,
                category=category,
                level=proposal.level,
                proposed_level=proposal.level,
                reasons=proposal.reasons,
            )
            vuln.full_clean()
            vuln.save()
        elif vuln.proposed_level != proposal.level or vuln.reasons != proposal.reasons:
            follows = not vuln.overridden
            vuln.proposed_level, vuln.reasons = proposal.level, proposal.reasons
            if follows:
                vuln.level = proposal.level
            elif vuln.level == proposal.level:
                vuln.justification = ""
            vuln.save()
        out.append(vuln)
    return out


@transaction.atomic
def vulnerability_rate(
    *,
    actor: Any,
    organization: Any,
    vulnerability: Vulnerability,
    level: int,
    justification: str = "",
) -> Vulnerability:
    _editable(vulnerability.assessment)
    vulnerability.level = level
    vulnerability.justification = (
        (justification or "").strip() if level != vulnerability.proposed_level else ""
    )
    vulnerability.full_clean()
    vulnerability.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.vulnerability_rated",
        target=vulnerability,
        category=vulnerability.category.code,
        level=scoring.level_label(vulnerability.assessment.size, level),
    )
    return vulnerability


def _action_dates(action: Action) -> None:
    if action.status == Action.Status.DONE:
        action.progress = 100
        action.completed_on = action.completed_on or action.assessment.organization.local_today()
    else:
        action.completed_on = None
    today = action.assessment.organization.local_today()
    if action.completed_on and action.completed_on > today:
        raise ValidationError({"completed_on": _("The completion date cannot be in the future.")})
    if (
        action.carried_from_id is None
        and action.due_on
        and action.due_on < action.assessment.period_start
    ):
        raise ValidationError(
            {
                "due_on": _("The due date is before the assessment period starts (%(day)s).")
                % {"day": action.assessment.period_start}
            }
        )


@transaction.atomic
def action_create(
    *, actor: Any, organization: Any, assessment: Assessment, **values: Any
) -> Action:
    _editable(assessment)
    action = Action(
        organization=organization,
        assessment=assessment,
        **{
            k: v.strip() if isinstance(v, str) else v
            for k, v in values.items()
            if k in ACTION_FIELDS
        },
    )
    _action_dates(action)
    action.full_clean()
    action.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.action_added",
        target=action,
        title=action.title,
    )
    return action


@transaction.atomic
def action_update(*, actor: Any, organization: Any, action: Action, **changes: Any) -> Action:
    """Actions keep moving after approval: progress is tracked on the approved plan, but
    what was approved (the action, its owner, due date and links) no longer changes."""
    for key, value in changes.items():
        if key not in ACTION_FIELDS:
            raise TypeError(f"unknown action field {key}")
        if (
            action.assessment.is_locked
            and key not in TRACKING_FIELDS
            and getattr(action, key) != value
        ):
            raise ValidationError(
                {
                    key: _(
                        "The assessment is signed: only the status and progress of an action can change."
                    )
                }
            )
        setattr(action, key, value.strip() if isinstance(value, str) else value)
    _action_dates(action)
    action.full_clean()
    action.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.action_updated",
        target=action,
        title=action.title,
        status=action.get_status_display(),
    )
    return action


def _reauthenticate(actor: Any, signer_name: str, password: str) -> str:
    name = (signer_name or "").strip()
    if not name:
        raise ValidationError({"signer_name": _("Type your name to sign.")})
    expected = (getattr(actor, "full_name", "") or "").strip()
    if expected and name.casefold() != expected.casefold():
        raise ValidationError(
            {
                "signer_name": _("Type your name as it is on your account: %(name)s.")
                % {"name": expected}
            }
        )
    if not password or not actor.check_password(password):
        raise ValidationError({"password": _("The password is not correct.")})
    return name


def approval_problems(ws: selectors.Workspace) -> list[str]:
    """What is missing before the assessment can be signed."""
    problems = []
    if not ws.flows:
        problems.append(_("Step 1: map at least one flow."))
    rated = {r.threat for r in ws.ratings}
    missing = [t.name for t in threats.library() if t.code not in rated]
    if missing:
        problems.append(
            _("Step 2: rate every threat (missing: %(list)s).") % {"list": ", ".join(missing)}
        )
    if not ws.vulnerabilities:
        problems.append(_("Step 3: rate the vulnerabilities."))
    top = ws.size - 1
    covered = {a.vulnerability_id for a in ws.actions if a.status != "cancelled"}
    bare = sorted(
        {r.category.code for r in ws.risks if r.level == top and r.vulnerability.pk not in covered}
    )
    if bare:
        problems.append(
            _("Step 5: plan an action for each category with a high risk (missing: %(list)s).")
            % {"list": ", ".join(bare)}
        )
    return problems


@transaction.atomic
def assessment_sign(
    *,
    actor: Any,
    organization: Any,
    assessment: Assessment,
    step: str,
    signer_name: str,
    password: str,
    signer_title: str = "",
) -> Approval:
    """Submit for review, or approve: typed name + password, hash of the content, chained."""
    name = _reauthenticate(actor, signer_name, password)
    return _sign(
        actor=actor,
        organization=organization,
        assessment=assessment,
        step=step,
        signer_name=name,
        signer_title=signer_title,
    )


def _sign(
    *,
    actor: Any,
    organization: Any,
    assessment: Assessment,
    step: str,
    signer_name: str,
    signer_title: str = "",
    when: Any = None,
) -> Approval:
    """The signature itself, once the signer is re-authenticated (the demo seeder signs
    its sample assessment with a past date)."""
    name = signer_name
    if assessment.status == Assessment.Status.APPROVED:
        raise ValidationError(_("This assessment is already approved."))
    if step == Approval.Step.SUBMITTED and assessment.status != Assessment.Status.DRAFT:
        raise ValidationError(_("This assessment is already in review."))
    ws = selectors.workspace(assessment)
    problems = approval_problems(ws)
    if problems:
        raise ValidationError(problems)
    now = when or timezone.now()
    if step == Approval.Step.SUBMITTED:
        assessment.status, assessment.submitted_at = Assessment.Status.IN_REVIEW, now
    else:
        assessment.status, assessment.approved_at = Assessment.Status.APPROVED, now
        if assessment.review_due_on is None:
            assessment.review_due_on = assessment.assessed_on + timedelta(days=365)
    assessment.full_clean()
    assessment.save()
    approval = chain_append(
        Approval(
            organization=organization,
            recorded_by=actor,
            assessment=assessment,
            step=step,
            signer_name=name,
            signer_title=(signer_title or "").strip()[:120],
            content_sha256=content_hash(ws),
            recorded_at=now,
        )
    )
    if step == Approval.Step.APPROVED:
        from borderpro.risk.tasks import prepare_approved_report

        transaction.on_commit(lambda: prepare_approved_report.enqueue(str(assessment.pk)))
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.approved" if step == Approval.Step.APPROVED else "risk.submitted",
        target=assessment,
        year=assessment.year,
    )
    return approval


@transaction.atomic
def assessment_reopen(*, actor: Any, organization: Any, assessment: Assessment) -> Assessment:
    """An assessment in review goes back to draft (an approved one never does)."""
    if assessment.status != Assessment.Status.IN_REVIEW:
        raise ValidationError(_("Only an assessment in review can go back to draft."))
    assessment.status, assessment.submitted_at = Assessment.Status.DRAFT, None
    assessment.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.reopened",
        target=assessment,
        year=assessment.year,
    )
    return assessment


@transaction.atomic
def assessment_start_next(
    *,
    actor: Any,
    organization: Any,
    previous: Assessment,
    year: int | None = None,
    trigger: str = "",
) -> Assessment:
    """Next year's (or an early) review from this one: flows, ratings, overrides and open
    actions are carried over; vulnerabilities are proposed again from today's profile."""
    year = year or previous.year + 1
    kind = Assessment.Kind.TRIGGERED if trigger.strip() else Assessment.Kind.YEARLY
    today = organization.local_today()
    start = today if kind == Assessment.Kind.TRIGGERED else date(year, 1, 1)
    assessment = Assessment(
        organization=organization,
        year=year,
        kind=kind,
        trigger=trigger.strip(),
        period_start=start,
        period_end=date(start.year, 12, 31)
        if kind == Assessment.Kind.TRIGGERED
        else date(year, 12, 31),
        assessed_on=today,
        scope=previous.scope,
        participants=previous.participants,
        method=previous.method,
        framework=previous.framework or selectors.default_framework(organization),
        matrix=previous.matrix,
        based_on=previous,
    )
    assessment.full_clean()
    assessment.save()
    flow_map: dict[Any, Flow] = {}
    for old in selectors.flows(previous):
        flow = Flow(
            organization=organization,
            assessment=assessment,
            position=old.position,
            **{k: getattr(old, k) for k in FLOW_FIELDS},
        )
        flow.save()
        flow_map[old.pk] = flow
    for rating in selectors.ratings(previous):
        ThreatRating.objects.create(
            organization=organization,
            assessment=assessment,
            flow=flow_map.get(rating.flow_id) if rating.flow_id else None,
            threat=rating.threat,
            level=rating.level,
            justification=rating.justification,
        )
    vulns = {
        v.category_id: v
        for v in vulnerabilities_refresh(organization=organization, assessment=assessment)
    }
    for old_v in selectors.vulnerabilities(previous):
        new = vulns.get(old_v.category_id)
        if new is not None and old_v.overridden and old_v.level != new.proposed_level:
            new.level, new.justification = old_v.level, old_v.justification
            new.save()
    for old_a in selectors.actions(previous).filter(status__in=["planned", "in_progress"]):
        Action.objects.create(
            organization=organization,
            assessment=assessment,
            title=old_a.title,
            detail=old_a.detail,
            owner=old_a.owner,
            due_on=old_a.due_on,
            status=old_a.status,
            progress=old_a.progress,
            requirement=old_a.requirement,
            vulnerability=vulns.get(old_a.vulnerability.category_id)  # type: ignore[union-attr]
            if old_a.vulnerability_id
            else None,
            threat=old_a.threat,
            carried_from=old_a,
        )
    activity_record(
        organization=organization,
        actor=actor,
        verb="risk.next_started",
        target=assessment,
        year=year,
    )
    return assessment
