"""Demo data for field operations: fleets, a few weeks of inspections and seal events, incidents.

Idempotent: a carrier that already has fleet units is left as it is.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from borderpro.common.samples import png_bytes
from borderpro.operations import services
from borderpro.operations.checklists import checklist_points
from borderpro.operations.models import Unit

NS = uuid.UUID("6f1c2d2e-5b7a-4f0e-9a51-3c1b8f0d2a10")

FLEETS: dict[str, dict[str, Any]] = {
    "mapleleaf": {
        "site": "Mississauga",
        "driver": "bob@mapleleaf.example",
        "manager": "alice@mapleleaf.example",
        "tractors": ["T-101", "T-102", "T-103", "T-104"],
        "trailers": [
            ("TR-5301", "dry_van"),
            ("TR-5302", "dry_van"),
            ("TR-5303", "reefer"),
            ("TR-5304", "reefer"),
            ("TR-5305", "flatbed"),
            ("TR-5306", "dry_van"),
        ],
        "places": ["Hwy 401 — Windsor approach", "Mississauga yard", "Ambassador Bridge approach"],
        "days": 21,
        "seal_prefix": "TB",
        "seal_first": 480100,
        "manufacturer": "TydenBrooks",
        "storage": "Locked seal cabinet — dispatch office, Mississauga",
    },
    "laurentid": {
        "site": "Laval",
        "driver": "marc@laurentides.example",
        "manager": "chantal@laurentides.example",
        "tractors": ["TL-21", "TL-22"],
        "trailers": [("RL-801", "reefer"), ("RL-802", "dry_van"), ("RL-803", "dry_van")],
        "places": ["Autoroute 15 — Lacolle", "Cour de Laval", "Poste frontalier de Lacolle"],
        "days": 14,
        "seal_prefix": "LS",
        "seal_first": 22000,
        "manufacturer": "LeghornGroup",
        "storage": "Armoire verrouillée — bureau de répartition, Laval",
    },
    "prairiex": {
        "site": "Winnipeg",
        "driver": "priya@prairiecrossing.example",
        "manager": "priya@prairiecrossing.example",
        "tractors": ["P-1"],
        "trailers": [("P-T1", "dry_van")],
        "places": ["Emerson crossing approach", "Winnipeg yard"],
        "days": 7,
        "seal_prefix": "PX",
        "seal_first": 900,
        "manufacturer": "American Casting",
        "storage": "Office safe",
    },
}


def _cid(*parts: Any) -> uuid.UUID:
    return uuid.uuid5(NS, "/".join(str(p) for p in parts))


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    for code, spec in FLEETS.items():
        org = orgs.get(code)
        if org is None or Unit.objects.filter(organization=org).exists():
            continue
        _seed_carrier(org, spec, users)


def _seed_carrier(org: Any, spec: dict[str, Any], users: dict[str, Any]) -> None:
    rng = random.Random(org.code)
    manager, driver = users[spec["manager"]], users[spec["driver"]]
    tractors = [
        services.unit_create(
            actor=manager,
            organization=org,
            unit_number=n,
            kind="tractor",
            site=spec["site"],
            plate=f"{rng.randint(100, 999)} {n[-2:]}",
            plate_jurisdiction=org.region,
        )
        for n in spec["tractors"]
    ]
    trailers = [
        services.unit_create(
            actor=manager,
            organization=org,
            unit_number=n,
            kind="trailer",
            body_type=body,
            site=spec["site"],
            owner_operator=(i == 2),
        )
        for i, (n, body) in enumerate(spec["trailers"])
    ]
    first = spec["seal_first"]
    services.seal_lot_receive(
        actor=manager,
        organization=org,
        manufacturer=spec["manufacturer"],
        prefix=spec["seal_prefix"],
        first_number=first,
        last_number=first + 59,
        received_on=date.today() - timedelta(days=spec["days"] + 10),
        storage_location=spec["storage"],
    )
    points = checklist_points("msc17")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    seal_no = first
    fr = org.language == "fr"
    for day in range(spec["days"], 0, -1):
        for trip in range(2 if len(trailers) > 1 else 1):
            when = now - timedelta(days=day, hours=rng.randint(0, 8))
            tractor, trailer = (
                tractors[trip % len(tractors)],
                trailers[(day + trip) % len(trailers)],
            )
            number = f"{spec['seal_prefix']}{seal_no:06d}"
            seal_no += 1
            trip_ref = f"{org.code[:3].upper()}-{day:02d}{trip}"
            if points:
                services.inspection_record(
                    actor=driver,
                    organization=org,
                    client_id=_cid(org.code, "insp", day, trip),
                    checklist="msc17",
                    place="loading",
                    inspector_name=driver.display_name,
                    inspected_at=when,
                    tractor=tractor,
                    trailer=trailer,
                    trip_ref=trip_ref,
                    seal_number=number,
                    points=[
                        {"ref": p.ref, "result": "pass", "note": "", "photos": []} for p in points
                    ],
                    supervisor_name=manager.display_name if trip == 0 else "",
                )
            services.seal_event_record(
                actor=driver,
                organization=org,
                client_id=_cid(org.code, "affix", day, trip),
                seal_number=number,
                kind="affixed",
                actor_name=driver.display_name,
                occurred_at=when + timedelta(minutes=20),
                unit=trailer,
                trip_ref=trip_ref,
                bill_of_lading=f"BOL-{rng.randint(10000, 99999)}",
                shipper="Entrepôt Rive-Nord" if fr else "Great Lakes Foods",
            )
            services.seal_event_record(
                actor=driver,
                organization=org,
                client_id=_cid(org.code, "vvtt", day, trip),
                seal_number=number,
                kind="verified",
                actor_name=driver.display_name,
                occurred_at=when + timedelta(hours=3),
                stage="border",
                viewed=True,
                verified=True,
                tugged=True,
                twisted=True,
                number_matches=True,
            )
            if day > 2:
                services.seal_event_record(
                    actor=driver,
                    organization=org,
                    client_id=_cid(org.code, "remove", day, trip),
                    seal_number=number,
                    kind="removed",
                    actor_name=("Réceptionnaire" if fr else "Consignee dock staff"),
                    occurred_at=when + timedelta(hours=9),
                    authority="consignee",
                    unit=trailer,
                )
    if points and len(trailers) > 1:
        _failed_inspection(org, spec, driver, tractors[0], trailers[1], points, now)
    _incident(
        org, spec, manager, driver, trailers[0], f"{spec['seal_prefix']}{seal_no - 1:06d}", now, fr
    )


def _failed_inspection(
    org: Any,
    spec: dict[str, Any],
    driver: Any,
    tractor: Any,
    trailer: Any,
    points: list[Any],
    now: Any,
) -> None:
    photo, _ = services.photo_upload(
        actor=driver,
        organization=org,
        client_id=_cid(org.code, "photo"),
        upload=SimpleUploadedFile(f"{org.code}-floor.png", png_bytes(120, 90, (120, 80, 40))),
        title="Floor — fresh welds" if org.language != "fr" else "Plancher — soudures récentes",
    )
    failing = points[-4].ref
    note = (
        "Soudures récentes sous le plancher"
        if org.language == "fr"
        else "Fresh welds under the floor"
    )
    services.inspection_record(
        actor=driver,
        organization=org,
        client_id=_cid(org.code, "failed"),
        checklist="msc17",
        place="yard_exit",
        inspector_name=driver.display_name,
        inspected_at=now - timedelta(hours=5),
        tractor=tractor,
        trailer=trailer,
        points=[
            {
                "ref": p.ref,
                "result": "fail" if p.ref == failing else "pass",
                "note": note if p.ref == failing else "",
                "photos": [str(photo.pk)] if p.ref == failing else [],
            }
            for p in points
        ],
    )


def _incident(
    org: Any,
    spec: dict[str, Any],
    manager: Any,
    driver: Any,
    trailer: Any,
    seal_number: str,
    now: Any,
    fr: bool,
) -> None:
    services.seal_event_record(
        actor=driver,
        organization=org,
        client_id=_cid(org.code, "mismatch"),
        seal_number=seal_number,
        kind="verified",
        actor_name=driver.display_name,
        occurred_at=now - timedelta(hours=2),
        stage="stop",
        viewed=True,
        verified=False,
        tugged=True,
        twisted=True,
        number_matches=False,
        note="Le numéro ne correspond pas au connaissement"
        if fr
        else "Number on the seal differs from the BOL",
    )
    incident, _ = services.incident_report(
        actor=driver,
        organization=org,
        client_id=_cid(org.code, "incident"),
        kind="seal",
        summary=(
            "Numéro de scellé différent du connaissement"
            if fr
            else "Seal number does not match the bill of lading"
        ),
        discovered_by=driver.display_name,
        location=spec["places"][0],
        discovered_at=now - timedelta(hours=2),
        unit=trailer,
        seal_number=seal_number,
        us_bound=True,
        details=(
            "Arrêt au relais routier; le scellé semble intact mais le numéro diffère."
            if fr
            else "Stop at the truck stop; the seal looks intact but its number differs."
        ),
    )
    services.incident_add_event(
        actor=manager,
        incident=incident,
        client_id=_cid(org.code, "notify"),
        kind="notified",
        actor_name=manager.display_name,
        occurred_at=now - timedelta(hours=1),
        recipient="cbsa_pip",
        contact="pip-pep@cbsa-asfc.gc.ca",
        before_border=True,
    )
