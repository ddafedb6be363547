"""Approved policy documents as the proof of the requirements they answer."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from borderpro.common.proofs import Proof
from borderpro.policies import selectors
from borderpro.policies.models import Document


def policy_proofs(organization: Any, ref: str) -> list[Proof]:
    today = organization.local_today()
    out = []
    docs = Document.objects.filter(organization=organization, status__in=selectors.SIGNED)
    for d in docs:
        if ref not in d.refs:
            continue
        stale = d.review_is_due(today)
        note = ""
        if d.review_due_on:
            day = date_format(d.review_due_on, "DATE_FORMAT")
            note = (_("Review was due on %(day)s.") if stale else _("Next review due %(day)s.")) % {
                "day": day
            }
        out.append(
            Proof(
                title=_("Policy: %(title)s (version %(version)s, %(status)s)")
                % {"title": d.title, "version": d.version, "status": d.get_status_display()},
                url=reverse("policies:document", args=[organization.code, d.pk]),
                day=d.approved_at.date() if d.approved_at else None,
                note=note,
                stale=stale,
            )
        )
    return out
