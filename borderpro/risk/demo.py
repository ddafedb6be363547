"""Demo risk assessments: Maple Leaf Freightways has last year's assessment complete and
approved, and this year's draft started from it. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from borderpro.risk import services, threats
from borderpro.risk.models import Assessment

RATINGS = {
    "terrorism": (
        1,
        "No specific threat reported on our lanes; U.S.-bound loads cross at three Ontario bridges.",
    ),
    "contraband": (
        2,
        "Narcotics seizures in trailers are the main reason carriers lose PIP/C-TPAT status; our lanes cross at high-volume bridges.",
    ),
    "human-smuggling": (1, "Drivers run short stops only; no incident in our history."),
    "organized-crime": (1, "Subcontracted drayage is the exposure; partners screened yearly."),
    "cargo-theft": (
        2,
        "Loaded trailers wait overnight at the Mississauga yard and at truck stops on the Chicago lane.",
    ),
    "agricultural": (
        1,
        "Wood pallets and general freight; pest checks are part of the trailer inspection.",
    ),
    "cyber": (1, "Dispatch and e-manifests run on a hosted TMS; one phishing attempt last year."),
    "insider": (1, "Small office team; access badges and background checks in place."),
    "public-safety": (1, "Winter storms on Highway 401 interrupt trade a few days a year."),
}
FLOW_DETAIL = {
    "partners": "Lakeshore Cartage — drayage Mississauga yard\nClearPath Customs Brokers — customs broker",
    "data_flow": (
        "us → ClearPath Customs Brokers: ACI e-manifest, seal numbers\n"
        "us → Lakeshore Cartage: pickup order, seal numbers\n"
        "ClearPath Customs Brokers → CBP: ACE e-manifest"
    ),
}
ACTIONS = [
    (
        "Add a second seal verification (VVTT) at the Mississauga yard gate",
        "Yard supervisor",
        3,
        31,
        "done",
    ),
    ("Move overnight trailers into the camera-covered row", "Terminal manager", 5, 31, "done"),
    ("Phishing awareness training for dispatch", "Office manager", 9, 30, "in_progress"),
    ("Written no-stop policy within 100 km of the border", "Safety manager", 11, 30, "planned"),
]


def _at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(15, 0)))


def _fill(a: Assessment, organization: Any, year: int) -> None:
    flows = list(a.flows.all())
    for flow in flows:
        services.flow_update(actor=None, organization=organization, flow=flow, **FLOW_DETAIL)
    for code in threats.codes():
        level, why = RATINGS[code]
        services.threat_rate(
            actor=None,
            organization=organization,
            assessment=a,
            threat=code,
            level=level,
            justification=why,
        )
    detroit = next((f for f in flows if "Detroit" in f.destination), None)
    if detroit is not None:
        services.threat_rate(
            actor=None,
            organization=organization,
            assessment=a,
            threat="contraband",
            level=2,
            flow=detroit,
            justification="Ambassador Bridge: highest-volume crossing; most seizures reported there.",
        )
    vulns = list(a.vulnerabilities.select_related("category"))
    for (title, owner, month, day, status), vuln in zip(ACTIONS, vulns[4:] + vulns, strict=False):
        services.action_create(
            actor=None,
            organization=organization,
            assessment=a,
            title=title,
            owner=owner,
            due_on=date(year, month, day),
            status=status,
            progress=50 if status == "in_progress" else 0,
            completed_on=date(year, month, max(1, day - 10)) if status == "done" else None,
            vulnerability=vuln,
        )
    top = a.size - 1
    ws_vulns = {v.pk for v in a.vulnerabilities.all()}
    from borderpro.risk import selectors

    ws = selectors.workspace(a)
    covered = {x.vulnerability_id for x in ws.actions}
    for risk in ws.risks:
        if (
            risk.level == top
            and risk.vulnerability.pk in ws_vulns
            and risk.vulnerability.pk not in covered
        ):
            services.action_create(
                actor=None,
                organization=organization,
                assessment=a,
                # last year's plan was carried out: these are closed, not overdue for a year
                title=f"Close the remaining gaps in “{risk.category.title}”",
                owner="Alice Martin",
                due_on=date(year, 12, 15),
                status="done",
                progress=100,
                completed_on=date(year, 11, 28),
                vulnerability=risk.vulnerability,
            )
            covered.add(risk.vulnerability.pk)


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    org = orgs.get("mapleleaf")
    if org is None or Assessment.objects.filter(organization=org).exists():
        return
    today = org.local_today()
    last = today.year - 1
    a = services.assessment_create(
        actor=None, organization=org, year=last, assessed_on=date(last, 2, 20)
    )
    services.assessment_update(
        actor=None,
        organization=org,
        assessment=a,
        participants="Jean-Paul Roy — President (company officer)\nAlice Martin — Compliance lead\nCarol Nguyen — Consultant, Northbound Compliance\nSandeep Gill — Driver representative",
    )
    _fill(a, org, last)
    signer = users.get("alice@mapleleaf.example")
    services._sign(
        actor=signer,
        organization=org,
        assessment=a,
        step="submitted",
        signer_name="Carol Nguyen",
        signer_title="Consultant",
        when=_at(date(last, 3, 10)),
    )
    services._sign(
        actor=signer,
        organization=org,
        assessment=a,
        step="approved",
        signer_name="Alice Martin",
        signer_title="Compliance lead",
        when=_at(date(last, 3, 14)),
    )
    a.refresh_from_db()
    services.assessment_start_next(actor=None, organization=org, previous=a, year=today.year)
