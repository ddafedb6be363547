"""Demo data for the security profile workspace (called by ``seed_demo``). Idempotent:
nothing a person already wrote is overwritten."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from borderpro.catalogue.models import Category, Framework
from borderpro.evidence.models import EvidenceFile
from borderpro.profiles import demo_text
from borderpro.profiles.models import (
    CarrierProfile,
    CategoryAssignment,
    Division,
    ReadinessPoint,
    Response,
    ResponseComment,
    ResponseEvidence,
    SafetyCertificate,
    SecurityProfile,
    Site,
)
from borderpro.profiles.selectors.workspace import applicable_requirements, frameworks_pursued
from borderpro.profiles.services.divisions import security_profile_main, security_profile_start
from borderpro.profiles.services.responses import readiness_record, responses_ensure

PROFILES: dict[str, dict[str, Any]] = {
    "mapleleaf": {
        "legal_name": "Maple Leaf Freightways Ltd.",
        "operating_name": "Maple Leaf Freightways",
        "lines_of_business": ["truckload", "temperature"],
        "modes": ["highway"],
        "business_number": "871234563",
        "rm_account": "871234563RM0001",
        "cbsa_carrier_code": "8412",
        "bonded": True,
        "bond_type": "Carrier bond (CBSA)",
        "bond_amount": 25000,
        "bond_surety": "Trisura Guarantee",
        "bond_number": "TG-CB-448120",
        "bond_effective_on": date(2025, 4, 1),
        "bond_expires_on": date(2027, 3, 31),
        "carm_registered": True,
        "carm_registered_on": date(2024, 5, 13),
        "in_business_since": date(1998, 6, 1),
        "cross_border_since": date(2003, 9, 15),
        "scac": "MLFW",
        "usdot_number": "2934517",
        "mc_number": "MC-884231",
        "officer_name": "Jean-Paul Roy",
        "officer_title": "President",
        "officer_email": "jp.roy@mapleleaf.example",
        "contact_name": "Alice Martin",
        "contact_title": "Safety & Compliance Manager",
        "contact_email": "alice@mapleleaf.example",
        "contact_phone": "+1 905 555 0142",
        "tractors": 85,
        "straight_trucks": 6,
        "dry_vans": 160,
        "reefers": 45,
        "flatbeds": 5,
        "company_drivers": 92,
        "owner_operators": 14,
        "office_staff": 18,
        "yard_staff": 9,
        "border_crossings": "Ambassador Bridge (Windsor-Detroit)\nBlue Water Bridge (Sarnia-Port Huron)\nPeace Bridge (Fort Erie-Buffalo)",
        "lanes": "Mississauga ON → Detroit MI\nMississauga ON → Chicago IL\nMississauga ON → Buffalo NY → Columbus OH",
    },
    "laurentid": {
        "legal_name": "Transports Laurentides inc.",
        "operating_name": "Transports Laurentides",
        "lines_of_business": ["truckload", "ltl"],
        "modes": ["highway"],
        "business_number": "812345676",
        "rm_account": "812345676RM0001",
        "cbsa_carrier_code": "7731",
        "carm_registered": True,
        "scac": "TLAR",
        "usdot_number": "3120458",
        "officer_name": "Chantal Tremblay",
        "officer_title": "Présidente",
        "contact_name": "Chantal Tremblay",
        "contact_email": "chantal@laurentides.example",
        "tractors": 32,
        "dry_vans": 70,
        "company_drivers": 35,
        "owner_operators": 4,
        "office_staff": 6,
        "yard_staff": 3,
        "border_crossings": "Lacolle - Champlain\nStanstead - Derby Line",
        "lanes": "Laval QC → Plattsburgh NY\nLaval QC → Boston MA",
    },
    "prairiex": {
        "legal_name": "Prairie Crossing Carriers Ltd.",
        "operating_name": "Prairie Crossing Carriers",
        "lines_of_business": ["flatbed"],
        "modes": ["highway"],
        "business_number": "755512340",
        "tractors": 7,
        "flatbeds": 12,
        "company_drivers": 6,
        "office_staff": 2,
        "border_crossings": "Emerson - Pembina",
        "lanes": "Winnipeg MB → Fargo ND",
    },
}

SITES = {
    "mapleleaf": [
        (
            "Mississauga terminal",
            "terminal",
            "6850 Columbus Road, Mississauga ON L5T 2G1",
            "Dispatch, maintenance, trailer pool",
            "24/7",
            "2.4 m fence with barbed wire, gatehouse with visitor log, 16 CCTV cameras (30-day retention), LED lighting",
        ),
        (
            "Brampton drop yard",
            "drop_yard",
            "120 Van Kirk Drive, Brampton ON L7A 1B1",
            "Empty and loaded trailer staging",
            "Mon-Sat 05:00-22:00",
            "Fenced, locked gate, lighting, 4 CCTV cameras",
        ),
        (
            "Head office",
            "office",
            "2 Robert Speck Parkway, Mississauga ON L4Z 1H8",
            "Administration, HR, billing",
            "Mon-Fri 08:00-17:00",
            "Badge access, visitor sign-in",
        ),
    ],
    "laurentid": [
        (
            "Terminal de Laval",
            "terminal",
            "3500, boulevard Industriel, Laval QC H7L 4S3",
            "Répartition, entretien, cour des remorques",
            "24 h/24",
            "Clôture de 2,4 m, barrière verrouillée, éclairage DEL, 8 caméras",
        ),
    ],
    "prairiex": [],
}
SAFETY = {
    "mapleleaf": [
        ("ON", "cvor", "123-456-789", "excellent"),
        ("QC", "nsc", "ON1234567", "satisfactory"),
    ],
    "laurentid": [("QC", "nir", "R-512334-7", "satisfactory")],
    "prairiex": [("MB", "nsc", "MB445120", "unaudited")],
}
ANSWERS = {
    "mapleleaf": {**demo_text.MAPLELEAF, **demo_text.MAPLELEAF_CTPAT},
    "laurentid": demo_text.LAURENTID,
    "prairiex": demo_text.PRAIRIEX,
}
REVIEW = {
    "PIP-CORP-04": "accepted",
    "PIP-CORP-02": "accepted",
    "PIP-CARGO-01": "submitted",
    "PIP-CORP-03": "changes_requested",
}
COMMENTS = {
    "mapleleaf": [
        (
            "PIP-CORP-03",
            "carol@northbound.example",
            "Validators will ask when the call tree was last tested. Can we schedule the tabletop before the submission and attach the minutes?",
        ),
        (
            "PIP-CORP-03",
            "alice@mapleleaf.example",
            "Booked for the 14th with dispatch and IT; I'll upload the minutes the same day.",
        ),
        (
            "PIP-CARGO-01",
            "carol@northbound.example",
            "The TydenBrooks certificate expired last month: please upload the renewed one.",
        ),
    ],
}
# Owners must be able to open the profile: carrier staff with a reading role or an assigned
# consultant (field staff such as Bob and Marc do inspections and seals, not the profile).
OWNERS = {
    "mapleleaf": {
        "CORPORATE": "alice@mapleleaf.example",
        "CARGO_CONVEYANCE": "carol@northbound.example",
        "PHYSICAL": "alice@mapleleaf.example",
        "PARTNER": "carol@northbound.example",
    },
    "laurentid": {
        "CORPORATE": "chantal@laurentides.example",
        "CARGO_CONVEYANCE": "dave@northbound.example",
    },
    "prairiex": {},
}
HISTORY = {"mapleleaf": [12, 25, 38, 47, 55, 61, 66], "laurentid": [5, 12, 20, 26], "prairiex": [2]}


def _profile(org: Any, code: str) -> None:
    CarrierProfile.objects.get_or_create(organization=org, defaults=PROFILES[code])
    for name, kind, address, activity, hours, features in SITES[code]:
        Site.objects.get_or_create(
            organization=org,
            name=name,
            defaults={
                "kind": kind,
                "address": address,
                "activity": activity,
                "hours": hours,
                "security_features": features,
            },
        )
    for jurisdiction, kind, number, rating in SAFETY[code]:
        SafetyCertificate.objects.get_or_create(
            organization=org,
            jurisdiction=jurisdiction,
            kind=kind,
            defaults={"number": number, "rating": rating},
        )
    if code == "mapleleaf":
        Division.objects.get_or_create(
            organization=org,
            name="Cross-border truckload",
            defaults={"description": "Dry van and reefer loads to the U.S. Midwest"},
        )


EXTRA_EVIDENCE = {
    "mapleleaf": [
        ("Monthly security verification — October (MLF-SEC-07)", "PIP-CORP-01", 25),
        ("Pre-hire screening procedure and checklist", "PIP-CORP-05", 140),
        ("17-point inspection — sample ELD report", "PIP-CARGO-02", 12),
        ("Shortage and overage log — Q3", "PIP-CARGO-03", 40),
        ("In-bond eManifest with seal number — sample", "PIP-CARGO-04", 20),
        ("Gatehouse visitor log — October", "PIP-PHYS-01", 30),
        ("Fence inspection log — Mississauga terminal", "PIP-PHYS-02", 14),
        ("Yard lighting check log", "PIP-PHYS-04", 14),
        ("Security incident call card (ELD tablet)", "PIP-PHYS-05", 200),
        ("Yard parking plan", "PIP-PHYS-06", 300),
        ("Trusted Trader Portal sign-in screenshot", "PIP-MEM-01", 300),
        ("CARM Client Portal business account", "PIP-MEM-08", 500),
        ("Security committee minutes — Q3", "CTPAT-HC-1.2", 50),
    ],
}


def _extra_evidence(org: Any, code: str, users: dict[str, Any]) -> dict[str, str]:
    """Files of the vault that prove specific answers (uploaded once)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from borderpro.common.samples import pdf_bytes
    from borderpro.evidence.services import evidence_upload

    links = {}
    uploader = users.get(next(iter(OWNERS[code].values()), ""))
    today = org.local_today()
    for index, (title, ref, age) in enumerate(EXTRA_EVIDENCE.get(code, [])):
        if not EvidenceFile.objects.filter(organization=org, title=title).exists():
            evidence_upload(
                actor=uploader,
                organization=org,
                title=title,
                proves=ref,
                upload=SimpleUploadedFile(
                    f"{code}-{ref.lower()}-{index}.pdf", pdf_bytes(title, [org.legal_name, ref])
                ),
                document_date=today - timedelta(days=age),
            )
        links[title] = ref
    return links


