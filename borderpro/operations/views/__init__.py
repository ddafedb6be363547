"""Field operations pages for the office: fleet, inspections, seal log, audit, incidents."""

from borderpro.operations.views.common import (
    QuickPage,
    overview,
)
from borderpro.operations.views.fleet import (
    unit_create,
    unit_detail,
    unit_list,
    unit_release,
)
from borderpro.operations.views.incidents import (
    incident_detail,
    incident_list,
    incident_report_pdf,
)
from borderpro.operations.views.inspections import (
    inspection_detail,
    inspection_list,
)
from borderpro.operations.views.seals import (
    seal_audit,
    seal_detail,
    seal_list,
    seal_lot_create,
)

__all__ = [
    "QuickPage",
    "incident_detail",
    "incident_list",
    "incident_report_pdf",
    "inspection_detail",
    "inspection_list",
    "overview",
    "seal_audit",
    "seal_detail",
    "seal_list",
    "seal_lot_create",
    "unit_create",
    "unit_detail",
    "unit_list",
    "unit_release",
]
