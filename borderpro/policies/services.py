"""Writes of the policies module: generate documents from templates, save edits as versions,
submit, approve (signature), publish, acknowledge; a consultancy's own templates."""

from __future__ import annotations

import zoneinfo
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from borderpro.common.chain import chain_append
from borderpro.organizations.activity import activity_record
from borderpro.policies import library, selectors, tailoring
from borderpro.policies.models import (
    Acknowledgement,
    Approval,
    Document,
    DocumentVersion,
    LibraryTemplate,
    text_sha256,
)

REVIEW_DAYS = 365  # annual review by default
EDITABLE = (Document.Status.DRAFT, Document.Status.IN_REVIEW)


def _version(document: Document, actor: Any, note: str) -> DocumentVersion:
    v = DocumentVersion(
        organization=document.organization,
        document=document,
        number=document.version,
        body=document.body,
        note=note[:300],
        saved_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    v.full_clean()
    v.save()
    return v


@transaction.atomic
def document_generate(
    *, actor: Any, organization: Any, template: library.Template, language: str
) -> Document:
    """A new draft tailored from ``template`` with the carrier's own facts."""
    if language not in ("en", "fr"):
        raise ValidationError({"language": _("Choose English or French.")})
    with override(language):  # choice labels (site kinds) in the document's language
        variables = tailoring.carrier_variables(organization, language)
    try:
        body = tailoring.render(template.body_in(language), variables)
    except tailoring.TemplateRefused as exc:
        raise ValidationError(
            _("Template %(key)s: %(reason)s") % {"key": template.key, "reason": exc}
        ) from exc
    doc = Document(
        organization=organization,
        key=template.key,
        title=template.title_in(language),
        language=language,
        body=body,
        refs=list(template.refs),
        applies_to=list(template.applies_to),
        template_key=template.key,
        template_version=template.version,
        template_source=template.origin,
        position=template.position,
    )
    doc.full_clean()
    doc.save()
    _version(doc, actor, "")  # the page says which template it came from, in the reader's language
    activity_record(
        organization=organization,
        actor=actor,
        verb="policies.generated",
        target=doc,
        title=doc.title,
    )
    return doc


@transaction.atomic
def manual_generate(*, actor: Any, organization: Any, language: str) -> list[Document]:
    """A draft of every template offered to the carrier that it has no current document for."""
    have = set(
        Document.objects.filter(organization=organization)
        .exclude(status=Document.Status.SUPERSEDED)
        .values_list("key", flat=True)
    )
    made = []
    for template in selectors.templates_offered(organization):
        if template.key not in have:
            made.append(
                document_generate(
                    actor=actor, organization=organization, template=template, language=language
                )
            )
    return made


@transaction.atomic
def document_edit(
    *, actor: Any, organization: Any, document: Document, title: str, body: str, note: str = ""
) -> Document:
    """Save the edited text as a new version (the earlier ones are kept). A published document
    is not changed: the edit is a new draft revision that supersedes it once published."""
    document = Document.objects.select_for_update().get(organization=organization, pk=document.pk)
    body = (body or "").replace("\r\n", "\n")
    if not body.strip():
        raise ValidationError({"body": _("The text cannot be empty.")})
    if not (title or "").strip():
        raise ValidationError({"title": _("Give the document a title.")})
    if document.status == Document.Status.SUPERSEDED:
        raise ValidationError(_("A superseded document is kept as it was; edit the current one."))
    if body == document.body and title.strip() == document.title:
        return document
    if document.status == Document.Status.PUBLISHED:
        # the published text stays in force (and signed) until its revision is published
        pending = document.replacements.exclude(status=Document.Status.SUPERSEDED).first()
        if pending is not None:
            raise ValidationError(
                _("A revision of this document is already in progress: edit that one.")
            )
        document = Document(
            organization=organization,
            key=document.key,
            title=title.strip(),
            language=document.language,
            body=body,
            refs=document.refs,
            applies_to=document.applies_to,
            template_key=document.template_key,
            template_version=document.template_version,
            template_source=document.template_source,
            position=document.position,
            version=document.version + 1,
            review_due_on=document.review_due_on,
            replaces=document,
        )
    else:
        # a draft, or approved but not yet published: the signature does not carry over
        document.status, document.approved_at = Document.Status.DRAFT, None
        document.title, document.body = title.strip(), body
        document.version += 1
    document.full_clean()
    document.save()
    if document.replaces_id:
        _copy_versions(document.replaces, document)
    _version(document, actor, note)
    activity_record(
        organization=organization,
        actor=actor,
        verb="policies.edited",
        target=document,
        title=document.title,
        version=document.version,
    )
    return document


def _copy_versions(source: Any, target: Document) -> None:
    """A revision keeps the history of the document it revises (to compare any two)."""
    DocumentVersion.objects.bulk_create(
        DocumentVersion(
            organization=target.organization,
            document=target,
            number=v.number,
            body=v.body,
            note=v.note,
            saved_by_id=v.saved_by_id,
        )
        for v in DocumentVersion.objects.filter(document=source).exclude(number__gte=target.version)
    )


def _reauthenticate(actor: Any, signer_name: str, password: str) -> str:
    name = (signer_name or "").strip()
    if not name:
        raise ValidationError({"signer_name": _("Type your name to sign.")})
    expected = (getattr(actor, "full_name", "") or "").strip()
    if expected and name.casefold() != expected.casefold():
        raise ValidationError(
            {
                "signer_name": _("Type your name as it is on your account: %(name)s.")
                % {"name": expected}
            }
        )
    if not password or not actor.check_password(password):
        raise ValidationError({"password": _("The password is not correct.")})
    return name


@transaction.atomic
def document_sign(
    *,
    actor: Any,
    organization: Any,
    document: Document,
    step: str,
    signer_name: str,
    password: str,
    signer_title: str = "",
    when: Any = None,
    reauthenticated: bool = False,
) -> Approval:
    """Submit for review, or approve: typed name + password, the SHA-256 of the exact text
    signed and the time, appended to the hash chain."""
    name = signer_name.strip() if reauthenticated else _reauthenticate(actor, signer_name, password)
    document = Document.objects.select_for_update().get(organization=organization, pk=document.pk)
    if step not in Approval.Step.values:
        raise ValidationError({"step": _("Submit for review or approve.")})
    if document.status not in EDITABLE:
        raise ValidationError(_("This version is already approved."))
    if step == Approval.Step.SUBMITTED and document.status != Document.Status.DRAFT:
        raise ValidationError(_("This document is already in review."))
    now = when or timezone.now()
    if step == Approval.Step.APPROVED:
        document.status, document.approved_at = Document.Status.APPROVED, now
        # the day it was approved where the carrier is (not on the server's clock)
        day = timezone.localtime(now, zoneinfo.ZoneInfo(organization.time_zone)).date()
        document.review_due_on = day + timedelta(days=REVIEW_DAYS)
    else:
        document.status = Document.Status.IN_REVIEW
    document.full_clean()
    document.save()
    approval = chain_append(
        Approval(
            organization=organization,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            document=document,
            version=document.version,
            step=step,
            signer_name=name,
            signer_title=(signer_title or "").strip()[:120],
            content_sha256=text_sha256(document.body),
            recorded_at=now,
        )
    )
    activity_record(
        organization=organization,
        actor=actor,
        verb="policies.approved" if step == Approval.Step.APPROVED else "policies.submitted",
        target=document,
        title=document.title,
        version=document.version,
    )
    return approval


@transaction.atomic
def document_publish(*, actor: Any, organization: Any, document: Document) -> Document:
    """An approved document goes out to the employees; the one it replaces is superseded."""
    document = Document.objects.select_for_update().get(organization=organization, pk=document.pk)
    if document.status != Document.Status.APPROVED:
        raise ValidationError(_("Only an approved document can be published."))
    document.status, document.published_at = Document.Status.PUBLISHED, timezone.now()
    document.save()
    Document.objects.filter(
        organization=organization, key=document.key, status=Document.Status.PUBLISHED
    ).exclude(pk=document.pk).update(status=Document.Status.SUPERSEDED)
    if document.replaces_id:
        Document.objects.filter(organization=organization, pk=document.replaces_id).update(
            status=Document.Status.SUPERSEDED
        )
    activity_record(
        organization=organization,
        actor=actor,
        verb="policies.published",
        target=document,
        title=document.title,
    )
    return document


@transaction.atomic
def document_set_review(
    *, actor: Any, organization: Any, document: Document, review_due_on: date | None
) -> Document:
    document.review_due_on = review_due_on
    document.full_clean()
    document.save(update_fields=["review_due_on", "updated_at"])
    return document


@transaction.atomic
def acknowledgements_record(
    *,
    actor: Any,
    organization: Any,
    document: Document,
    employees: list[Any],
    acknowledged_on: date,
) -> int:
    """Employees have read the published version: one acknowledgement each (again: nothing)."""
    document = Document.objects.get(organization=organization, pk=document.pk)
    if document.status != Document.Status.PUBLISHED:
        raise ValidationError(_("Only a published document is acknowledged."))
    if acknowledged_on > organization.local_today():
        raise ValidationError({"acknowledged_on": _("The date cannot be in the future.")})
    done = set(
        Acknowledgement.objects.filter(document=document, version=document.version).values_list(
            "employee_id", flat=True
        )
    )
    count = 0
    for employee in employees:
        if employee.organization_id != organization.pk or employee.pk in done:
            continue
        ack = Acknowledgement(
            organization=organization,
            document=document,
            employee=employee,
            version=document.version,
            acknowledged_on=acknowledged_on,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        ack.full_clean(validate_constraints=False)
        ack.save()
        done.add(employee.pk)
        count += 1
    if count:
        activity_record(
            organization=organization,
            actor=actor,
            verb="policies.acknowledged",
            target=document,
            title=document.title,
            count=count,
        )
    return count


@transaction.atomic
def template_save(
    *, actor: Any, organization: Any, template: library.Template, offered: bool = True
) -> LibraryTemplate:
    """Create or update a consultancy's own template; a changed text is a new version."""
    row = LibraryTemplate.objects.filter(organization=organization, key=template.key).first()
    fields: dict[str, Any] = {
        "title_en": template.title.get("en", ""),
        "title_fr": template.title.get("fr", "") or template.title.get("en", ""),
        "body_en": template.body.get("en", ""),
        "body_fr": template.body.get("fr", ""),
        "refs": list(template.refs),
        "applies_to": list(template.applies_to),
    }
    for lang in ("en", "fr"):
        text = template.body.get(lang, "")
        if text:
            try:
                tailoring.check(text)
            except tailoring.TemplateRefused as exc:
                raise ValidationError({f"body_{lang}": str(exc)}) from exc
    if row is None:
        row = LibraryTemplate(organization=organization, key=template.key, version=1, **fields)
    else:
        changed = any(getattr(row, k) != v for k, v in fields.items())
        for k, v in fields.items():
            setattr(row, k, v)
        if changed:
            row.version += 1
    row.offered = offered
    row.full_clean()
    row.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="policies.template_saved",
        target=row,
        key=row.key,
        version=row.version,
    )
    return row
