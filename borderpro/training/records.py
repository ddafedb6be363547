"""Training for the annual review: training records as a record source (the review samples
them) and the training matrix PDF as a part of the validation binder."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.common.records import (
    BinderFile,
    SampledRecord,
    register_binder_part,
    register_record_source,
)
from borderpro.training.documents import matrix_pdf
from borderpro.training.models import TrainingRecord
from borderpro.training.selectors import training_matrix

SOURCE = "training.records"


def training_records(organization: Any, start: date, end: date) -> list[SampledRecord]:
    rows = (
        TrainingRecord.objects.filter(
            organization=organization, completed_on__gte=start, completed_on__lte=end
        )
        .select_related("employee", "course")
        .order_by("completed_on", "id")
    )
    url = reverse("training:records", args=[organization.code])
    return [
        SampledRecord(
            source=SOURCE,
            ref=str(r.pk),
            day=r.completed_on,
            summary=_("%(name)s · %(course)s (signed: %(signed)s)")
            % {
                "name": r.employee.full_name,
                "course": r.course.title,
                "signed": r.signed_name or (_("drawn") if r.signature_id else _("no")),
            },
            url=url,
        )
        for r in rows
    ]


def matrix_binder(organization: Any, start: date, end: date, language: str) -> list[BinderFile]:
    matrix = training_matrix(organization, today=min(end, organization.local_today()))
    return [
        BinderFile(
            path="training/training-matrix.pdf",
            content=matrix_pdf(matrix, organization=organization, language=language),
            title=str(gettext_lazy("Training matrix")),
        )
    ]


def register() -> None:
    register_record_source(
        SOURCE, label=gettext_lazy("Training records"), records=training_records, order=60
    )
    register_binder_part(
        "training.matrix", label=gettext_lazy("Training matrix"), build=matrix_binder, order=60
    )
