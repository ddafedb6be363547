"""The partners' deadlines on the deadline interface: re-screenings due by each partner's
risk cadence, and certification status checks (a recognised program's status is checked
again every month), and questionnaires not yet answered. Three queries for any number of
organizations."""

from __future__ import annotations

import zoneinfo
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.partners import rules
from borderpro.partners.models import Certification, Partner, Questionnaire

RESCREENING = "partners.rescreening"
STATUS_CHECK = "partners.status_check"
QUESTIONNAIRE = "partners.questionnaire"


def register() -> None:
    register_kind(
        DeadlineKind(
            RESCREENING,
            gettext_lazy("Partner re-screening"),
            permission="partners.view",
            reminder_days=(30, 7),
            due_soon_days=30,
        ),
        DeadlineKind(
            STATUS_CHECK,
            gettext_lazy("Partner certification status check"),
            permission="partners.view",
            reminder_days=(7, 0),
            due_soon_days=7,
            source=rules.STATUS_CHECK_SOURCE,
            confidence="third-party",
        ),
        DeadlineKind(
            QUESTIONNAIRE,
            gettext_lazy("Partner questionnaire answers due"),
            permission="partners.view",
            reminder_days=(7, 0),
            due_soon_days=7,
        ),
    )
    register_provider(
        "partners", partner_deadlines, kinds=[RESCREENING, STATUS_CHECK, QUESTIONNAIRE]
    )


def partner_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    orgs = list(organizations)
    by_id = {o.pk: o for o in orgs}
    partners = Partner.objects.filter(
        organization__in=orgs,
        active=True,
        next_screening_due__gte=start,
        next_screening_due__lte=end,
    ).order_by("next_screening_due", "name")
    for partner in partners:
        org = by_id[partner.organization_id]
        assert partner.next_screening_due is not None
        yield Deadline(
            kind=RESCREENING,
            organization=org,
            subject=partner.name,
            due=partner.next_screening_due,
            owner=None,
            action_url=reverse("partners:partner", args=[org.code, partner.pk]),
            ref=str(partner.pk),
            detail=_(
                "Screen %(name)s again (questionnaire, visit or status check) and record the "
                "outcome; the interval follows its risk level."
            )
            % {"name": partner.name},
        )
    yield from _status_checks(orgs, by_id, start, end)
    yield from _questionnaires(orgs, by_id, start, end)


def _questionnaires(
    orgs: list[Any], by_id: dict[Any, Any], start: date, end: date
) -> Iterator[Deadline]:
    """Questionnaires sent and not answered: due when their link expires (overdue after)."""
    pending = (
        Questionnaire.objects.filter(
            organization__in=orgs,
            submitted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__date__gte=start - timedelta(days=1),
            expires_at__date__lte=end + timedelta(days=1),
        )
        .select_related("partner")
        .order_by("expires_at")
    )
    for q in pending:
        org = by_id[q.organization_id]
        due = q.expires_at.astimezone(zoneinfo.ZoneInfo(org.time_zone)).date()
        if not start <= due <= end:
            continue
        yield Deadline(
            kind=QUESTIONNAIRE,
            organization=org,
            subject=f"{q.partner.name} · {q.set_name}",
            due=due,
            owner=q.sent_by,
            action_url=reverse("partners:questionnaire", args=[org.code, q.pk]),
            ref=str(q.pk),
            detail=_(
                "%(name)s has not submitted the questionnaire: remind the contact, or revoke "
                "the link and send a new one."
            )
            % {"name": q.partner.name},
        )


def _status_checks(
    orgs: list[Any], by_id: dict[Any, Any], start: date, end: date
) -> Iterator[Deadline]:
    days = timedelta(days=rules.STATUS_CHECK_DAYS)
    certs = (
        Certification.objects.filter(
            organization__in=orgs,
            partner__active=True,
            program__in=rules.RECOGNISED,
            verified_on__gte=start - days,
            verified_on__lte=end - days,
        )
        .select_related("partner")
        .order_by("verified_on")
    )
    for cert in certs:
        org = by_id[cert.organization_id]
        program = cert.get_program_display()
        yield Deadline(
            kind=STATUS_CHECK,
            organization=org,
            subject=f"{cert.partner.name} · {program}",
            due=cert.verified_on + days,
            owner=None,
            action_url=reverse("partners:partner", args=[org.code, cert.partner_id]),
            source=rules.STATUS_CHECK_SOURCE,
            confidence="third-party",
            ref=str(cert.pk),
            detail=_(
                "Check that %(name)s is still certified under %(program)s and record the date."
            )
            % {"name": cert.partner.name, "program": program},
        )


__all__ = ["partner_deadlines", "register"]
