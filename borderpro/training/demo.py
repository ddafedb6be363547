"""Demo training: a year and a half of sessions at Maple Leaf with realistic gaps (a new
hire not yet trained, yearly refreshers lapsed, a knowledge check failed), a French history at
Transports Laurentides (one refresher lapsed by a few weeks), and a seminar of the consultancy
with registrations, one of them waiting for a seat. Idempotent."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from borderpro.people.models import Employee
from borderpro.training import services
from borderpro.training.courses import sync_courses
from borderpro.training.models import Course, Seminar, TrainingSession

# (course code, days ago, trainer, topics, names who attended, names who failed the check)
SESSIONS = [
    (
        "security-awareness",
        420,
        "Diane Fortin",
        "Security commitment; threats at the yard; challenging visitors; reporting.",
        ["Bob Martin", "Gary Olsen", "Alice Moreau", "Maria Santos", "Linda Park", "Nadia Haddad"],
        [],
    ),
    (
        "security-awareness",
        200,
        "Diane Fortin",
        "Refresher: internal conspiracies, recent incidents in the industry.",
        ["Sandeep Gill", "Harpreet Sandhu", "Paul Nguyen", "Robert Blais", "Diane Fortin"],
        [],
    ),
    (
        "conveyance-inspection",
        330,
        "Robert Blais",
        "17-point inspection on a tractor and a reefer trailer; hidden compartments.",
        ["Bob Martin", "Sandeep Gill", "Gary Olsen", "Maria Santos", "Robert Blais"],
        ["Gary Olsen"],
    ),
    (
        "seal-control",
        90,
        "Robert Blais",
        "ISO 17712 seals, the seal log, VVTT at pick-up and after stops.",
        ["Bob Martin", "Sandeep Gill", "Harpreet Sandhu", "Alice Moreau", "Maria Santos"],
        [],
    ),
    (
        "incident-reporting",
        500,
        "Linda Park",
        "Who to call, what to record, what not to touch.",
        [
            "Bob Martin",
            "Sandeep Gill",
            "Gary Olsen",
            "Alice Moreau",
            "Maria Santos",
            "Diane Fortin",
        ],
        [],
    ),
    (
        "cybersecurity",
        60,
        "Paul Nguyen",
        "Phishing examples, multi-factor sign-in, lost phones.",
        ["Alice Moreau", "Nadia Haddad", "Linda Park", "Paul Nguyen", "Diane Fortin"],
        [],
    ),
]

# Transports Laurentides works in French: its sessions are recorded in French.
SESSIONS_FR = [
    (
        "security-awareness",
        160,
        "Chantal Tremblay",
        "Engagement de sécurité; menaces au terminal; visiteurs; signalement.",
        ["Marc Gagnon", "Luc Bergeron"],
        [],
    ),
    (
        "conveyance-inspection",
        240,
        "Chantal Tremblay",
        "Inspection en 17 points d'un tracteur et d'une remorque; compartiments cachés.",
        ["Marc Gagnon", "Luc Bergeron"],
        [],
    ),
    (
        "seal-control",
        400,
        "Chantal Tremblay",
        "Scellés ISO 17712, registre des scellés, VVTT au chargement et après chaque arrêt.",
        ["Marc Gagnon", "Luc Bergeron"],
        [],
    ),
    (
        "incident-reporting",
        120,
        "Chantal Tremblay",
        "Qui appeler, quoi consigner, à quoi ne pas toucher.",
        ["Marc Gagnon", "Luc Bergeron"],
        ["Luc Bergeron"],
    ),
    (
        "pest-awareness",
        300,
        "Chantal Tremblay",
        "Organismes nuisibles, palettes de bois, nettoyage des remorques.",
        ["Marc Gagnon", "Luc Bergeron"],
        [],
    ),
    (
        "cybersecurity",
        90,
        "Chantal Tremblay",
        "Hameçonnage, authentification multifacteur, téléphones perdus.",
        ["Marc Gagnon", "Luc Bergeron"],
        [],
    ),
]


def _training(org: Any, today: date, sessions: list, location: str) -> None:
    people = {e.full_name: e for e in Employee.objects.filter(organization=org)}
    for code, days, trainer, topics, names, failed in sessions:
        course = Course.objects.get(code=code)
        held = today - timedelta(days=days)
        session = services.session_create(
            actor=None,
            organization=org,
            course=course,
            held_on=held,
            trainer=trainer,
            topics=topics,
            location=location,
        )
        for name in names:
            employee = people.get(name)
            if employee is None:
                continue
            record = services.record_add(
                actor=None,
                organization=org,
                employee=employee,
                course=course,
                completed_on=held,
                session=session,
                signed_name=name,
            )
            if course.questions:
                wrong = name in failed
                answers = {
                    i: (q["answer"] + 1) % len(q["options_en"]) if wrong else q["answer"]
                    for i, q in enumerate(course.questions)
                }
                services.knowledge_check_record(
                    actor=None, organization=org, record=record, answers=answers
                )


def _seminar(consultancy: Any, today: date) -> None:
    zone = ZoneInfo(consultancy.time_zone)
    starts = datetime.combine(today + timedelta(days=24), time(9, 0), tzinfo=zone)
    seminar = services.seminar_save(
        actor=None,
        organization=consultancy,
        title="PIP and C-TPAT for highway carriers: a practical morning",
        description=(
            "What validators ask to see, how to run the 17-point inspection and seal checks, "
            "and how to keep training records that hold up. Coffee included."
        ),
        course=Course.objects.get(code="security-awareness"),
        starts_at=starts,
        duration_minutes=210,
        place="Hotel Windsor Riverside, 333 Riverside Dr W, Windsor ON",
        online=False,
        capacity=5,
        price=Decimal("149.00"),
        language="en",
        published=True,
    )
    services.seminar_save(
        actor=None,
        organization=consultancy,
        title="PEP et C-TPAT : séance en ligne",
        description="Les exigences de base et les registres de formation, en français.",
        course=Course.objects.get(code="security-awareness"),
        starts_at=starts + timedelta(days=14),
        duration_minutes=120,
        place="",
        online=True,
        online_url="https://meet.example.com/pep-ctpat",
        capacity=40,
        price=Decimal("0"),
        language="fr",
        published=True,
    )
    for name, email, company in [
        ("Jasmine Roy", "jasmine.roy@example.com", "Roy Cartage"),
        ("Omar Farouk", "omar@example.com", "Farouk Freight"),
        ("Kim Le", "kim.le@example.com", "Le Transport"),
        ("Sam Wood", "sam.wood@example.com", "Wood Logistics"),
    ]:
        services.registration_create(seminar=seminar, full_name=name, email=email, company=company)


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    sync_courses(Course)
    today = date.today()
    maple = orgs.get("mapleleaf")
    if maple is not None and not TrainingSession.objects.filter(organization=maple).exists():
        _training(maple, today, SESSIONS, "Windsor terminal, training room")
    laurentides = orgs.get("laurentid")
    if (
        laurentides is not None
        and not TrainingSession.objects.filter(organization=laurentides).exists()
    ):
        _training(laurentides, today, SESSIONS_FR, "Terminal de Laval, salle de formation")
    consultancy = orgs.get("northbnd")
    if consultancy is not None and not Seminar.objects.filter(organization=consultancy).exists():
        _seminar(consultancy, today)
