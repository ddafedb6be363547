"""Writes of the deadlines module: reminder stages, preferences, notifications, calendar links."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.accounts.models import hash_token
from borderpro.deadlines.models import (
    MAX_STAGE_DAYS,
    CalendarFeed,
    Frequency,
    Notification,
    ReminderPreference,
    ReminderSetting,
)
from borderpro.deadlines.registry import kind as kind_info
from borderpro.organizations.models import Organization

MAX_STAGES = 6
FEED_TOKEN_BYTES = 32


def parse_stages(text: str) -> list[int]:
    """ "90, 60, 30, 7" → [90, 60, 30, 7]; a clear message when it is not that."""
    parts = [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]
    days: list[int] = []
    for part in parts:
        if not part.isdigit() or int(part) > MAX_STAGE_DAYS:
            raise ValidationError(
                _("“%(part)s” is not a number of days from 0 to %(max)s."),
                params={"part": part, "max": MAX_STAGE_DAYS},
            )
        days.append(int(part))
    if len(set(days)) > MAX_STAGES:
        raise ValidationError(_("Give at most %(n)s stages."), params={"n": MAX_STAGES})
    return sorted(set(days), reverse=True)


def reminder_setting_save(
    *, actor: Any, organization: Organization, kind: str, stages: list[int], overdue: bool
) -> ReminderSetting:
    kind_info(kind)  # KeyError on an unknown kind
    with transaction.atomic():
        setting = ReminderSetting.objects.filter(organization=organization, kind=kind).first()
        if setting is None:
            setting = ReminderSetting(organization=organization, kind=kind)
        setting.stages = stages
        setting.overdue = overdue
        setting.updated_by = actor
        setting.full_clean()
        setting.save()
    return setting


def reminder_setting_reset(*, organization: Organization, kind: str) -> None:
    ReminderSetting.objects.filter(organization=organization, kind=kind).delete()


def preference_for(user: Any) -> ReminderPreference:
    pref = ReminderPreference.objects.filter(user=user).first()
    return pref or ReminderPreference(user=user)


def preference_save(*, user: Any, frequency: str, muted_kinds: Iterable[str]) -> ReminderPreference:
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose how often you want reminder emails.")})
    with transaction.atomic():
        pref, _created = ReminderPreference.objects.select_for_update().get_or_create(user=user)
        pref.frequency = frequency
        pref.muted_kinds = sorted(set(muted_kinds))
        pref.full_clean()
        pref.save()
    return pref


def kind_unsubscribe(*, user: Any, kind: str) -> None:
    """Stop reminder emails of one kind (the signed link in each email)."""
    with transaction.atomic():
        pref, _created = ReminderPreference.objects.select_for_update().get_or_create(user=user)
        if kind not in pref.muted_kinds:
            pref.muted_kinds = sorted({*pref.muted_kinds, kind})
            pref.save()


def notification_read(*, user: Any, notification_id: Any) -> bool:
    return bool(
        Notification.objects.filter(user=user, pk=notification_id, read_at__isnull=True).update(
            read_at=timezone.now()
        )
    )


def notifications_read(*, user: Any, organization: Organization, ids: Iterable[Any]) -> int:
    return Notification.objects.filter(
        user=user, organization=organization, pk__in=list(ids), read_at__isnull=True
    ).update(read_at=timezone.now())


def notifications_read_all(*, user: Any, organization: Organization | None = None) -> int:
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if organization is not None:
        unread = unread.filter(organization=organization)
    return unread.update(read_at=timezone.now())


def calendar_feed_rotate(
    *, user: Any, organization: Organization | None
) -> tuple[CalendarFeed, str]:
    """A new secret link (the previous one stops working). Returns the feed and its token,
    shown once: only its hash is kept."""
    raw = secrets.token_urlsafe(FEED_TOKEN_BYTES)
    with transaction.atomic():
        calendar_feed_revoke(user=user, organization=organization)
        feed = CalendarFeed.objects.create(
            user=user, organization=organization, token_hash=hash_token(raw)
        )
    return feed, raw


def calendar_feed_revoke(*, user: Any, organization: Organization | None) -> int:
    return CalendarFeed.objects.filter(
        user=user, organization=organization, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


def calendar_feed_find(raw: str) -> CalendarFeed | None:
    if not raw or len(raw) > 100:
        return None
    feed = (
        CalendarFeed.objects.filter(token_hash=hash_token(raw), revoked_at__isnull=True)
        .select_related("user", "organization")
        .first()
    )
    if feed is None or not feed.user.is_active:
        return None
    now = timezone.now()
    if feed.last_used_at is None or (now - feed.last_used_at).total_seconds() > 3600:
        CalendarFeed.objects.filter(pk=feed.pk).update(last_used_at=now)
    return feed
