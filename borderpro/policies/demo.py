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
    keys = ("statement-of-support", "seal-control")
    signer = (chantal, "Chantal Tremblay", "Présidente")
    _approve_and_publish(org, docs, keys, keys, signer, timezone.now() - timedelta(days=20))


def _seed_mapleleaf(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    org = orgs.get("mapleleaf")
    if org is None or Document.objects.filter(organization=org).exists():
        return
    alice = users.get("alice@mapleleaf.example")
    carol = users.get("carol@northbound.example")
    docs = services.manual_generate(actor=carol, organization=org, language="en")
    by_key = {d.key: d for d in docs}
    signer = (alice, "Alice Martin", "Compliance lead")
    _approve_and_publish(
        org, docs, APPROVED, PUBLISHED, signer, timezone.now() - timedelta(days=40)
    )
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


def _approve_and_publish(
    org: Any,
    docs: list[Document],
    approved: tuple[str, ...],
    published: tuple[str, ...],
    signer: tuple[Any, str, str],
    when: Any,
) -> None:
    """Approve the ``approved`` drafts as ``signer`` (user, name, title), then publish the
    ``published`` ones."""
    actor, name, title = signer
    by_key = {d.key: d for d in docs}
    for key in approved:
        if key in by_key:
            services.document_sign(
                actor=actor,
                organization=org,
                document=by_key[key],
                step="approved",
                signer_name=name,
                signer_title=title,
                password="",
                when=when,
                reauthenticated=True,
            )
    for key in published:
        if key in by_key:
            doc = Document.objects.get(pk=by_key[key].pk)
            services.document_publish(actor=actor, organization=org, document=doc)


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
