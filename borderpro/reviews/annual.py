"""The annual update: what changed since the last submission, from the history every module
keeps (``simple_history``), laid out by area so the company officer can complete the PIP or
C-TPAT annual update in one sitting. Reviews does not know the modules: any app in
``AREAS`` whose models keep history is read through simple_history's registry."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from django.apps import apps
from django.db import connection
from django.db.models import FETCH_PEERS
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


@cache
def _tracked_models() -> list[tuple[Any, Any]]:
    """Each model of ``AREAS`` that keeps history, with its historical model (looked up once:
    ``Model.history`` builds a new manager class at each access)."""
    found = []
    for model in registered_models.values():
        label = model._meta.app_label
        if label in AREAS and any(f.name == "organization" for f in model._meta.fields):
            found.append((model, model.history.model))
    return sorted(found, key=lambda m: (AREAS.index(m[0]._meta.app_label), m[0]._meta.model_name))


def _as_it_was(model: Any, row: Any) -> Any:
    """The record as the history row keeps it. simple_history's ``row.instance`` would also
    read each excluded field (a secret's hash) from the live table, one query per row; a
    change's name does not need them."""
    return model(**{f.attname: getattr(row, f.attname) for f in row.tracked_fields})


def _fetch_relations_together(organization: Any, instances: list[Any]) -> None:
    """What a change's ``str()`` reads of its relations (a training record's course, a
    response's requirement) is fetched once for all the entries shown, not once each:
    the rebuilt instances become peers in Django's FETCH_PEERS mode, so the first access
    to a relation loads it for all of them. Their organization is the one shown."""
    peers = [weakref.ref(instance) for instance in instances]
    for instance in instances:
        instance._state.fetch_mode = FETCH_PEERS
        instance._state.peers = peers
        if getattr(instance, "organization_id", None) == organization.pk:
            instance.organization = organization


@cache
def _newest_sql() -> str:
    """One statement over every tracked history table: per area, the newest
    ``ENTRIES_SHOWN`` changes (area, model, history id) with the area's counts of added,
    changed and removed records. Written once: the tables do not change at run time."""
    # only identifiers of our own models and constants go into the text; values are params
    qn = connection.ops.quote_name
    parts = [
        f"SELECT {AREAS.index(model._meta.app_label)} AS area, {n} AS m, "  # noqa: S608
        f"{qn('history_id')} AS hid, {qn('history_date')} AS hdate, "
        f"{qn('history_type')} AS htype FROM {qn(history._meta.db_table)} "
        f"WHERE {qn('organization_id')} = %s AND {qn('history_date')} >= %s"
        for n, (model, history) in enumerate(_tracked_models())
    ]
    counts = ", ".join(
        f"SUM(CASE WHEN htype = '{code}' THEN 1 ELSE 0 END) OVER (PARTITION BY area) AS n{i}"
        for i, code in enumerate(HISTORY_TYPES)
    )
    return (
        f"SELECT area, m, hid, {', '.join(f'n{i}' for i in range(len(HISTORY_TYPES)))} FROM ("  # noqa: S608
        f"SELECT area, m, hid, hdate, "
        f"ROW_NUMBER() OVER (PARTITION BY area ORDER BY hdate DESC, m, hid DESC) AS rn, "
        f"{counts} FROM ({' UNION ALL '.join(parts)}) changes) ranked "
        f"WHERE rn <= {ENTRIES_SHOWN}"
    )


def changes_since(organization: Any, since: date) -> list[Area]:
    """Per area: how many records were added, changed and removed since ``since``, and the
    newest few changes. Queries: one for the counts and the newest changes of every area,
    one per model with a change shown (its history rows) and one per relation their names
    read; their number does not grow with the number of changes."""
    start = timezone.make_aware(datetime.combine(since, time.min))
    tracked = _tracked_models()
    if not tracked:
        return []
    org_id = organization._meta.pk.get_db_prep_value(organization.pk, connection)
    start_db = connection.ops.adapt_datetimefield_value(start)
    with connection.cursor() as cursor:
        cursor.execute(_newest_sql(), [org_id, start_db] * len(tracked))
        found = cursor.fetchall()
    kinds = list(HISTORY_TYPES.values())
    areas: dict[int, Area] = {}
    shown: dict[int, list[Any]] = {}
    for area_n, m, hid, *counts in found:
        if area_n not in areas:
            app = AREAS[area_n]
            areas[area_n] = Area(
                str(apps.get_app_config(app).verbose_name),
                app,
                counts={kind: int(n) for kind, n in zip(kinds, counts, strict=True) if n},
            )
        shown.setdefault(m, []).append(hid)
    for m, ids in shown.items():
        model, history = tracked[m]
        rows = list(history.objects.filter(history_id__in=ids))
        instances = [_as_it_was(model, row) for row in rows]
        _fetch_relations_together(organization, instances)
        area = areas[AREAS.index(model._meta.app_label)]
        for row, instance in zip(rows, instances, strict=True):
            area.entries.append(
                Change(
                    row.history_date,
                    str(instance)[:160],
                    HISTORY_TYPES.get(row.history_type, "changed"),
                    str(model._meta.verbose_name),
                )
            )
    for area in areas.values():
        area.entries.sort(key=lambda c: c.when, reverse=True)
    return [areas[n] for n in sorted(areas)]


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
