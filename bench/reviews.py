"""Reviews figures: the validation binder of a carrier with 200 units and a year of records
(budget ≤ 10 s, DESIGN.md §6), the review pages with the demo data.

The bench carrier gets 200 units (100 tractors, 100 trailers) and one year of correctly
hash-chained records at the density of ``bench/operations.py`` (2,000 units, 3 years, 4 M
inspections, 2 M seal events → ~667 inspections and ~333 seal events per unit and year),
scaled by ``BENCH_REVIEWS_SCALE`` (default 0.25: ~33,000 inspections and ~17,000 seal
events; 1.0 = the full density). The rows are built in Python with real chain links (each
hash computed as ``chain_append`` would) and bulk-inserted, so the binder's chain
verification walks real chains. The binder is built in-process, as the background job runs it.
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_scopes import scopes_disabled

from bench.common import page_row

ORG_CODE = "benchrev"
UNITS = 200
INSPECTIONS_PER_UNIT_YEAR = 667
SEAL_EVENTS_PER_UNIT_YEAR = 333
BUDGET_S = 10.0
POINTS = [{"ref": f"MSC-{n:02d}", "result": "pass", "note": "", "photos": []} for n in range(1, 18)]


def _scale() -> float:
    return float(os.environ.get("BENCH_REVIEWS_SCALE", "0.25"))


def _chain(model: Any, org: Any, records: list[Any]) -> None:
    """Link ``records`` (in order) as the organization's chain and move its head."""
    from borderpro.common import seals
    from borderpro.common.models import GENESIS_HASH, ChainHead

    prev = GENESIS_HASH
    for seq, record in enumerate(records, start=1):
        record.seq, record.prev_hash = seq, prev
        record.record_hash = record.compute_hash()
        prev = record.record_hash
    for start in range(0, len(records), 2000):
        model.objects.bulk_create(records[start : start + 2000])
    chain = model.chain_name()
    ChainHead.objects.update_or_create(
        organization=org,
        chain=chain,
        defaults={
            "seq": len(records),
            "last_hash": prev,
            "seal": seals.head_seal(org.pk, chain, len(records), prev),
        },
    )


def _generate(org: Any, year_start: date) -> tuple[int, int]:
    from borderpro.operations.models import Inspection, Seal, SealEvent, Unit

    tractors = [
        Unit(organization=org, unit_number=f"TR-{n:03d}", kind="tractor") for n in range(100)
    ]
    trailers = [
        Unit(organization=org, unit_number=f"TL-{n:03d}", kind="trailer", body_type="dry_van")
        for n in range(100)
    ]
    Unit.objects.bulk_create(tractors + trailers)
    n_insp = int(UNITS * INSPECTIONS_PER_UNIT_YEAR * _scale())
    n_seal = int(UNITS * SEAL_EVENTS_PER_UNIT_YEAR * _scale()) // 2 * 2
    start = timezone.make_aware(datetime.combine(year_start, datetime.min.time()))
    step = timedelta(days=365) / max(1, n_insp)
    inspections = [
        Inspection(
            organization=org,
            client_id=uuid.uuid4(),
            recorded_at=start + step * i,
            checklist="msc17",
            tractor=tractors[i % 100],
            trailer=trailers[(i * 7) % 100],
            place="yard_exit",
            inspector_name=f"Driver {i % 60}",
            inspected_at=start + step * i,
            trip_ref=f"TRIP{i:07d}",
            seal_number=f"S{i:08d}",
            points=POINTS,
            result="pass",
        )
        for i in range(n_insp)
    ]
    _chain(Inspection, org, inspections)
    seals = [
        Seal(organization=org, number=f"S{i:08d}", status="removed", unit=trailers[i % 100])
        for i in range(n_seal // 2)
    ]
    Seal.objects.bulk_create(seals, batch_size=2000)
    sstep = timedelta(days=365) / max(1, n_seal)
    events = []
    for i, seal in enumerate(seals):
        for k, kind in enumerate(("affixed", "removed")):
            at = start + sstep * (2 * i + k)
            events.append(
                SealEvent(
                    organization=org,
                    client_id=uuid.uuid4(),
                    recorded_at=at,
                    seal=seal,
                    seal_number=seal.number,
                    kind=kind,
                    occurred_at=at,
                    actor_name=f"Driver {i % 60}",
                    unit=seal.unit,
                    trip_ref=f"TRIP{i:07d}",
                )
            )
    _chain(SealEvent, org, events)
    return n_insp, n_seal


def _bench_org() -> tuple[Any, int, int]:
    from borderpro.operations.models import Inspection, SealEvent
    from borderpro.organizations.models import Organization

    org, created = Organization.objects.get_or_create(
        code=ORG_CODE,
        defaults={
            "name": "Bench Review Carriers",
            "kind": "client",
            "business_type": "highway_carrier",
            "region": "ON",
        },
    )
    if created or not Inspection.objects.filter(organization=org).exists():
        year_start = org.local_today() - timedelta(days=365)
        _generate(org, year_start)
    return (
        org,
        Inspection.objects.filter(organization=org).count(),
        SealEvent.objects.filter(organization=org).count(),
    )


def _binder_row() -> dict:
    from borderpro.reviews.binder import binder_build

    org, n_insp, n_seal = _bench_org()
    end = org.local_today()
    began = time.perf_counter()
    snapshot = binder_build(
        actor=None,
        organization=org,
        start=end - timedelta(days=365),
        end=end,
        language="en",
    )
    seconds = time.perf_counter() - began
    files = len(snapshot.index)
    return {
        "name": "reviews: validation binder, 200 units, a year of records",
        "value": seconds,
        "unit": "s",
        "budget": BUDGET_S,
        "note": (
            f"{n_insp:,} inspections + {n_seal:,} seal events (scale {_scale():g}), "
            f"{files} files, {snapshot.size / 1e6:.1f} MB, chains intact: {snapshot.chains_intact}"
        ),
    }


def run() -> list[dict]:
    from borderpro.accounts.models import User
    from borderpro.reviews.models import Review

    call_command("seed_demo", verbosity=0)
    rows: list[dict] = []
    with scopes_disabled():
        client = Client()
        client.force_login(User.objects.get(email="carol@northbound.example"))
        review = (
            Review.objects.filter(organization__code="mapleleaf").order_by("-period_end").first()
        )
        if review is not None:
            base = "/o/mapleleaf/reviews/"
            for name, path in [
                ("reviews: list (demo)", base),
                ("reviews: review with its checklist (demo)", f"{base}{review.pk}/"),
                ("reviews: annual update (demo)", f"{base}annual-update/"),
                ("reviews: GET /api/v1/o/…/reviews/ (demo)", "/api/v1/o/mapleleaf/reviews/"),
            ]:
                rows.append(page_row(name, client, path, budget=50))
        rows.append(_binder_row())
    return rows
