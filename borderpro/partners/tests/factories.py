"""Factories for partners, keeping every object inside one tenant."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import uuid4

from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.samples import pdf_bytes
from borderpro.evidence.services import evidence_upload
from borderpro.partners import services
from borderpro.partners.models import Certification, Partner


def partner_for(
    organization: Any,
    name: str = "",
    *,
    kind: str = "sub_carrier",
    country: str = "CA",
    **fields: Any,
) -> Partner:
    return services.partner_create(
        actor=None,
        organization=organization,
        name=name or f"Partner {uuid4().hex[:6]}",
        kind=kind,
        country=country,
        **fields,
    )


def proof_for(organization: Any, title: str = "", expires_on: date | None = None) -> Any:
    title = title or f"Status {uuid4().hex[:8]}"
    return evidence_upload(
        actor=None,
        organization=organization,
        upload=SimpleUploadedFile(f"{title}.pdf", pdf_bytes(title)),
        title=title,
        expires_on=expires_on,
    )


def certification_for(
    partner: Partner,
    *,
    program: str = "ctpat",
    verified_on: date,
    number: str = "",
    valid_until: date | None = None,
    proof: bool = True,
) -> Certification:
    return services.certification_add(
        actor=None,
        organization=partner.organization,
        partner=partner,
        program=program,
        number=number or uuid4().hex[:10].upper(),
        verified_on=verified_on,
        valid_until=valid_until,
        evidence=proof_for(partner.organization) if proof else None,
    )


def sample_partner_id(organization: Any) -> Partner:
    return partner_for(organization)


def sample_certification_id(organization: Any) -> Certification:
    return certification_for(partner_for(organization), verified_on=date(2026, 1, 5))


def sample_question_set_id(organization: Any) -> Any:
    from borderpro.partners.models import Question, QuestionSet

    qset = QuestionSet.objects.create(
        organization=organization, name=f"Set {uuid4().hex[:6]}", partner_kind="sub_carrier"
    )
    Question.objects.create(
        organization=organization, question_set=qset, position=1, text_en="Are you certified?"
    )
    return qset


def sample_questionnaire_id(organization: Any) -> Any:
    from borderpro.partners import questionnaires

    return questionnaires.questionnaire_send(
        actor=None,
        organization=organization,
        partner=partner_for(organization),
        question_set=sample_question_set_id(organization),
    ).questionnaire
