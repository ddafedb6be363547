"""Deliverables tied to the modules, through the activity feed (no module imported).

A milestone with a ``verb`` is reached when the client's activity feed records that event
on or after the day the engagement started ("risk assessment approved" is the risk
module's ``risk.approved``). The verbs are those the modules declare in their ``verbs.py``
(``organizations.activity.known_verbs``); those missing from this installation are left
out of the choices.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borderpro.organizations.activity import known_verbs
from borderpro.organizations.models import Activity

# the events a deliverable can wait for, in the consultant's words
EVENTS: dict[str, Any] = {
    "profile.frameworks_selected": _("Frameworks chosen (gap assessment started)"),
    "risk.approved": _("Risk assessment approved"),
    "package.built": _("Application package built"),
    "submission.recorded": _("Application package submitted"),
    "membership.status_changed": _("Program membership status changed"),
}


def event_choices() -> list[tuple[str, Any]]:
    verbs = known_verbs()
    return [("", _("Ticked by hand"))] + [(k, v) for k, v in EVENTS.items() if k in verbs]


def reached_on(engagements: Sequence[Any]) -> dict[tuple[Any, str], Any]:
    """(client id, verb) → the first day each event happened since its engagement started,
    for every milestone verb of these engagements, in one query."""
    wanted = {(e.client_id, m.verb, e.started_on) for e in engagements for m in e.milestones.all()}
    wanted = {w for w in wanted if w[1]}
    if not wanted:
        return {}
    earliest = min(w[2] for w in wanted)
    since = timezone.make_aware(datetime.combine(earliest, time.min))
    rows = (
        Activity._base_manager.filter(
            organization_id__in={w[0] for w in wanted},
            verb__in={w[1] for w in wanted},
            recorded_at__gte=since,
        )
        .order_by("recorded_at")
        .values_list("organization_id", "verb", "recorded_at")
    )
    out: dict[tuple[Any, str], Any] = {}
    for org_id, verb, at in rows:
        day = timezone.localtime(at).date()
        for client_id, wanted_verb, started in wanted:
            if client_id == org_id and wanted_verb == verb and day >= started:
                out.setdefault((org_id, verb), day)
    return out
