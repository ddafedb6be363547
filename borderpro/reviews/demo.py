"""Demo reviews: Maple Leaf Freightways has last year's annual self-review completed (two
findings, their corrective actions verified) and this year's started, half checked, with
one open finding. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from borderpro.reviews import services
from borderpro.reviews.models import ChecklistItem, Finding, Review

PARTICIPANTS = (
    "Jean-Paul Roy — President (company officer)\n"
    "Alice Martin — Compliance lead\n"
    "Carol Nguyen — Consultant, Northbound Compliance"
)
SCOPE = (
    "Mississauga ON terminal and yard, the Chicago and Detroit lanes, "
    "PIP and C-TPAT highway carrier criteria."
)


def _check_all(org: Any, review: Review, actor: Any, *, share: float = 1.0) -> None:
    items = list(review.items.order_by("position"))
    for n, item in enumerate(items[: int(len(items) * share)]):
        not_met = n % 17 == 5
        services.item_record(
            actor=actor,
            organization=org,
            item=item,
            result=ChecklistItem.Result.NOT_MET if not_met else ChecklistItem.Result.MET,
            notes="Procedure not followed on the sampled day." if not_met else "",
        )


def _last_year(org: Any, users: dict[str, Any], year: int) -> None:
    alice, carol = users.get("alice@mapleleaf.example"), users.get("carol@northbound.example")
    review = services.review_create(
        actor=carol,
        organization=org,
        kind=Review.Kind.SELF_REVIEW,
        title=f"Annual self-review {year}",
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
        scope=SCOPE,
        participants=PARTICIPANTS,
        sample_seed=20250117,
    )
    _check_all(org, review, carol)
    findings = [
        (Finding.Severity.MAJOR, "Seal log missing the VVTT check at the Mississauga yard gate"),
        (Finding.Severity.MINOR, "Two drivers' security awareness refreshers overdue"),
    ]
    evidence = review.items.exclude(evidence=None).values_list("evidence", flat=True).first()
    for severity, title in findings:
        finding = services.finding_create(
            actor=carol, organization=org, review=review, severity=severity, title=title
        )
        action = services.action_create(
            actor=carol,
            organization=org,
            finding=finding,
            title=f"Fix: {title[:60]}",
            owner=alice,
            due_on=date(year + 1, 2, 28),
        )
        if evidence and alice and carol:
            from borderpro.evidence.models import EvidenceFile

            services.action_update(
                actor=alice,
                organization=org,
                action=action,
                status="done",
                completed_on=date(year + 1, 2, 10),
                closure_note="Procedure updated and staff briefed; see the signed attendance sheet.",
                closure_evidence=EvidenceFile.objects.get(pk=evidence),
            )
            services.action_verify(actor=carol, organization=org, action=action)
    services.review_complete(
        actor=carol,
        organization=org,
        review=review,
        summary=(
            "The security program is in place and followed. Two findings: the seal "
            "verification at the yard gate and overdue refreshers; both closed and verified."
        ),
    )
    # last year's readiness, as measured then
    Review.objects.filter(pk=review.pk).update(
        readiness=max(0, (review.readiness or 0) - 14),
        completed_at=timezone.make_aware(datetime.combine(date(year + 1, 1, 20), time(15))),
    )


def _this_year(org: Any, users: dict[str, Any], year: int, today: date) -> None:
    alice, carol = users.get("alice@mapleleaf.example"), users.get("carol@northbound.example")
    review = services.review_create(
        actor=carol,
        organization=org,
        kind=Review.Kind.SELF_REVIEW,
        title=f"Annual self-review {year}",
        period_start=date(year, 1, 1),
        period_end=today,
        scope=SCOPE,
        participants=PARTICIPANTS,
        sample_seed=20260112,
    )
    _check_all(org, review, carol, share=0.5)
    finding = services.finding_create(
        actor=carol,
        organization=org,
        review=review,
        severity=Finding.Severity.MINOR,
        title="Visitor log not signed out on two sampled days",
    )
    if alice:
        services.action_create(
            actor=carol,
            organization=org,
            finding=finding,
            title="Remind reception of the sign-out rule; spot-check the visitor log monthly",
            owner=alice,
            due_on=date(year, 12, 31) if today < date(year, 12, 31) else today,
        )


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    org = orgs.get("mapleleaf")
    if org is None or Review.objects.filter(organization=org).exists():
        return
    today = org.local_today()
    _last_year(org, users, today.year - 1)
    _this_year(org, users, today.year, today)