def _answers(org: Any, code: str, users: dict[str, Any]) -> None:
    today = org.local_today()
    author = next(iter(OWNERS[code].values()), None)
    actor = users.get(author) if author else None
    extra = _extra_evidence(org, code, users)
    vault = {e.title: e for e in EvidenceFile.objects.filter(organization=org)}
    for ref, (status, narrative, evidence_titles) in ANSWERS[code].items():
        evidence_titles = [*evidence_titles, *(t for t, r in extra.items() if r == ref)]
        response = Response.objects.filter(
            organization=org,
            security_profile__is_primary=True,
            requirement__ref=ref,
            requirement__framework__is_current=True,
        ).first()
        if response is None or response.has_own_answer:
            continue
        response.status, response.narrative, response.updated_by = status, narrative, actor
        response.review_state = REVIEW.get(ref, "draft") if code == "mapleleaf" else "draft"
        response.save()
        for title in evidence_titles:
            if title in vault:
                ResponseEvidence.objects.get_or_create(
                    organization=org, response=response, evidence=vault[title]
                )
    for ref, email, body in COMMENTS.get(code, []):
        response = Response.objects.filter(
            organization=org, security_profile__is_primary=True, requirement__ref=ref
        ).first()
        if (
            response is not None
            and not ResponseComment.objects.filter(
                organization=org, response=response, body=body
            ).exists()
        ):
            ResponseComment.objects.create(
                organization=org, response=response, author=users[email], body=body
            )
    for category_code, email in OWNERS[code].items():
        category = Category.objects.filter(
            framework__code="PIP", framework__is_current=True, code=category_code
        ).first()
        if category is not None and email in users:
            CategoryAssignment.objects.get_or_create(
                organization=org,
                category=category,
                defaults={
                    "owner": users[email],
                    "due_on": today + timedelta(days=21 + 7 * len(category_code) % 30),
                },
            )


