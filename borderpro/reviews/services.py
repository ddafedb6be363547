"""Writes of reviews: start a review (its checklist generated), record results, findings
and corrective actions (verified by someone other than the owner), complete it, sign the
annual update."""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderpro.common.chain import chain_append
from borderpro.common.dates import format_day
from borderpro.organizations.activity import activity_record
from borderpro.reviews import checklist
from borderpro.reviews.models import (
    AnnualUpdateSignoff,
    ChecklistItem,
    CorrectiveAction,
    Finding,
    Review,
)


def _status_label(value: str) -> str:
    from borderpro.profiles.models import Status

    return str(Status(value).label) if value in Status.values else value


def _default_framework(organization: Any) -> Any:
    from borderpro.profiles.selectors.workspace import frameworks_pursued

    pursued = frameworks_pursued(organization)
    return pursued[0] if pursued else None


@transaction.atomic
def review_create(
    *,
    actor: Any,
    organization: Any,
    kind: str,
    title: str,
    period_start: date,
    period_end: date,
    scope: str = "",
    participants: str = "",
    partner_name: str = "",
    agency: str = "",
    agency_report_on: date | None = None,
    framework: Any = None,
    sample_size: int = 5,
    sample_seed: int | None = None,
) -> Review:
    """Start a review and generate its checklist."""
    review = Review(
        organization=organization,
        kind=kind,
        title=title,
        period_start=period_start,
        period_end=period_end,
        scope=scope,
        participants=participants,
        partner_name=partner_name,
        agency=agency,
        agency_report_on=agency_report_on,
        framework=framework or _default_framework(organization),
        sample_size=sample_size,
        sample_seed=sample_seed if sample_seed is not None else secrets.randbelow(10**9),
    )
    review.full_clean()
    review.save()
    checklist_generate(review=review)
    activity_record(
        organization=organization, actor=actor, verb="reviews.started", target=review, title=title
    )
    return review


def _requirement_items(review: Review, position: int) -> tuple[list[ChecklistItem], int | None]:
    rows, score = checklist.requirement_rows(review.organization, review.framework)
    items = []
    for row in rows:
        req = row.requirement
        gaps = ", ".join(row.gap_labels)
        context = _("Security profile: %(status)s; %(n)s evidence file(s)") % {
            "status": _status_label(row.status),
            "n": len(row.evidence),
        }
        if gaps:
            context += f" — {gaps}"
        position += 1
        items.append(
            ChecklistItem(
                organization=review.organization,
                review=review,
                category=ChecklistItem.Category.REQUIREMENT,
                group=f"{req.category.code} {req.category.title}"[:200],
                position=position,
                requirement=req,
                title=f"{req.ref} {req.title}"[:400],
                context=context[:400],
                evidence=row.evidence[0] if row.evidence else None,
            )
        )
    return items, score


def _record_items(review: Review, position: int) -> tuple[list[ChecklistItem], str]:
    drawn = checklist.sample_sources(
        review.organization,
        review.period_start,
        review.period_end,
        seed=review.sample_seed,
        size=review.sample_size,
    )
    items = []
    for d in drawn:
        for record in d.records:
            position += 1
            items.append(
                ChecklistItem(
                    organization=review.organization,
                    review=review,
                    category=ChecklistItem.Category.RECORD,
                    group=d.label[:200],
                    position=position,
                    source=d.source,
                    ref=record.ref[:80],
                    day=record.day,
                    title=record.summary[:400],
                    url=record.url[:300],
                )
            )
    return items, checklist.method_text(review.sample_seed, review.sample_size, drawn)


def _freshness_items(review: Review, position: int) -> list[ChecklistItem]:
    items = []
    for f in checklist.stale_evidence(review.organization, review.period_end):
        position += 1
        why = (
            _("expired on %(day)s") % {"day": format_day(f.expires_on)}
            if f.expires_on and f.expires_on < review.period_end
            else _("dated %(day)s, more than 12 months before the end of the period")
            % {"day": format_day(f.document_date or f.created_at.date())}
        )
        items.append(
            ChecklistItem(
                organization=review.organization,
                review=review,
                category=ChecklistItem.Category.FRESHNESS,
                group=str(ChecklistItem.Category.FRESHNESS.label),
                position=position,
                title=_("Renew or confirm “%(title)s”") % {"title": f.title},
                context=why[:400],
                evidence=f,
            )
        )
    return items


