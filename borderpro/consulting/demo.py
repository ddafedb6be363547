"""Demo data: the demo consultancy's services and prices, a few requests in different
states (one quoted, one won with its engagement), idempotent."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django_scopes import scope

from borderpro.consulting import services
from borderpro.consulting.models import ProspectRequest, Service, SizingRule

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
