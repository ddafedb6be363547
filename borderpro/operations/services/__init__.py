"""Writes for field operations: fleet, inspections, seals, incidents.

Records coming from devices carry a client-generated ``client_id``: sending the same
record again returns the stored one (``created`` is False) instead of making a duplicate.
Routine inspections and seal events are their own hash-chained log, so only what a manager
must notice (failed inspections, lots, incidents, fleet changes) goes to the activity feed.
"""

from borderpro.operations.services.common import photo_upload
from borderpro.operations.services.fleet import UNIT_FIELDS, unit_create, unit_release, unit_update
from borderpro.operations.services.incidents import incident_add_event, incident_report
from borderpro.operations.services.inspections import POINT_RESULTS, inspection_record
from borderpro.operations.services.seals import (
    ALLOWED_FROM,
    MAX_LOT_SIZE,
    STATUS_AFTER,
    seal_event_record,
    seal_lot_receive,
)

__all__ = [
    "ALLOWED_FROM",
    "MAX_LOT_SIZE",
    "POINT_RESULTS",
    "STATUS_AFTER",
    "UNIT_FIELDS",
    "incident_add_event",
    "incident_report",
    "inspection_record",
    "photo_upload",
    "seal_event_record",
    "seal_lot_receive",
    "unit_create",
    "unit_release",
    "unit_update",
]
