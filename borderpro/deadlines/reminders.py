"""Staged reminders of every module's deadlines: plan, claim, send, mark sent.

``send_due_reminders(today=...)`` is what the cron command runs, once a day or more:

1. **Plan.** For each client organization, every deadline whose current stage (the
   smallest stage of days-before the deadline has reached, or "overdue") applies today
   gets one :class:`SentReminder` row per recipient, and one in-app :class:`Notification`.
   Rows are inserted with ``ignore_conflicts``: the unique constraint (recipient x
   deadline x stage) means a second planner, or the next run, adds nothing.
2. **Deliver.** For each recipient with rows waiting, the rows are *claimed* by one
   conditional ``UPDATE`` (unclaimed, or claimed longer than :data:`CLAIM_TIMEOUT` ago by a
   run that died) in its own transaction; only the winner of that update sends them; each
   email sent marks its rows sent. A crash between claim and send leaves claimed, unsent
   rows that the next run after the timeout claims again: nothing is lost, and two runs
   never send the same row at once.

Recipients: the deadline's owner, or the organization's owner and administrators when it
has none (or its owner can no longer see that kind); when overdue, also the administrators
and the consultants assigned to the organization. A person only hears of the kinds their
role may see. Their preference says one email per reminder, a daily or a weekly digest
(Mondays), and which kinds they unsubscribed from (the notification still appears in the app).
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from borderpro.common.emails import send_templated_email
from borderpro.common.permissions import has_perm
from borderpro.deadlines.models import (
    STAGE_OVERDUE,
    Frequency,
    Notification,
    ReminderPreference,
    ReminderSetting,
    SentReminder,
)
from borderpro.deadlines.registry import Deadline, DeadlineKind, kind, kinds
from borderpro.deadlines.selectors import deadlines_for
from borderpro.organizations.models import ConsultantAssignment, Membership, Organization
from borderpro.organizations.roles import Role

log = logging.getLogger(__name__)

CLAIM_TIMEOUT = timedelta(minutes=15)
OVERDUE_LOOKBACK = timedelta(days=366)  # an overdue deadline older than this is not reminded
WEEKLY_DIGEST_DAY = 0  # Monday
ORGS_PER_BATCH = 200
ADMIN_ROLES = (Role.OWNER, Role.ADMIN)
UNSUBSCRIBE_SALT = "deadlines.unsubscribe"


@dataclass(frozen=True)
class Stages:
    days: tuple[int, ...]
    overdue: bool = True


@dataclass
class RunResult:
    planned: int = 0
    notifications: int = 0
    emails: int = 0
    reminders_sent: int = 0
    failures: int = 0
    details: list[str] = field(default_factory=list)


def current_stage(due: date, today: date, stages: Stages, *, window: bool = False) -> str | None:
    """The stage a deadline is at today: "30" when 30 ≥ days left > the next smaller stage,
    "overdue" once past (never for a window, which opens rather than lapses)."""
    left = (due - today).days
    if left < 0:
        return STAGE_OVERDUE if stages.overdue and not window else None
    reached = [s for s in stages.days if left <= s]
    return str(min(reached)) if reached else None


def stages_for(organization_ids: Sequence[Any]) -> dict[tuple[Any, str], Stages]:
    """The organizations' own stages, by (organization id, kind); others use the kind's."""
    rows = ReminderSetting.objects.filter(organization_id__in=list(organization_ids))
    with scopes_disabled():
        return {
            (r.organization_id, r.kind): Stages(tuple(int(d) for d in r.stages), r.overdue)
            for r in rows
        }


def default_stages(info: DeadlineKind) -> Stages:
    return Stages(tuple(info.reminder_days), True)


def unsubscribe_token(user: Any, kind_key: str) -> str:
    return signing.dumps({"u": str(user.pk), "k": kind_key}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[str, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"u", "k"} <= set(data):
        return None
    return str(data["u"]), str(data["k"])


# --- plan -------------------------------------------------------------------------------


@dataclass
class _People:
    """Who is who in a batch of organizations: roles by (org, user), admins, consultants."""

    roles: dict[tuple[Any, Any], str]
    admins: dict[Any, list[Any]]
    consultants: dict[Any, list[Any]]
    users: dict[Any, Any]

    @classmethod
    def load(cls, organization_ids: list[Any]) -> _People:
        roles: dict[tuple[Any, Any], str] = {}
        admins: dict[Any, list[Any]] = defaultdict(list)
        consultants: dict[Any, list[Any]] = defaultdict(list)
        users: dict[Any, Any] = {}
        members = Membership.objects.filter(
            organization_id__in=organization_ids, user__is_active=True
        ).select_related("user")
        for m in members:
            roles[(m.organization_id, m.user_id)] = m.role
            users[m.user_id] = m.user
            if m.role in ADMIN_ROLES:
                admins[m.organization_id].append(m.user_id)
        assigned = ConsultantAssignment.objects.filter(
            link__client_id__in=organization_ids, user__is_active=True
        ).select_related("user", "link")
        for a in assigned:
            consultants[a.link.client_id].append(a.user_id)
            roles.setdefault((a.link.client_id, a.user_id), Role.CONSULTANT)
            users[a.user_id] = a.user
        return cls(roles, admins, consultants, users)

    def may_see(self, org_id: Any, user_id: Any, info: DeadlineKind) -> bool:
        return has_perm(self.roles.get((org_id, user_id)), info.permission)

    def recipients(self, deadline: Deadline, stage: str) -> list[tuple[Any, bool]]:
        """(user id, escalated) for this deadline at this stage, each person once."""
        org_id, info = deadline.organization.pk, kind(deadline.kind)
        owner = getattr(deadline.owner, "pk", None)
        chosen: dict[Any, bool] = {}
        if owner is not None and self.may_see(org_id, owner, info):
            chosen[owner] = False
        if not chosen or stage == STAGE_OVERDUE:
            for user_id in self.admins.get(org_id, ()):
                chosen.setdefault(user_id, bool(chosen))
        if stage == STAGE_OVERDUE:
            for user_id in self.consultants.get(org_id, ()):
                chosen.setdefault(user_id, True)
        return [(u, esc) for u, esc in chosen.items() if self.may_see(org_id, u, info)]


def _preferences(user_ids: Iterable[Any]) -> dict[Any, ReminderPreference]:
    return {p.user_id: p for p in ReminderPreference.objects.filter(user_id__in=list(user_ids))}


def plan_reminders(
    organizations: Sequence[Organization], today: date | None = None
) -> tuple[int, int]:
    """Insert the reminders and notifications due today; (rows, notifications) new or not."""
    by_today: dict[date, list[Organization]] = defaultdict(list)
    for org in organizations:
        by_today[today or org.local_today()].append(org)
    planned = notified = 0
    for day, orgs in by_today.items():
        for start in range(0, len(orgs), ORGS_PER_BATCH):
            rows, notes = _plan_batch(orgs[start : start + ORGS_PER_BATCH], day)
            with transaction.atomic():
                SentReminder.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
            with transaction.atomic():
                Notification.objects.bulk_create(notes, ignore_conflicts=True, batch_size=500)
            planned += len(rows)
            notified += len(notes)
    return planned, notified


def _plan_batch(
    orgs: list[Organization], today: date
) -> tuple[list[SentReminder], list[Notification]]:
    ids = [o.pk for o in orgs]
    own_stages = stages_for(ids)
    horizon = max(
        [max(k.reminder_days, default=0) for k in kinds()]
        + [max(s.days, default=0) for s in own_stages.values()]
        + [0]
    )
    found = deadlines_for(orgs, today - OVERDUE_LOOKBACK, today + timedelta(days=horizon))
    people = _People.load(ids)
    prefs = _preferences(people.users)
    rows: list[SentReminder] = []
    notes: list[Notification] = []
    for deadline in found:
        info = kind(deadline.kind)
        org_id = deadline.organization.pk
        stages = own_stages.get((org_id, info.key)) or default_stages(info)
        stage = current_stage(deadline.due, today, stages, window=info.window)
        if stage is None:
            continue
        for user_id, escalated in people.recipients(deadline, stage):
            common = {
                "user_id": user_id,
                "organization_id": org_id,
                "kind": info.key,
                "stage": stage,
                "subject": deadline.subject[:300],
                "due": deadline.due,
                "action_url": deadline.action_url[:500],
            }
            notes.append(Notification(key=f"{deadline.uid}:{stage}", **common))
            pref = prefs.get(user_id)
            if pref is not None and info.key in (pref.muted_kinds or []):
                continue
            rows.append(
                SentReminder(
                    deadline_uid=deadline.uid,
                    escalated=escalated,
                    delivery=pref.frequency if pref else Frequency.IMMEDIATE,
                    planned_on=today,
                    **common,
                )
            )
    return rows, notes


# --- deliver ----------------------------------------------------------------------------


def _waiting(today: date, now: datetime) -> Any:
    """Unsent rows nobody holds (or whose holder died), whose delivery is due today."""
    deliveries = [Frequency.IMMEDIATE, Frequency.DAILY]
    if today.weekday() == WEEKLY_DIGEST_DAY:
        deliveries.append(Frequency.WEEKLY)
    return SentReminder.objects.filter(
        Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT),
        sent_at__isnull=True,
        delivery__in=deliveries,
    )


def claim_for(user_id: Any, today: date, now: datetime) -> uuid.UUID | None:
    """Take this person's waiting rows for this run; None when another run has them."""
    token = uuid.uuid4()
    with transaction.atomic():
        taken = (
            _waiting(today, now)
            .filter(user_id=user_id)
            .update(claim=token, claimed_at=now, attempts=F("attempts") + 1)
        )
    return token if taken else None


