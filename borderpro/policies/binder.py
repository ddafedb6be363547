"""The policies module in the annual review and the validation binder (``common/records.py``):
the documents with their review dates as a record source, the approved policies as one PDF."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from borderpro.common.dates import format_day
from borderpro.common.records import BinderFile, SampledRecord
from borderpro.policies import manual, selectors
from borderpro.policies.models import Document


def policy_records(organization: Any, start: date, end: date) -> list[SampledRecord]:
    out = []
    for d in selectors.documents(organization).filter(status__in=selectors.SIGNED):
        day = d.approved_at.date() if d.approved_at else d.updated_at.date()
        due = format_day(d.review_due_on) if d.review_due_on else "—"
        out.append(
            SampledRecord(
                source="policies.documents",
                ref=str(d.pk),
                day=day,
                summary=_("%(title)s, version %(v)s — review due %(due)s")
                % {"title": d.title, "v": d.version, "due": due},
                url=reverse("policies:document", args=[organization.code, d.pk]),
            )
        )
    return out


def approved_policies(organization: Any, start: date, end: date, language: str) -> list[BinderFile]:
    docs = [
        d
        for d in selectors.documents(organization).filter(status__in=selectors.SIGNED)
        if d.language == language
    ] or list(selectors.documents(organization).filter(status__in=selectors.SIGNED))
    if not docs:
        return []
    content = manual.manual_pdf(organization, docs, language)
    return [
        BinderFile(
            path="02-policies/approved-policies.pdf",
            content=content,
            title=manual.manual_title(language),
            chain_intact=all(selectors.approval_is_valid(d) for d in docs),
        )
    ]


__all__ = ["Document", "approved_policies", "policy_records"]