def _history(org: Any, code: str) -> None:
    pip = Framework.objects.filter(code="PIP", is_current=True, owner__isnull=True).first()
    if pip is None:
        return
    today: date = org.local_today()
    scores = HISTORY[code]
    for weeks_ago, score in zip(range(len(scores), 0, -1), scores, strict=True):
        ReadinessPoint.objects.get_or_create(
            organization=org,
            security_profile=security_profile_main(org),
            framework=pip,
            day=today - timedelta(weeks=weeks_ago),
            defaults={
                "score": score,
                "must_score": max(0, score - 6),
                "should_score": min(100, score + 8),
                "gaps": 0,
            },
        )


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    """Profiles, responses, evidence links, comments, owners and a readiness history for the demo carriers."""
    if not Framework.objects.filter(owner__isnull=True, code="PIP").exists():
        from borderpro.catalogue.services import catalogue_load_paths

        catalogue_load_paths(actor=None)  # the shipped catalogue: what the demo answers
    for code in ("mapleleaf", "laurentid", "prairiex"):
        org = orgs[code]
        _profile(org, code)
        profile = CarrierProfile.objects.get(organization=org)
        for framework in frameworks_pursued(org):
            responses_ensure(
                organization=org,
                requirements=applicable_requirements(org, framework, profile.modes),
            )
        _answers(org, code, users)
        _history(org, code)
        for framework in frameworks_pursued(org):
            readiness_record(organization=org, framework_id=framework.pk)
        if code == "mapleleaf":
            _divisions(org, users, profile)


