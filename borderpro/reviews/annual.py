"""The annual update: what changed since the last submission, from the history every module
keeps (``simple_history``), laid out by area so the company officer can complete the PIP or
C-TPAT annual update in one sitting. Reviews does not know the modules: any app in
``AREAS`` whose models keep history is read through simple_history's registry."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.utils import timezone
from simple_history.models import registered_models

# The areas of the annual update, in the order the agencies' forms ask about them.
AREAS = ("organizations", "profiles", "partners", "policies", "risk", "people", "training")
ENTRIES_SHOWN = 8
HISTORY_TYPES = {"+": "added", "~": "changed", "-": "removed"}


@dataclass
class Change:
    when: datetime
    what: str
    kind: str  # added / changed / removed
    model: str


@dataclass
class Area:
    label: str
    app: str
    counts: dict[str, int] = field(default_factory=dict)
    entries: list[Change] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def last_submission(organization: Any) -> date | None:
    """The day of the company's last submission to CBSA or CBP, if recorded."""
    from borderpro.profiles.models import Submission

    return (
        Submission.objects.filter(organization=organization)
        .order_by("-submitted_on")
        .values_list("submitted_on", flat=True)
        .first()
    )


def since_day(organization: Any) -> date:
    from borderpro.reviews.models import AnnualUpdateSignoff

    signed = (
        AnnualUpdateSignoff.objects.filter(organization=organization)
        .order_by("-seq")
        .values_list("recorded_at", flat=True)
        .first()
    )
    candidates = [d for d in (last_submission(organization), signed and signed.date()) if d]
    return max(candidates) if candidates else organization.local_today() - timedelta(days=365)


def _tracked_models() -> list[Any]:
    found = []
    for model in registered_models.values():
        label = model._meta.app_label
        if label in AREAS and any(f.name == "organization" for f in model._meta.fields):
            found.append(model)
    return sorted(found, key=lambda m: (AREAS.index(m._meta.app_label), m._meta.model_name))


def changes_since(organization: Any, since: date) -> list[Area]:
    """Per area: how many records were added, changed and removed since ``since``, and the
    newest few changes."""
    start = timezone.make_aware(datetime.combine(since, time.min))
    areas: dict[str, Area] = {}
    for model in _tracked_models():
        app = model._meta.app_label
        area = areas.setdefault(app, Area(str(apps.get_app_config(app).verbose_name), app))
        history = model.history.model
        rows = history.objects.filter(organization_id=organization.pk, history_date__gte=start)
        counts = Counter(rows.values_list("history_type", flat=True))
        for code, n in counts.items():
            kind = HISTORY_TYPES.get(code, "changed")
            area.counts[kind] = area.counts.get(kind, 0) + n
        for row in rows.order_by("-history_date")[:ENTRIES_SHOWN]:
            area.entries.append(
                Change(
                    row.history_date,
                    str(row.instance)[:160],
                    HISTORY_TYPES.get(row.history_type, "changed"),
                    str(model._meta.verbose_name),
                )
            )
    for area in areas.values():
        area.entries = sorted(area.entries, key=lambda c: c.when, reverse=True)[:ENTRIES_SHOWN]
    return [a for a in areas.values() if a.total] or []


def content_of(organization: Any, since: date, areas: list[Area]) -> dict[str, Any]:
    """What the officer signs, as plain data (hashed into the sign-off)."""
    return {
        "organization": organization.code,
        "since": since.isoformat(),
        "areas": [
            {
                "app": a.app,
                "label": a.label,
                "counts": a.counts,
                "entries": [
                    {"when": c.when.isoformat(), "what": c.what, "kind": c.kind, "model": c.model}
                    for c in a.entries
                ],
            }
            for a in areas
        ],
    }
