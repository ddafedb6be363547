"""Inbound questionnaires, answered once: the carrier's library of reusable answers mapped to
catalogue requirements, drafted from its security profile, and the "security summary" a
shipper gets in one step (PDF or filled spreadsheet, EN or FR)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.catalogue.models import Requirement
from borderpro.common.documents import Column, render_pdf, write_xlsx
from borderpro.organizations.activity import activity_record
from borderpro.partners.models import LibraryAnswer


def library(organization: Any) -> QuerySet[LibraryAnswer]:
    return (
        LibraryAnswer.objects.filter(organization=organization)
        .select_related("requirement__framework", "requirement__category", "updated_by")
        .order_by("requirement__framework__position", "requirement__position")
    )


def _profile_text(response: Any) -> str:
    """The library's draft of one security profile response: its narrative, or the status
    (and why it does not apply)."""
    narrative = response.narrative.strip()
    if narrative:
        return narrative
    status = str(response.get_status_display())
    if response.justification.strip():
        return f"{status}: {response.justification.strip()}"
    return status


@transaction.atomic
def library_draft_from_profile(*, actor: Any, organization: Any) -> int:
    """Draft an answer for every requirement the main security profile answers and the
    library does not have yet; answers already in the library are never overwritten.
    Returns how many answers were drafted."""
    from borderpro.profiles.models import Response

    have = set(
        LibraryAnswer.objects.filter(organization=organization).values_list(
            "requirement_id", flat=True
        )
    )
    responses = (
        Response.objects.filter(
            organization=organization,
            security_profile__is_primary=True,
            same_as__isnull=True,
            requirement__retired_at__isnull=True,
        )
        .exclude(status="not_started")
        .select_related("requirement")
    )
    made = [
        LibraryAnswer(
            organization=organization,
            requirement=r.requirement,
            answer=_profile_text(r)[:20000],
            source=LibraryAnswer.Source.PROFILE,
            updated_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        for r in responses
        if r.requirement_id not in have and _profile_text(r)
    ]
    LibraryAnswer.objects.bulk_create(made)
    if made:
        activity_record(
            organization=organization,
            actor=actor,
            verb="library.drafted",
            target=None,
            count=len(made),
        )
    return len(made)


@transaction.atomic
def library_answer_save(
    *,
    actor: Any,
    organization: Any,
    requirement: Requirement,
    answer: str,
    entry: LibraryAnswer | None = None,
) -> LibraryAnswer:
    text = answer.strip()
    if not text:
        raise ValidationError({"answer": _("Write the answer, or delete it from the library.")})
    if entry is None:
        entry = LibraryAnswer.objects.filter(
            organization=organization, requirement=requirement
        ).first() or LibraryAnswer(organization=organization, requirement=requirement)
    entry.answer = text
    entry.source = LibraryAnswer.Source.WRITTEN
    entry.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    entry.full_clean(exclude=["requirement"])
    entry.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="library.saved",
        target=entry,
        ref=requirement.ref,
    )
    return entry


SUMMARY_COLUMNS = [
    Column("framework", gettext_lazy("Program"), width=18),
    Column("ref", gettext_lazy("Requirement"), width=16),
    Column("title", gettext_lazy("Title"), width=40, wrap=True),
    Column("answer", gettext_lazy("Our answer"), width=80, wrap=True),
    Column("updated", gettext_lazy("Updated"), kind="date", width=12),
]


def summary_rows(organization: Any, language: str) -> list[dict[str, Any]]:
    with translation.override(language):
        return [
            {
                "framework": str(a.requirement.framework.short_name or a.requirement.framework),
                "ref": a.requirement.official_id or a.requirement.ref,
                "title": str(a.requirement.title),
                "category": str(a.requirement.category.title),
                "answer": a.answer,
                "updated": a.updated_at,
            }
            for a in library(organization)
        ]


def summary_title(organization: Any, language: str) -> str:
    with translation.override(language):
        return _("Security summary: %(name)s") % {"name": organization.name}


def summary_pdf(organization: Any, language: str) -> bytes:
    return render_pdf(
        "partners/summary.html",
        {"rows": summary_rows(organization, language)},
        organization=organization,
        language=language,
        title=summary_title(organization, language),
    )


def summary_xlsx(organization: Any, language: str) -> bytes:
    return write_xlsx(
        SUMMARY_COLUMNS,
        summary_rows(organization, language),
        title=summary_title(organization, language),
        language=language,
    )
