"""The partners' part of the annual review: the partner files a review samples (each
screening of the period, with its partner's page) and the binder's partner list with status."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from borderpro.common.documents import Column, write_xlsx
from borderpro.common.records import BinderFile, SampledRecord
from borderpro.partners import rules, selectors
from borderpro.partners.models import Partner, Screening

SOURCE = "partners.files"


def partner_file_records(organization: Any, start: date, end: date) -> list[SampledRecord]:
    """Every screening of the period: the reviewer opens the partner's file and checks the
    outcome, the proof and the next due date (one query)."""
    screenings = (
        Screening.objects.filter(
            organization=organization, screened_on__gte=start, screened_on__lte=end
        )
        .select_related("partner")
        .order_by("screened_on", "created_at")
    )
    return [
        SampledRecord(
            source=SOURCE,
            ref=str(s.pk),
            day=s.screened_on,
            summary=_("%(name)s screened: %(outcome)s")
            % {"name": s.partner.name, "outcome": s.get_outcome_display()},
            url=reverse("partners:partner", args=[organization.code, s.partner_id]),
        )
        for s in screenings
    ]


STATE_LABELS = {
    rules.CERTIFIED: gettext_lazy("Certified"),
    rules.SCREENED: gettext_lazy("Screened"),
    rules.OVERDUE: gettext_lazy("Re-screening overdue"),
    rules.UNSCREENED: gettext_lazy("Unscreened"),
}
REGISTER_COLUMNS = [
    Column("name", gettext_lazy("Partner"), width=32),
    Column("kind", gettext_lazy("Type"), kind="choice", choices=dict(Partner.Kind.choices)),
    Column("country", gettext_lazy("Country"), width=8),
    Column("state", gettext_lazy("Screening"), kind="choice", choices=STATE_LABELS, width=22),
    Column("risk", gettext_lazy("Risk"), kind="choice", choices=dict(rules.LEVEL_CHOICES)),
    Column("last_screened", gettext_lazy("Last screened"), kind="date", width=14),
    Column("next_due", gettext_lazy("Next screening due"), kind="date", width=14),
    Column("subcontract", gettext_lazy("C-TPAT sub-carrier rule"), width=24),
    Column("gap_loads", gettext_lazy("Loads while outside the rule"), kind="integer"),
]


def register_rows(organization: Any, today: date) -> list[dict[str, Any]]:
    register = selectors.partner_register(organization, today)
    selectors.attach_partners(organization, register.rows)
    rows = []
    for row in register.rows:
        p = row.partner
        assert p is not None
        meets = row.meets_subcontract_rule
        rows.append(
            {
                "name": p.name,
                "kind": p.kind,
                "country": p.country,
                "state": row.state,
                "risk": row.rating.level,
                "last_screened": p.last_screened_on,
                "next_due": p.next_screening_due,
                "subcontract": ""
                if meets is None
                else str(
                    _("meets the C-TPAT rule") if meets else _("no C-TPAT, no written contract")
                ),
                "gap_loads": row.gap_loads or None,
            }
        )
    return rows


def partner_register_part(
    organization: Any, start: date, end: date, language: str
) -> list[BinderFile]:
    """The partner list with each partner's status on the binder's end date (as of today
    when the period is not over)."""
    today = min(end, organization.local_today())
    with translation.override(language):
        title = str(_("Business partner register"))
        rows = register_rows(organization, today)
    content = write_xlsx(REGISTER_COLUMNS, rows, title=title, language=language)
    return [BinderFile(path="partners/partner-register.xlsx", content=content, title=title)]