@transaction.atomic
def checklist_generate(*, review: Review) -> int:
    """(Re)generate the checklist. Refused once a result is recorded: the sample must stay
    the one that was checked."""
    if review.items.exclude(result=ChecklistItem.Result.NOT_CHECKED).exists():
        raise ValidationError(
            _("Results are already recorded: the checklist is kept as it was checked.")
        )
    review.items.all().delete()
    with translation.override(review.organization.language):  # stored text: the company's
        req_items, score = _requirement_items(review, 0)
        rec_items, method = _record_items(review, len(req_items))
        fresh = _freshness_items(review, len(req_items) + len(rec_items))
    ChecklistItem.objects.bulk_create([*req_items, *rec_items, *fresh])
    review.readiness = score
    review.sample_method = method
    review.save(update_fields=["readiness", "sample_method", "updated_at"])
    return len(req_items) + len(rec_items) + len(fresh)


def _ensure_open(review: Review) -> None:
    if review.status == Review.Status.COMPLETED:
        raise ValidationError(_("This review is completed; it can no longer be changed."))


@transaction.atomic
def review_update(*, actor: Any, organization: Any, review: Review, **fields: Any) -> Review:
    _ensure_open(review)
    for name, value in fields.items():
        setattr(review, name, value)
    review.full_clean()
    review.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.updated",
        target=review,
        title=review.title,
    )
    return review


@transaction.atomic
def review_complete(*, actor: Any, organization: Any, review: Review, summary: str) -> Review:
    _ensure_open(review)
    unchecked = review.items.filter(result=ChecklistItem.Result.NOT_CHECKED).count()
    if unchecked:
        raise ValidationError(
            _("%(n)s checklist item(s) are not checked yet: record a result for each.")
            % {"n": unchecked}
        )
    if not summary.strip():
        raise ValidationError({"summary": _("Write the summary of the review.")})
    review.summary = summary
    review.status = Review.Status.COMPLETED
    review.completed_at = timezone.now()
    review.full_clean()
    review.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.completed",
        target=review,
        title=review.title,
    )
    return review


@transaction.atomic
def item_record(
    *,
    actor: Any,
    organization: Any,
    item: ChecklistItem,
    result: str,
    notes: str = "",
    evidence: Any = None,
) -> ChecklistItem:
    _ensure_open(item.review)
    if result == ChecklistItem.Result.NOT_MET and not notes.strip():
        raise ValidationError({"notes": _("Say what was not met.")})
    item.result, item.notes = result, notes
    if evidence is not None:
        item.evidence = evidence
    item.full_clean()
    item.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.item_checked",
        target=item,
        item=item.title[:80],
        result=str(item.get_result_display()),
    )
    return item


@transaction.atomic
def finding_create(
    *,
    actor: Any,
    organization: Any,
    review: Review,
    severity: str,
    title: str,
    detail: str = "",
    origin: str = Finding.Origin.REVIEW,
    requirement: Any = None,
    item: ChecklistItem | None = None,
    evidence: Any = None,
) -> Finding:
    if review.status == Review.Status.COMPLETED and origin != Finding.Origin.AGENCY:
        raise ValidationError(_("This review is completed; it can no longer be changed."))
    last = Finding.objects.filter(review=review).aggregate(n=Max("number"))["n"] or 0
    finding = Finding(
        organization=organization,
        review=review,
        number=last + 1,
        severity=severity,
        origin=origin,
        title=title,
        detail=detail,
        requirement=requirement or (item.requirement if item else None),
        item=item,
        evidence=evidence,
    )
    finding.full_clean()
    finding.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.finding_added",
        target=finding,
        code=finding.code,
        severity=str(finding.get_severity_display()),
    )
    return finding


