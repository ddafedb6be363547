"""Demo business partners of Maple Leaf Freightways: a dozen of mixed types, some certified
with proof, one re-screening overdue, one sub-carrier neither certified nor under contract.
Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.samples import pdf_bytes
from borderpro.evidence.services import evidence_upload
from borderpro.partners import services
from borderpro.partners.models import Partner

ACTOR = "alice@mapleleaf.example"

# name, type, country, services, (program, number, verified days ago) or None,
# (days ago screened, outcome) or None, written contract days ago or None
PARTNERS: list[tuple[str, str, str, str, Any, Any, int | None]] = [
    (
        "Northern Foods Distribution",
        "shipper",
        "CA",
        "Frozen food, Toronto to Chicago",
        ("ctpat", "SVI-4821-7730", 12),
        None,
        None,
    ),
    (
        "Great Lakes Auto Parts",
        "shipper",
        "US",
        "Auto parts, Detroit to Windsor",
        ("ctpat", "SVI-1190-2284", 20),
        None,
        None,
    ),
    ("Bayview Retail Group", "shipper", "CA", "Retail goods", None, (200, "approved"), None),
    (
        "Ridgeway Transport",
        "sub_carrier",
        "CA",
        "Overflow loads Ontario to Michigan",
        ("pip", "CA8812345678", 25),
        None,
        400,
    ),
    ("Prairie Haul Ltd.", "sub_carrier", "CA", "Flatbed, Prairies", None, (300, "approved"), 300),
    ("Quick Lane Carriers", "sub_carrier", "US", "Spot loads to Ohio", None, None, None),
    (
        "D. Kowalski (owner-operator)",
        "owner_operator",
        "CA",
        "Dedicated Mississauga to Buffalo",
        None,
        (400, "approved_conditions"),
        800,
    ),
    (
        "Border Customs Brokerage",
        "customs_broker",
        "CA",
        "Customs clearance, ACI/ACE eManifest",
        ("pip", "CA7740012345", 5),
        None,
        None,
    ),
    (
        "Milton Cross-Dock",
        "warehouse",
        "CA",
        "Cross-dock and trailer storage",
        None,
        (420, "corrective_action"),
        None,
    ),
    (
        "CloudTrack Telematics",
        "it_provider",
        "US",
        "ELD and GPS tracking",
        None,
        (90, "approved"),
        None,
    ),
    (
        "Sentinel Yard Security",
        "security_contractor",
        "CA",
        "Night guards, Mississauga yard",
        None,
        None,
        None,
    ),
    (
        "Monterrey Logistica",
        "sub_carrier",
        "MX",
        "Drayage Laredo to Monterrey",
        ("mx_neec", "NEEC-55102", 40),
        None,
        200,
    ),
]


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    org = orgs.get("mapleleaf")
    if org is None or Partner.objects.filter(organization=org).exists():
        return
    actor = users.get(ACTOR)
    today = org.local_today()
    for name, kind, country, offered, cert, screening, contract in PARTNERS:
        partner = services.partner_create(
            actor=actor,
            organization=org,
            name=name,
            kind=kind,
            country=country,
            services=offered,
            contact_name="",
            written_contract_on=(today - timedelta(days=contract)) if contract else None,
        )
        if cert:
            _certify(org, actor, partner, today, *cert)
        if screening:
            days, outcome = screening
            services.screening_record(
                actor=actor,
                organization=org,
                partner=partner,
                screened_on=today - timedelta(days=days),
                outcome=outcome,
                notes="Security questionnaire returned and reviewed.",
            )


def _certify(
    org: Any, actor: Any, partner: Partner, today: date, program: str, number: str, days: int
) -> None:
    verified = today - timedelta(days=days)
    proof = evidence_upload(
        actor=actor,
        organization=org,
        upload=SimpleUploadedFile(
            f"{partner.name[:40]} status.pdf",
            pdf_bytes(f"{partner.name}: {program.upper()} status", [number, verified.isoformat()]),
        ),
        title=f"{partner.name} — {program.upper()} status",
        proves="Business partner certification status",
        document_date=verified,
    )
    services.certification_add(
        actor=actor,
        organization=org,
        partner=partner,
        program=program,
        number=number,
        verified_on=verified,
        evidence=proof,
    )
