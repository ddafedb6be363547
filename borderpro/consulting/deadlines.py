"""Yearly renewals of maintenance engagements, as deadlines (``deadlines/registry.py``):
the consultancy sees each renewal it must propose; the client sees its own."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.consulting.models import Engagement
from borderpro.deadlines.registry import Deadline, DeadlineKind, register_kind, register_provider

KIND = "consulting.renewal"


def register() -> None:
    register_kind(
        DeadlineKind(
            KIND,
            gettext_lazy("Maintenance renewal"),
            permission="consulting.engagements",
            reminder_days=(60, 30, 7),
            due_soon_days=60,
        )
    )
    register_provider("consulting", renewal_deadlines, kinds=(KIND,))


def renewal_deadlines(organizations: Sequence[Any], start: date, end: date) -> Iterator[Deadline]:
    by_id = {org.pk: org for org in organizations}
    rows = (
        Engagement._base_manager.filter(
            status=Engagement.Status.ACTIVE, renews_on__gte=start, renews_on__lte=end
        ).filter(organization_id__in=list(by_id))
        | Engagement._base_manager.filter(
            status=Engagement.Status.ACTIVE,
            renews_on__gte=start,
            renews_on__lte=end,
            client_id__in=list(by_id),
        )
    ).select_related("client", "organization")
    for engagement in rows:
        assert engagement.renews_on is not None
        for org_id in (engagement.organization_id, engagement.client_id):
            org = by_id.get(org_id)
            if org is None:
                continue
            if org.is_consultancy:
                url = reverse("consulting:engagement", args=[org.code, engagement.pk])
            else:
                url = reverse("consulting:client_engagements", args=[org.code])
            yield Deadline(
                kind=KIND,
                organization=org,
                subject=engagement.title,
                due=engagement.renews_on,
                owner=None,
                action_url=url,
                ref=str(engagement.pk),
                detail=_("Renew the yearly maintenance with %(other)s.")
                % {
                    "other": engagement.client.name
                    if org.is_consultancy
                    else engagement.organization.name
                },
            )