def deliver_reminders(today: date, now: datetime | None = None) -> RunResult:
    now = now or timezone.now()
    result = RunResult()
    # order_by(): the model ordering would put its columns into the DISTINCT, repeating users
    user_ids = list(_waiting(today, now).order_by().values_list("user_id", flat=True).distinct())
    for user_id in user_ids:
        token = claim_for(user_id, today, now)
        if token is None:
            continue
        rows = list(
            SentReminder.objects.filter(claim=token, sent_at__isnull=True)
            .select_related("user", "organization")
            .order_by("due", "kind", "subject")
        )
        if not rows:
            continue
        user = rows[0].user
        if not user.is_active or not user.email:
            SentReminder.objects.filter(claim=token).update(sent_at=now)
            continue
        batches = [[r] for r in rows if r.delivery == Frequency.IMMEDIATE]
        digest = [r for r in rows if r.delivery != Frequency.IMMEDIATE]
        if digest:
            batches.append(digest)
        for batch in batches:
            try:
                send_reminder_email(user, batch)
            except Exception:  # the rows stay claimed: a later run sends them again
                log.exception("reminder email to user %s failed", user.pk)
                result.failures += 1
                continue
            with transaction.atomic():
                SentReminder.objects.filter(
                    pk__in=[r.pk for r in batch], claim=token, sent_at__isnull=True
                ).update(sent_at=timezone.now())
            result.emails += 1
            result.reminders_sent += len(batch)
    return result


