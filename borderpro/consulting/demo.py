"""Demo data: the demo consultancy's services and prices, a few requests in different
states (one quoted, one won with its engagement), its consultants' weekly availability and
three consultations (two upcoming — Maple Leaf's, linked to its engagement, and a French
prospect's — and one past, done, with notes and minutes), idempotent."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone
from django_scopes import scope

from borderpro.consulting import services
from borderpro.consulting.consultations import selectors as consultation_selectors
from borderpro.consulting.consultations import services as consultations
from borderpro.consulting.models import (
    Availability,
    Booking,
    Engagement,
    ProspectRequest,
    Service,
    SizingRule,
)

SERVICES: list[dict[str, Any]] = [
    {
        "name": "Eligibility and gap assessment",
        "name_fr": "Admissibilité et analyse des écarts",
        "description": "Where you stand against the PIP and C-TPAT criteria, with a plan.",
        "description_fr": "Où vous en êtes face aux critères du PEP et du C-TPAT, avec un plan.",
        "pricing": "fixed",
        "unit_price": Decimal("2500.00"),
        "milestone_verb": "profile.frameworks_selected",
        "order": 10,
        "rules": [("per_site", 0, None, Decimal("400.00"))],
    },
    {
        "name": "Supply chain risk assessment",
        "name_fr": "Évaluation des risques de la chaîne d'approvisionnement",
        "description": "The five-step risk assessment, written with you and approved.",
        "description_fr": "L'évaluation des risques en cinq étapes, rédigée avec vous et approuvée.",
        "pricing": "fixed",
        "unit_price": Decimal("3500.00"),
        "milestone_verb": "risk.approved",
        "order": 20,
        "rules": [
            ("fleet_band", 0, 24, Decimal("0.00")),
            ("fleet_band", 25, 99, Decimal("1500.00")),
            ("fleet_band", 100, None, Decimal("3500.00")),
        ],
    },
    {
        "name": "Security profile and application writing",
        "name_fr": "Rédaction du profil de sécurité et de la demande",
        "description": "Portal-ready answers and the evidence behind them.",
        "description_fr": "Des réponses prêtes pour le portail et les preuves qui les appuient.",
        "pricing": "hourly",
        "unit_price": Decimal("145.00"),
        "default_quantity": Decimal("24"),
        "milestone_verb": "submission.recorded",
        "order": 30,
    },
    {
        "name": "Policies and procedures manual",
        "name_fr": "Manuel des politiques et procédures",
        "pricing": "daily",
        "unit_price": Decimal("1050.00"),
        "default_quantity": Decimal("4"),
        "order": 40,
    },
    {
        "name": "Yearly maintenance and annual review",
        "name_fr": "Maintien annuel et revue annuelle",
        "description": "Partner checks, the annual profile review and the renewal, all year.",
        "description_fr": "Suivi des partenaires, revue annuelle du profil et renouvellement.",
        "pricing": "retainer",
        "unit_price": Decimal("4800.00"),
        "order": 50,
    },
    {
        "name": "Threat awareness training (per seat)",
        "name_fr": "Formation de sensibilisation aux menaces (par place)",
        "pricing": "per_seat",
        "unit_price": Decimal("95.00"),
        "default_quantity": Decimal("10"),
        "order": 60,
    },
    {
        "name": "Border security seminar (per attendee)",
        "name_fr": "Séminaire sur la sécurité frontalière (par participant)",
        "pricing": "per_attendee",
        "unit_price": Decimal("175.00"),
        "order": 70,
    },
]

REQUESTS: list[dict[str, Any]] = [
    {
        "kind": "quote",
        "company": "Great Lakes Haulage",
        "contact_name": "Tom Reilly",
        "email": "tom@greatlakes.example",
        "phone": "905-555-0142",
        "province": "ON",
        "fleet_size": 40,
        "sites": 2,
        "employees": 65,
        "lines_of_business": ["truckload", "temperature"],
        "programs": ["PIP", "FAST", "CTPAT"],
        "timeline": "quarter",
        "cross_border_since": 2016,
        "message": "Our biggest shipper asked us to join C-TPAT before spring.",
        "language": "en",
        "services": ["Eligibility and gap assessment", "Supply chain risk assessment"],
    },
    {
        "kind": "quote",
        "company": "Transport Beauce Express",
        "contact_name": "Julie Poulin",
        "email": "julie@beauce.example",
        "province": "QC",
        "fleet_size": 12,
        "sites": 1,
        "employees": 18,
        "lines_of_business": ["ltl"],
        "programs": ["PIP"],
        "timeline": "year",
        "message": "Nous voulons adhérer au PEP cette année.",
        "language": "fr",
        "services": ["Eligibility and gap assessment", "Yearly maintenance and annual review"],
        "quote": True,
    },
    {
        "kind": "question",
        "contact_name": "Sam Patel",
        "email": "sam@prairieline.example",
        "message": "Do owner-operators need their own FAST cards if they haul for us?",
        "language": "en",
    },
]


def _services(consultancy: Any) -> dict[str, Service]:
    out = {}
    for spec in SERVICES:
        spec = dict(spec)
        rules = spec.pop("rules", [])
        service, created = Service.objects.get_or_create(
            organization=consultancy, name=spec["name"], defaults=spec
        )
        if created:
            for basis, low, high, amount in rules:
                SizingRule.objects.create(
                    organization=consultancy,
                    service=service,
                    basis=basis,
                    min_units=low,
                    max_units=high,
                    amount=amount,
                )
        out[service.name] = service
    return out


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    consultancy = orgs["northbnd"]
    carol = users.get("carol@northbound.example")
    with scope(organization=consultancy):
        catalogue = _services(consultancy)
        _consultations(consultancy, orgs, users)
        if ProspectRequest.objects.filter(organization=consultancy).exists():
            return
        for spec in REQUESTS:
            spec = dict(spec)
            wanted = [catalogue[n] for n in spec.pop("services", [])]
            make_quote = spec.pop("quote", False)
            kind, language = spec.pop("kind"), spec.pop("language")
            request = services.request_submit(
                consultancy=consultancy,
                kind=kind,
                fields=spec,
                services=wanted,
                language=language,
                consent_text="I agree that Northbound Compliance Group may contact me.",
            )
            if carol is not None and kind == "quote":
                services.request_assign(
                    actor=carol, consultancy=consultancy, request=request, user=carol
                )
            if make_quote:
                quote = services.quote_create(actor=carol, consultancy=consultancy, request=request)
                services.quote_send(actor=carol, consultancy=consultancy, quote=quote)
                engagement = services.quote_accept(
                    quote=quote, name="Julie Poulin", address="127.0.0.1"
                )
                if carol is not None:
                    services.time_log(
                        actor=carol,
                        consultancy=consultancy,
                        engagement=engagement,
                        fields={
                            "worked_on": engagement.started_on,
                            "hours": Decimal("3.5"),
                            "note": "Kick-off call and document list",
                        },
                    )


# (consultant, weekday, from, until, languages, mode, where)
AVAILABILITY: list[tuple[str, int, time, time, list[str], str, str]] = [
    (
        "carol@northbound.example",
        1,
        time(10),
        time(12),
        ["en"],
        "video",
        "https://meet.northbound.example/carol",
    ),
    (
        "carol@northbound.example",
        3,
        time(10),
        time(12),
        ["en"],
        "video",
        "https://meet.northbound.example/carol",
    ),
    (
        "dave@northbound.example",
        2,
        time(14),
        time(17),
        ["en", "fr"],
        "video",
        "https://meet.northbound.example/dave",
    ),
    (
        "dave@northbound.example",
        4,
        time(9),
        time(11),
        ["en", "fr"],
        "place",
        "Northbound Compliance Group, 200 Bay Street, Suite 1800, Toronto",
    ),
]


def _maple_leaf_engagement(consultancy: Any, client: Any) -> Engagement:
    today = consultancy.local_today()
    engagement, _created = Engagement.objects.get_or_create(
        organization=consultancy,
        client=client,
        title="Maple Leaf Freightways — yearly maintenance",
        defaults={
            "started_on": today - timedelta(days=120),
            "renews_on": today + timedelta(days=245),
            "hours_estimated": Decimal("40"),
        },
    )
    return engagement


def _consultations(consultancy: Any, orgs: dict[str, Any], users: dict[str, Any]) -> None:
    carol, dave = users.get("carol@northbound.example"), users.get("dave@northbound.example")
    maple = orgs.get("mapleleaf")
    if carol is None or dave is None or maple is None:
        return
    if Availability.objects.filter(organization=consultancy).exists():
        return
    for email, weekday, starts, ends, languages, mode, where in AVAILABILITY:
        consultations.availability_add(
            actor=users[email],
            consultancy=consultancy,
            fields={
                "consultant": users[email],
                "weekday": weekday,
                "starts": starts,
                "ends": ends,
                "time_zone": "America/Toronto",
                "slot_minutes": 60,
                "languages": languages,
                "mode": mode,
                "where": where,
            },
        )
    engagement = _maple_leaf_engagement(consultancy, maple)
    alice = users.get("alice@mapleleaf.example")
    slot = consultation_selectors.free_slots(consultancy, consultant=carol.pk)[1]
    consultations.booking_create(
        consultancy=consultancy,
        consultant_id=carol.pk,
        starts_at=slot.starts_at,
        fields={
            "name": "Alice Martin",
            "email": "alice@mapleleaf.example",
            "company": maple.name,
            "topic": "Preparing the annual review: which records the validator will sample.",
            "language": "en",
            "time_zone": "America/Toronto",
        },
        actor=alice,
        client=maple,
        engagement=engagement,
    )
    slot = consultation_selectors.free_slots(consultancy, consultant=dave.pk, language="fr")[2]
    consultations.booking_create(
        consultancy=consultancy,
        consultant_id=dave.pk,
        starts_at=slot.starts_at,
        fields={
            "name": "Julien Gagnon",
            "email": "julien@transportsgagnon.example",
            "company": "Transports Gagnon",
            "topic": "Adhésion au PEP : par où commencer, et combien de temps faut-il prévoir?",
            "language": "fr",
            "time_zone": "America/Toronto",
        },
        consent_text="J'accepte que Northbound Compliance Group me contacte.",
    )
    _past_consultation(consultancy, carol, maple, engagement)


def _past_consultation(consultancy: Any, carol: Any, maple: Any, engagement: Engagement) -> None:
    """Ten days ago at 10:00 in Toronto (a past consultation cannot be booked, so it is
    written as it would stand), then marked done: its 50 minutes go on the engagement."""
    zone = ZoneInfo("America/Toronto")
    day = timezone.now().astimezone(zone).date() - timedelta(days=10)
    starts = datetime.combine(day, time(10), tzinfo=zone)
    booking = Booking(
        organization=consultancy,
        reference="C-DEMO01",
        consultant=carol,
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        time_zone="America/Toronto",
        language="en",
        mode="video",
        where="https://meet.northbound.example/carol",
        name="Alice Martin",
        email="alice@mapleleaf.example",
        company=maple.name,
        topic="Seal control after the March incident: what the procedure must say.",
        client=maple,
        engagement=engagement,
    )
    booking.full_clean()
    booking.save()
    consultations.booking_mark_done(
        actor=carol,
        consultancy=consultancy,
        booking=booking,
        notes=(
            "Walked through the seal log with Alice. The VVTT step is done at the yard but not "
            "recorded for drop trailers; the procedure gets a line for it. Follow-up: send the "
            "updated seal-control procedure for approval next week."
        ),
        minutes_spent=50,
    )
