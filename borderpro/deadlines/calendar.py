"""iCalendar feeds of deadlines, made with the ``icalendar`` library.

Each deadline is an all-day event whose UID is the deadline's stable uid (kind,
organization, record and due date): a calendar application that refreshes the feed
updates the event it has instead of adding a copy. A moved due date is a new deadline
(new uid), so the old event disappears and the new one appears.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import translation
from django_scopes import scopes_disabled
from icalendar import Alarm, Calendar, Event

from borderpro.deadlines.registry import Deadline
from borderpro.deadlines.selectors import deadlines_for, visible_kinds
from borderpro.organizations.models import Organization
from borderpro.organizations.tenancy import organizations_for_user, resolve_access

FEED_PAST_DAYS = 366
FEED_FUTURE_DAYS = 730
PRODID = "-//Border Pro//Deadlines//EN"


def feed_deadlines(user: Any, organization: Organization | None) -> list[Deadline]:
    """What the person may see: one organization's deadlines, or every client organization
    they can open, each limited to the kinds their role there may see (checked on each
    fetch, so a person who lost access gets nothing more)."""
    with scopes_disabled():
        if organization is not None:
            pairs = [(organization, resolve_access(user, organization.code).role)]
        else:
            pairs = [(o, role) for o, role in organizations_for_user(user)]
        found: list[Deadline] = []
        from borderpro.organizations.tenancy import Access

        for org, role in pairs:
            if org.kind != Organization.Kind.CLIENT:
                continue
            access = Access(org, role)
            if not access.can("deadlines.view"):
                continue
            keys = [k.key for k in visible_kinds(access)]
            today = org.local_today()
            start, end = (
                today - timedelta(days=FEED_PAST_DAYS),
                today + timedelta(days=FEED_FUTURE_DAYS),
            )
            found.extend(deadlines_for(org, start, end, keys))
    return found


def build_calendar(deadlines: list[Deadline], *, name: str, language: str) -> bytes:
    stamp = datetime.now(UTC).replace(microsecond=0)
    with translation.override(language):
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT6H")
        for deadline in deadlines:
            calendar.add_component(_event(deadline, stamp))
        return calendar.to_ical()


def _event(deadline: Deadline, stamp: datetime) -> Event:
    info = deadline.kind_info
    event = Event()
    event.add("uid", f"{deadline.uid}@borderpro")
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.due)
    event.add("dtend", deadline.due + timedelta(days=1))
    event.add("summary", f"{info.label}: {deadline.subject} ({deadline.organization.name})")
    description = [deadline.detail] if deadline.detail else []
    url = settings.SITE_URL + deadline.action_url
    description.append(url)
    event.add("description", "\n".join(description))
    event.add("url", url)
    event.add("categories", [str(info.label)])
    event.add("transp", "TRANSPARENT")
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{info.label}: {deadline.subject}")
    alarm.add("trigger", timedelta(days=-7))
    event.add_component(alarm)
    return event
