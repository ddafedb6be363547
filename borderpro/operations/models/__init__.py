"""Field operations: fleet units, inspections, seals and incidents.

Operational records (inspections, seal events, incident events) are append-only and
hash-chained (:class:`ChainedRecord`); a correction is a new record whose ``corrects``
points to the old one. ``Seal`` and ``Incident`` are current-state projections that the
services keep in step with the events; they can always be rebuilt from them.
"""

from borderpro.operations.models.common import DeviceRecord, Place, UploadReceipt
from borderpro.operations.models.fleet import Unit
from borderpro.operations.models.incidents import (
    REQUIRED_RECIPIENTS,
    Incident,
    IncidentEvent,
    Recipient,
)
from borderpro.operations.models.inspections import Checklist, Inspection
from borderpro.operations.models.seals import Seal, SealEvent, SealLot

__all__ = [
    "REQUIRED_RECIPIENTS",
    "Checklist",
    "DeviceRecord",
    "Incident",
    "IncidentEvent",
    "Inspection",
    "Place",
    "Recipient",
    "Seal",
    "SealEvent",
    "SealLot",
    "Unit",
    "UploadReceipt",
]
