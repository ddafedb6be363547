"""Demo data: a consultancy, its consultants and three client carriers. Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django_scopes import scopes_disabled

from borderpro.accounts.models import User
from borderpro.common.samples import pdf_bytes, png_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_upload
from borderpro.organizations.activity import activity_record
from borderpro.organizations.models import (
    ClientLink,
    ConsultantAssignment,
    Membership,
    Organization,
)
from borderpro.organizations.roles import Role

DEMO_PASSWORD = "borderpro-demo"

# email, full name, what the sign-in page says about them, language
DEMO_USERS = [
    ("carol@northbound.example", "Carol Nguyen", "consultant (Northbound Compliance)", "en"),
    (
        "dave@northbound.example",
        "Dave Okafor",
        "consultant administrator (Northbound Compliance)",
        "en",
    ),
    ("alice@mapleleaf.example", "Alice Martin", "carrier admin (Maple Leaf Freightways)", "en"),
    ("bob@mapleleaf.example", "Bob Singh", "field staff (Maple Leaf Freightways)", "en"),
    (
        "chantal@laurentides.example",
        "Chantal Tremblay",
        "administratrice (Transports Laurentides)",
        "fr",
    ),
    (
        "marc@laurentides.example",
        "Marc Gagnon",
        "personnel de terrain (Transports Laurentides)",
        "fr",
    ),
    (
        "priya@prairiecrossing.example",
        "Priya Desai",
        "carrier owner (Prairie Crossing Carriers)",
        "en",
    ),
]

CONSULTANCY: dict[str, Any] = {
    "code": "northbnd",
    "name": "Northbound Compliance Group",
    "legal_name": "Northbound Compliance Group Inc.",
    "kind": "consultancy",
    "country": "CA",
    "region": "ON",
    "city": "Toronto",
    "time_zone": "America/Toronto",
    "language": "en",
    "require_mfa": False,
}
CARRIERS: list[dict[str, Any]] = [
    {
        "code": "mapleleaf",
        "name": "Maple Leaf Freightways",
        "legal_name": "Maple Leaf Freightways Ltd.",
        "kind": "client",
        "business_type": "highway_carrier",
        "country": "CA",
        "region": "ON",
        "city": "Mississauga",
        "time_zone": "America/Toronto",
        "language": "en",
    },
    {
        "code": "laurentid",
        "name": "Transports Laurentides",
        "legal_name": "Transports Laurentides inc.",
        "kind": "client",
        "business_type": "highway_carrier",
        "country": "CA",
        "region": "QC",
        "city": "Laval",
        "time_zone": "America/Toronto",
        "language": "fr",
    },
    {
        "code": "prairiex",
        "name": "Prairie Crossing Carriers",
        "legal_name": "Prairie Crossing Carriers Ltd.",
        "kind": "client",
        "business_type": "highway_carrier",
        "country": "CA",
        "region": "MB",
        "city": "Winnipeg",
        "time_zone": "America/Winnipeg",
        "language": "en",
    },
]
MEMBERSHIPS = [
    ("carol@northbound.example", "northbnd", Role.CONSULTANT),
    ("dave@northbound.example", "northbnd", Role.CONSULTANT_ADMIN),
    ("alice@mapleleaf.example", "mapleleaf", Role.ADMIN),
    ("bob@mapleleaf.example", "mapleleaf", Role.FIELD_STAFF),
    ("chantal@laurentides.example", "laurentid", Role.ADMIN),
    ("marc@laurentides.example", "laurentid", Role.FIELD_STAFF),
    ("priya@prairiecrossing.example", "prairiex", Role.OWNER),
]
ASSIGNMENTS = [
    ("carol@northbound.example", "mapleleaf"),
    ("carol@northbound.example", "prairiex"),
    ("dave@northbound.example", "laurentid"),
]

EVIDENCE: dict[str, list[tuple[str, str, str, int, int | None]]] = {
    "mapleleaf": [
        (
            "Statement of support — signed by the President",
            "pdf",
            "PIP corporate security: signed statement of support, posted at every terminal",
            300,
            65,
        ),
        (
            "Supply chain risk assessment 2026",
            "pdf",
            "Written risk assessment reviewed yearly",
            120,
            245,
        ),
        (
            "Seal storage cabinet — Mississauga yard",
            "png",
            "High-security seals stored in a locked cabinet",
            40,
            None,
        ),
        (
            "Security awareness training roster — March",
            "pdf",
            "Staff trained on supply chain security and suspicious activity",
            250,
            115,
        ),
        (
            "ISO 17712 class H seal certificate — TydenBrooks",
            "pdf",
            "Seals meet ISO 17712 high security",
            400,
            -20,
        ),
    ],
    "laurentid": [
        (
            "Énoncé de soutien — signé par la présidente",
            "pdf",
            "Sécurité de l'entreprise : énoncé de soutien signé",
            200,
            165,
        ),
        ("Registre des scellés — septembre", "pdf", "Registre de contrôle des scellés", 60, None),
        (
            "Photo du stationnement clôturé — Laval",
            "png",
            "Clôture et éclairage du périmètre",
            90,
            None,
        ),
    ],
    "prairiex": [
        ("Driver FAST card list", "pdf", "Drivers hold valid FAST cards", 30, 40),
    ],
}


class Command(BaseCommand):
    help = "Load the demo consultancy, carriers, people and evidence (safe to run again)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only seed a new database (one without users); always print the demo logins",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and User.objects.exists():
            self._print_logins(seeded=False)
            return
        with scopes_disabled(), transaction.atomic():
            users = self._users()
            orgs = self._organizations()
            for email, code, role in MEMBERSHIPS:
                Membership.objects.update_or_create(
                    user=users[email], organization=orgs[code], defaults={"role": role}
                )
            for carrier in CARRIERS:
                ClientLink.objects.get_or_create(
                    consultancy=orgs["northbnd"], client=orgs[carrier["code"]]
                )
            for email, code in ASSIGNMENTS:
                link = ClientLink.objects.get(consultancy=orgs["northbnd"], client=orgs[code])
                ConsultantAssignment.objects.get_or_create(link=link, user=users[email])
            self._evidence(users, orgs)
            from borderpro.operations.demo import seed as seed_operations

            seed_operations(orgs, users)
            from borderpro.profiles.demo import seed as seed_profiles

            seed_profiles(orgs, users)
            from borderpro.catalogue.demo import seed as seed_catalogue

            seed_catalogue(orgs["northbnd"], users["dave@northbound.example"])
            from borderpro.people.demo import seed as seed_people

            seed_people(orgs, users)
            from borderpro.programs.demo import seed as seed_programs

            seed_programs(orgs, users)
        self._print_logins(seeded=True)

    def _print_logins(self, *, seeded: bool) -> None:
        if seeded:
            self.stdout.write(self.style.SUCCESS("Demo data ready."))
        if not User.objects.filter(email=DEMO_USERS[0][0]).exists():
            return
        self.stdout.write(f"Demo sign-ins (password for every demo user: {DEMO_PASSWORD}):")
        for email, _name, what, _lang in DEMO_USERS:
            self.stdout.write(f"  {email:34} {what}")

    def _users(self) -> dict[str, User]:
        users = {}
        for email, name, _what, language in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email, DEMO_PASSWORD, full_name=name, language=language
                )
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            users[email] = user
        return users

    def _organizations(self) -> dict[str, Organization]:
        orgs: dict[str, Organization] = {}
        for spec in [CONSULTANCY, *CARRIERS]:
            fields = dict(spec)
            code = fields.pop("code")
            org, created = Organization.objects.update_or_create(code=code, defaults=fields)
            if created:
                activity_record(
                    organization=org,
                    actor=None,
                    verb="organization.created",
                    target=org,
                    name=org.name,
                )
            orgs[code] = org
        return orgs

    def _evidence(self, users: dict[str, User], orgs: dict[str, Organization]) -> None:
        uploader = {
            "mapleleaf": "alice@mapleleaf.example",
            "laurentid": "chantal@laurentides.example",
            "prairiex": "priya@prairiecrossing.example",
        }
        today = date.today()
        for code, items in EVIDENCE.items():
            org = orgs[code]
            for index, (title, kind, proves, age_days, expires_in) in enumerate(items):
                if EvidenceFile.objects.filter(organization=org, title=title).exists():
                    continue
                if kind == "pdf":
                    content, name = (
                        pdf_bytes(title, [org.legal_name, proves]),
                        f"{code}-{index + 1}.pdf",
                    )
                else:
                    content, name = (
                        png_bytes(96 + index * 8, 64, (30 + index * 40, 90, 120)),
                        f"{code}-{index + 1}.png",
                    )
                evidence_upload(
                    actor=users[uploader[code]],
                    organization=org,
                    upload=SimpleUploadedFile(name, content),
                    title=title,
                    proves=proves,
                    document_date=today - timedelta(days=age_days),
                    expires_on=(today + timedelta(days=expires_in))
                    if expires_in is not None
                    else None,
                )