LTL_ANSWERS = {
    # the LTL division's own answers where it differs from the truckload division
    "PIP-CARGO-04": (
        "partial",
        "LTL pick-up and delivery trailers are padlocked between stops; the ISO 17712 seal goes "
        "on at the Mississauga cross-dock after consolidation, and its number is written on the "
        "line-haul manifest. The padlock register is kept by the dock lead.",
    ),
}


def _divisions(org: Any, users: dict[str, Any], profile: CarrierProfile) -> None:
    """Maple Leaf runs two divisions: cross-border truckload (the main profile) and LTL (its
    own profile, answers shared with the main one except where LTL works differently)."""
    truckload = Division.objects.get(organization=org, name="Cross-border truckload")
    ltl, _created = Division.objects.get_or_create(
        organization=org,
        name="Less-than-truckload (LTL)",
        defaults={"description": "Consolidated pick-up and delivery freight through Mississauga"},
    )
    main = security_profile_main(org)
    if main.division_id is None:
        security_profile_start(actor=None, organization=org, division=truckload, use_main=True)
    ltl_profile = SecurityProfile.objects.filter(organization=org, division=ltl).first()
    if ltl_profile is None:
        ltl_profile = security_profile_start(
            actor=None, organization=org, division=ltl, share_answers=True
        )
    for framework in frameworks_pursued(org):
        responses_ensure(
            organization=org,
            requirements=applicable_requirements(org, framework, profile.modes),
            security_profile=ltl_profile,
        )
    for ref, (status, narrative) in LTL_ANSWERS.items():
        response = Response.objects.filter(
            organization=org, security_profile=ltl_profile, requirement__ref=ref
        ).first()
        if response is None or (response.same_as_id is None and response.has_own_answer):
            continue
        response.same_as, response.status, response.narrative = None, status, narrative
        response.save()
    for framework in frameworks_pursued(org):
        readiness_record(organization=org, framework_id=framework.pk, security_profile=ltl_profile)