def send_reminder_email(user: Any, rows: list[SentReminder]) -> None:
    """One email: a single reminder, or a digest of several (grouped by organization)."""
    site = settings.SITE_URL
    items = []
    for row in rows:
        info = kind(row.kind)
        items.append(
            {
                "row": row,
                "kind_label": info.label,
                "days": abs((row.due - row.planned_on).days),
                "overdue": row.stage == STAGE_OVERDUE,
                "url": site + row.action_url,
                "unsubscribe_url": site
                + reverse("deadlines:unsubscribe", args=[unsubscribe_token(user, row.kind)]),
            }
        )
    by_org: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_org[item["row"].organization.name].append(item)
    name = "deadlines/email/reminder" if len(rows) == 1 else "deadlines/email/digest"
    send_templated_email(
        name,
        to=[user.email],
        context={
            "user": user,
            "item": items[0],
            "items": items,
            "groups": sorted(by_org.items()),
            "count": len(items),
            "digest": rows[0].delivery,
            "preferences_url": site + reverse("deadlines:preferences"),
            "notifications_url": site + reverse("deadlines:notifications"),
        },
        language=getattr(user, "language", "en") or "en",
    )


def send_due_reminders(
    *, today: date | None = None, organizations: Sequence[Organization] | None = None
) -> RunResult:
    """Plan today's reminders for every active client organization and consultancy (its
    consultations and renewals remind its consultants), then send what waits."""
    with scopes_disabled():
        orgs = list(
            organizations
            if organizations is not None
            else Organization.objects.filter(
                kind__in=[Organization.Kind.CLIENT, Organization.Kind.CONSULTANCY],
                is_active=True,
            )
        )
        result = RunResult()
        result.planned, result.notifications = plan_reminders(orgs, today)
        delivered = deliver_reminders(today or timezone.localdate())
        result.emails = delivered.emails
        result.reminders_sent = delivered.reminders_sent
        result.failures = delivered.failures
    return result
