"""Screening files for the annual review: each identity verification and background check
of the period is a record the review may sample (``common/records.py``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.common.records import SampledRecord, register_record_source
from borderpro.people.models import Screening

SOURCE = "people.screenings"


def screening_records(organization: Any, start: date, end: date) -> list[SampledRecord]:
    rows = (
        Screening.objects.filter(
            organization=organization, checked_on__gte=start, checked_on__lte=end
        )
        .select_related("employee")
        .order_by("checked_on", "id")
    )
    return [
        SampledRecord(
            source=SOURCE,
            ref=str(s.pk),
            day=s.checked_on,
            summary=_("%(name)s · %(check)s: %(outcome)s")
            % {
                "name": s.employee.full_name,
                "check": s.get_kind_display(),
                "outcome": s.get_outcome_display(),
            },
            url=reverse("people:employee", args=[organization.code, s.employee_id]),
        )
        for s in rows
    ]


def register() -> None:
    register_record_source(
        SOURCE, label=gettext_lazy("Screening files"), records=screening_records, order=55
    )