@transaction.atomic
def action_create(
    *,
    actor: Any,
    organization: Any,
    finding: Finding,
    title: str,
    owner: Any,
    due_on: date,
    agency_deadline: bool = False,
) -> CorrectiveAction:
    action = CorrectiveAction(
        organization=organization,
        finding=finding,
        title=title,
        owner=owner,
        due_on=due_on,
        agency_deadline=agency_deadline,
    )
    action.full_clean()
    action.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.action_added",
        target=action,
        title=title,
    )
    return action


@transaction.atomic
def action_update(
    *,
    actor: Any,
    organization: Any,
    action: CorrectiveAction,
    status: str,
    completed_on: date | None = None,
    closure_note: str = "",
    closure_evidence: Any = None,
) -> CorrectiveAction:
    """Move an action along: open → in progress → done (with how it was closed)."""
    if action.status in (CorrectiveAction.Status.VERIFIED, CorrectiveAction.Status.CANCELLED):
        raise ValidationError(_("This action is closed; it can no longer be changed."))
    if status == CorrectiveAction.Status.VERIFIED:
        raise ValidationError({"status": _("Use “Verify” to verify an action.")})
    if status == CorrectiveAction.Status.DONE:
        errors: dict[str, Any] = {}
        if completed_on is None:
            errors["completed_on"] = _("Give the day the action was completed.")
        if not closure_note.strip():
            errors["closure_note"] = _("Say how the action was closed.")
        if closure_evidence is None:
            errors["closure_evidence"] = _("Attach the evidence of closure from the vault.")
        if errors:
            raise ValidationError(errors)
    action.status = status
    action.completed_on = completed_on if status == CorrectiveAction.Status.DONE else None
    action.closure_note = closure_note
    if closure_evidence is not None:
        action.closure_evidence = closure_evidence
    action.full_clean()
    action.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.action_updated",
        target=action,
        title=action.title,
        status=str(action.get_status_display()),
    )
    return action


@transaction.atomic
def action_verify(*, actor: Any, organization: Any, action: CorrectiveAction) -> CorrectiveAction:
    """Verification by someone other than the owner (also a database constraint)."""
    if action.status != CorrectiveAction.Status.DONE:
        raise ValidationError(_("Only a done action, with its evidence of closure, is verified."))
    if actor is None or actor.pk == action.owner_id:
        raise ValidationError(
            _("The owner of an action cannot verify it: someone else must check the closure.")
        )
    action.status = CorrectiveAction.Status.VERIFIED
    action.verified_by = actor
    action.verified_at = timezone.now()
    action.full_clean()
    action.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="reviews.action_verified",
        target=action,
        title=action.title,
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


def content_hash(content: dict[str, Any]) -> str:
    payload = json.dumps(content, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def annual_update_sign(
    *,
    actor: Any,
    organization: Any,
    program: str,
    content: dict[str, Any],
    signer_name: str,
    password: str,
    signer_title: str = "",
    when: Any = None,
    reauthenticate: bool = True,
) -> AnnualUpdateSignoff:
    """The officer signs the annual update as laid out (``content``): chained record."""
    name = _reauthenticate(actor, signer_name, password) if reauthenticate else signer_name
    if program not in AnnualUpdateSignoff.Program.values:
        raise ValidationError({"program": _("Choose PIP or C-TPAT.")})
    now = when or timezone.now()
    with transaction.atomic():
        record = chain_append(
            AnnualUpdateSignoff(
                organization=organization,
                recorded_by=actor,
                recorded_at=now,
                year=now.year,
                program=program,
                since=date.fromisoformat(content["since"]),
                signer_name=name,
                signer_title=signer_title,
                content=content,
                content_sha256=content_hash(content),
            )
        )
        activity_record(
            organization=organization,
            actor=actor,
            verb="reviews.annual_update_signed",
            target=None,
            year=now.year,
        )
    return record
