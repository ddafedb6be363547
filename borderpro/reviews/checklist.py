"""The checklist of a review: the applicable requirements (with what the security profile
says), a reproducible documented sample of each registered record source for the period, and
the evidence files that are stale or expired.

The sample: every record a source gives for the period, sorted by (date, id), then
``random.Random(seed).sample`` of ``min(size, count)`` of them. The seed and the method are
stored on the review and printed in its report, so anyone can draw the same sample again.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext as _

from borderpro.common.records import SampledRecord, record_sources
from borderpro.evidence.models import EvidenceFile

STALE_DAYS = 365


@dataclass(frozen=True)
class Drawn:
    source: str
    label: str
    population: int
    records: list[SampledRecord]


def draw_sample(records: list[SampledRecord], *, seed: int, size: int) -> list[SampledRecord]:
    """The documented draw: sort by (date, id), then ``random.Random(seed).sample``."""
    ordered = sorted(records, key=lambda r: (r.day, r.ref))
    picked = random.Random(seed).sample(ordered, min(size, len(ordered)))
    return sorted(picked, key=lambda r: (r.day, r.ref))


def sample_sources(
    organization: Any, start: date, end: date, *, seed: int, size: int
) -> list[Drawn]:
    """One draw per registered record source; each source gets its own seed (seed + its
    position), so adding a source does not change the others' samples."""
    drawn = []
    for source in record_sources():
        records = source.records(organization, start, end)
        offset = sum(ord(c) for c in source.name)
        drawn.append(
            Drawn(
                source.name,
                str(source.label),
                len(records),
                draw_sample(records, seed=seed + offset, size=size),
            )
        )
    return drawn


def method_text(seed: int, size: int, drawn: list[Drawn]) -> str:
    lines = [
        _(
            "For each record source, every record of the period is sorted by date and "
            "identifier; %(size)s are drawn with Python's random.Random(seed + sum of the "
            "character codes of the source name).sample, seed %(seed)s. The same seed always "
            "draws the same records."
        )
        % {"size": size, "seed": seed}
    ]
    for d in drawn:
        lines.append(
            _("%(label)s: %(n)s of %(population)s records")
            % {"label": d.label, "n": len(d.records), "population": d.population}
        )
    return "\n".join(lines)


def requirement_rows(organization: Any, framework: Any) -> tuple[list[Any], int | None]:
    """The applicable requirements of ``framework`` as the security profile shows them, and
    the readiness score."""
    from borderpro.profiles.selectors.workspace import frameworks_pursued, workspace_build

    if framework is None:
        return [], None
    ws = workspace_build(
        organization,
        framework,
        today=organization.local_today(),
        modes=["highway"],
        pursued=frameworks_pursued(organization),
    )
    return ws.rows, ws.score


def stale_evidence(organization: Any, end: date) -> list[EvidenceFile]:
    """Evidence files expired by the end of the period or dated more than a year before it."""
    cutoff = end - timedelta(days=STALE_DAYS)
    files = EvidenceFile.objects.filter(
        organization=organization, archived_at__isnull=True, origin="document"
    ).order_by("title")
    return [
        f
        for f in files.only(
            "id", "title", "document_date", "expires_on", "created_at", "original_name"
        )
        if (f.expires_on and f.expires_on < end)
        or (f.document_date or f.created_at.date()) < cutoff
    ]
