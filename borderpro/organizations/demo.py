"""Demo tenancy: a consultancy, its consultants and three client carriers with their people.

The first demo seeder (``seed_demo`` runs it before every other one): it creates the demo
users and organizations and hands them to the others in ``orgs`` (by code) and ``users``
(by email). Idempotent.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password

from borderpro.accounts.models import User
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


def demo_logins() -> list[tuple[str, str]]:
    """(email, who) of every demo user, for the sign-in page."""
    return [(email, what) for email, _name, what, _lang in DEMO_USERS]


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    users.update(_users())
    orgs.update(_organizations())
    for email, code, role in MEMBERSHIPS:
        _ensure(Membership, {"user": users[email], "organization": orgs[code]}, {"role": role})
    for carrier in CARRIERS:
        ClientLink.objects.get_or_create(consultancy=orgs["northbnd"], client=orgs[carrier["code"]])
    for email, code in ASSIGNMENTS:
        link = ClientLink.objects.get(consultancy=orgs["northbnd"], client=orgs[code])
        ConsultantAssignment.objects.get_or_create(link=link, user=users[email])


def _users() -> dict[str, User]:
    users = {}
    hashed = ""
    for email, name, _what, language in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            # Every demo user has the same (published) password: hashed once, not once per
            # user (each hash costs the full key-derivation time on purpose).
            hashed = hashed or make_password(DEMO_PASSWORD)
            user = User.objects.create(
                email=email, full_name=name, language=language, password=hashed
            )
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        users[email] = user
    return users


def _organizations() -> dict[str, Organization]:
    orgs: dict[str, Organization] = {}
    for spec in [CONSULTANCY, *CARRIERS]:
        fields = dict(spec)
        code = fields.pop("code")
        org, created = _ensure(Organization, {"code": code}, fields)
        if created:
            activity_record(
                organization=org, actor=None, verb="organization.created", target=org, name=org.name
            )
        orgs[code] = org
    return orgs


def _ensure(model: Any, lookup: dict[str, Any], fields: dict[str, Any]) -> tuple[Any, bool]:
    """The row as the demo describes it; saved (and so recorded in history) only when it differs."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        return model.objects.create(**lookup, **fields), True
    changed = [name for name, value in fields.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, fields[name])
        row.save(update_fields=changed)
    return row, False
