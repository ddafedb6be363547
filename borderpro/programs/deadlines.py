"""Programs' deadlines on the deadline interface: what the membership dates oblige (portal
sign-in, revalidation, annual review window and review, appeal, action plan, validation
response) and the expiry of drivers' FAST and CDRP cards, as the rules file derives them.

Two queries for any number of organizations: their memberships, their active drivers' cards.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import get_language

from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider
from borderpro.programs import dates
from borderpro.programs.engine import DUE_SOON_DAYS, membership_deadline
from borderpro.programs.facts import _membership_facts
from borderpro.programs.models import Membership, Program
from borderpro.programs.rules import DeadlineRule, load_rules

ANNIVERSARY = "next_anniversary"


def _card_reminders(card: dict[str, Any]) -> tuple[int, ...]:
    """Reminder stages of a driver card: from ``remind_months`` before expiry (rules.yaml),
    then the usual 90, 60, 30 and 7 days."""
    first = round(int(card.get("remind_months") or 3) * 365.25 / 12)
    return (first, *(d for d in (90, 60, 30, 7) if d < first))


def register() -> None:
    """Declare every deadline kind of the rules file and the provider (from ``ready()``)."""
    from borderpro.programs.templatetags.programs_ui import DEADLINES

    rules = load_rules()
    kinds = [
        DeadlineKind(
            rule.kind,
            DEADLINES.get(rule.kind, rule.kind),
            permission="programs.view",
            due_soon_days=DUE_SOON_DAYS,
            window=rule.kind.endswith("_window"),
            source=rule.source_url,
            confidence=rule.confidence,
        )
        for rule in rules.deadlines
    ]
    kinds += [
        DeadlineKind(
            card["kind"],
            DEADLINES.get(card["kind"], card["kind"]),
            permission="people.view",
            # a renewal must be approved before the card expires: remind from the months the
            # rules give (FAST: six), not from the usual 90 days
            reminder_days=_card_reminders(card),
            due_soon_days=_card_reminders(card)[0],
            source=card["source_url"],
            confidence=card["confidence"],
        )
        for card in rules.driver_cards.values()
    ]
    register_kind(*kinds)
    register_provider("programs", program_deadlines, kinds=[k.key for k in kinds])


def _lang() -> str:
    return "fr" if (get_language() or "en").startswith("fr") else "en"


def program_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    ids = [o.pk for o in organizations]
    rows: dict[Any, list[Membership]] = {}
    for m in Membership.objects.filter(organization_id__in=ids):
        rows.setdefault(m.organization_id, []).append(m)
    lang = _lang()
    labels = {code: str(label) for code, label in Program.choices}
    for org in organizations:
        yield from _membership_deadlines(org, rows.get(org.pk, []), start, end, lang, labels)
    yield from _card_deadlines(organizations, start, end, lang)


def _occurrences(
    rule: DeadlineRule, facts: dict[str, Any], start: date, end: date, today: date
) -> list[date]:
    """Due dates of ``rule`` from ``start`` to ``end``. A yearly rule rolls from today (or
    ``start`` when later), as the programs page judges it; a one-off date is what it is."""
    as_of = max(start, today)
    due = membership_deadline(rule, facts, as_of)
    if due is None or rule.mode != ANNIVERSARY:
        return [due] if due is not None and start <= due <= end else []
    found: list[date] = []
    year = 0
    while due is not None and due <= end and year < 50:
        if due >= start and due not in found:
            found.append(due)
        year += 1
        due = membership_deadline(rule, facts, dates.add_years(as_of, year))
    return found


def _membership_deadlines(
    org: Any,
    memberships: list[Membership],
    start: date,
    end: date,
    lang: str,
    labels: dict[str, str],
) -> Iterator[Deadline]:
    if not memberships:
        return
    facts = _membership_facts(memberships)
    today = org.local_today()
    subjects, urls = {}, {}
    for m in memberships:
        label = labels.get(m.program, m.program)
        subjects[m.program] = f"{label} · {m.number}" if m.number else label
        urls[m.program] = reverse("programs:membership_edit", args=[org.code, m.program])
    for rule in load_rules().deadlines:
        if rule.program not in subjects:
            continue
        subject, url = subjects[rule.program], urls[rule.program]
        for due in _occurrences(rule, facts[rule.program], start, end, today):
            yield Deadline(
                kind=rule.kind,
                organization=org,
                subject=subject,
                due=due,
                owner=None,
                action_url=url,
                source=rule.source_url,
                confidence=rule.confidence,
                ref=rule.program,
                detail=rule.explanation[lang],
            )


def _card_deadlines(
    organizations: Sequence[Any], start: date, end: date, lang: str
) -> Iterator[Deadline]:
    from borderpro.people.selectors import driver_cards

    rules = load_rules().driver_cards
    by_id = {o.pk: o for o in organizations}
    newest: dict[tuple[Any, str], Any] = {}
    for card in driver_cards(list(by_id)):
        key = (card.employee_id, card.kind)
        if key not in newest or card.expires_on > newest[key].expires_on:
            newest[key] = card
    for card in newest.values():
        rule = rules.get(card.kind)
        if rule is None or card.expires_on is None or not start <= card.expires_on <= end:
            continue
        org = by_id[card.organization_id]
        name = card.employee.full_name
        yield Deadline(
            kind=rule["kind"],
            organization=org,
            subject=name,
            due=card.expires_on,
            owner=None,
            action_url=reverse("people:employee", args=[org.code, card.employee_id]),
            source=rule["source_url"],
            confidence=rule["confidence"],
            ref=f"{card.employee_id}:{card.kind}",
            detail=rule["explanation"][lang].format(name=name),
        )
