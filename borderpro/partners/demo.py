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


# Codes for the sub-carriers, and the loads the seal log notes with them (days ago, trip).
SUBCARRIER_CODES = {"Ridgeway Transport": "RDG", "Quick Lane Carriers": "QLC"}
SUBCARRIER_LOADS = [("QLC", 3, "MLF-0312"), ("QLC", 9, "MLF-0288"), ("RDG", 5, "MLF-0301")]


def seed_questionnaires(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    """Question sets from the catalogue, a questionnaire sent and not yet answered, one
    answered and awaiting review, the answer library drafted from the security profile, and
    three loads given to sub-carriers in the seal log. Idempotent."""
    from django.utils import timezone

    from borderpro.partners import library, questionnaires
    from borderpro.partners.models import QuestionSet

    org = orgs.get("mapleleaf")
    if org is None or QuestionSet.objects.filter(organization=org).exists():
        return
    actor = users.get(ACTOR)
    questionnaires.question_sets_seed(actor=actor, organization=org)
    by_name = {p.name: p for p in Partner.objects.filter(organization=org)}
    for name, code in SUBCARRIER_CODES.items():
        if name in by_name:
            services.partner_update(actor=actor, organization=org, partner=by_name[name], code=code)
    now = timezone.now()
    sentinel = by_name.get("Sentinel Yard Security")
    if sentinel is not None:
        qset = QuestionSet.objects.get(organization=org, partner_kind=sentinel.kind)
        questionnaires.questionnaire_send(
            actor=actor,
            organization=org,
            partner=sentinel,
            question_set=qset,
            now=now - timedelta(days=9),
        )
    quick = by_name.get("Quick Lane Carriers")
    if quick is not None:
        qset = QuestionSet.objects.get(organization=org, partner_kind=quick.kind)
        sent = questionnaires.questionnaire_send(
            actor=actor,
            organization=org,
            partner=quick,
            question_set=qset,
            now=now - timedelta(days=6),
        )
        texts = {item["key"]: _answer_for(item) for item in sent.questionnaire.questions}
        questionnaires.answers_save(
            questionnaire=sent.questionnaire, texts=texts, files={}, submit=True, now=now
        )
    library.library_draft_from_profile(actor=actor, organization=org)
    _loads(org, actor, now)


ANSWERS = {
    "": "Not certified yet; we are preparing our C-TPAT application this year.",
    "5": "Drivers do the 17-point inspection before every cross-border trip; logs kept 1 year.",
    "6": "ISO 17712 high-security bolt seals only; VVTT at pickup and after every stop.",
    "7": "Written procedures for cargo pickup and delivery; reviewed yearly by our manager.",
    "10": "Badge access at the terminal; visitors signed in and escorted.",
    "11": "Background checks before hiring; re-checked every three years.",
    "12": "Security and threat awareness training at hiring and yearly.",
}


def _answer_for(item: dict[str, Any]) -> str:
    topic = item.get("topic") or ""  # e.g. "CTPAT-HC 5"
    code = topic.split(" ")[1] if topic.count(" ") else ""
    return ANSWERS.get(code, ANSWERS["7"] if code else ANSWERS[""])


def _loads(org: Any, actor: Any, now: Any) -> None:
    from uuid import uuid5

    from borderpro.operations.models import Unit
    from borderpro.operations.services import seal_event_record

    unit = Unit.objects.filter(organization=org, kind__in=("trailer", "container")).first()
    if unit is None:
        return
    for index, (code, days, trip) in enumerate(SUBCARRIER_LOADS):
        seal_event_record(
            actor=actor,
            organization=org,
            client_id=uuid5(org.pk, f"partners-demo-load-{index}"),
            seal_number=f"SUB{index + 1:05d}",
            kind="affixed",
            actor_name="Dispatch",
            occurred_at=now - timedelta(days=days),
            unit=unit,
            trip_ref=trip,
            shipper="Northern Foods Distribution",
            subcarrier_code=code,
        )
