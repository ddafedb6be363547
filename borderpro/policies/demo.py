"""Demo policies: Maple Leaf Freightways has its whole manual drafted from its profile; the
first procedures are approved by Alice (carrier admin), some published and acknowledged,
one edited after approval (a new draft waiting for signature). Transports Laurentides has
its manual drafted in French, its statement of support and seal control approved and
published by Chantal. Idempotent."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from borderpro.policies import services
from borderpro.policies.models import Document

APPROVED = (
    "statement-of-support",
    "security-program",
    "risk-assessment",
    "seal-control",
    "conveyance-inspection",
    "incident-reporting",
    "access-control",
    "cybersecurity",
)
PUBLISHED = ("statement-of-support", "seal-control", "conveyance-inspection", "incident-reporting")


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    _seed_mapleleaf(orgs, users)
    _seed_laurentides(orgs, users)


def _seed_laurentides(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    org = orgs.get("laurentid")
    if org is None or Document.objects.filter(organization=org).exists():
        return
    chantal = users.get("chantal@laurentides.example")
    docs = services.manual_generate(actor=chantal, organization=org, language="fr")
    by_key = {d.key: d for d in docs}
    when = timezone.now() - timedelta(days=20)
    for key in ("statement-of-support", "seal-control"):
        doc = by_key.get(key)
        if doc is None:
            continue
        services.document_sign(
            actor=chantal,
            organization=org,
            document=doc,
            step="approved",
            signer_name="Chantal Tremblay",
            signer_title="Présidente",
            password="",
            when=when,
            reauthenticated=True,
        )
        services.document_publish(
            actor=chantal, organization=org, document=Document.objects.get(pk=doc.pk)
        )


def _seed_mapleleaf(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    org = orgs.get("mapleleaf")
    if org is None or Document.objects.filter(organization=org).exists():
        return
    alice = users.get("alice@mapleleaf.example")
    carol = users.get("carol@northbound.example")
    docs = services.manual_generate(actor=carol, organization=org, language="en")
    by_key = {d.key: d for d in docs}
    when = timezone.now() - timedelta(days=40)
    for key in APPROVED:
        doc = by_key.get(key)
        if doc is None:
            continue
        services.document_sign(
            actor=alice,
            organization=org,
            document=doc,
            step="approved",
            signer_name="Alice Martin",
            signer_title="Compliance lead",
            password="",
            when=when,
            reauthenticated=True,
        )
    for key in PUBLISHED:
        doc = Document.objects.get(pk=by_key[key].pk)
        services.document_publish(actor=alice, organization=org, document=doc)
    _acknowledge(org, alice, Document.objects.get(pk=by_key["seal-control"].pk))
    cyber = Document.objects.get(pk=by_key["cybersecurity"].pk)
    services.document_edit(
        actor=carol,
        organization=org,
        document=cyber,
        title=cyber.title,
        body=cyber.body.replace(
            "A restore is tested twice a year.",
            "A restore is tested twice a year (April and October) by the IT provider, "
            "and the result is sent to the office manager.",
        ),
        note="Restore tests: months and who receives the result",
    )


def _acknowledge(org: Any, actor: Any, doc: Document) -> None:
    from borderpro.people.models import Employee

    employees = list(
        Employee.objects.filter(organization=org, active=True, role__in=doc.applies_to)
    )
    half = employees[: max(1, len(employees) // 2)]
    if half:
        services.acknowledgements_record(
            actor=actor,
            organization=org,
            document=doc,
            employees=half,
            acknowledged_on=org.local_today() - timedelta(days=20),
        )
