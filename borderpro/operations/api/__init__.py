"""Field operations API for devices and telematics.

Creating is idempotent by ``client_id``: the first call answers 201, a retry of the same
record answers 200 with the stored record (never a duplicate). Batches answer one result
per item, in order, and store every valid item even when others are refused.
"""

from borderpro.operations.api.common import (
    BATCH_LIMIT,
    PhotoUploadView,
    QuickPagination,
)
from borderpro.operations.api.fleet import (
    UnitListView,
    UnitSerializer,
)
from borderpro.operations.api.incidents import (
    IncidentCreateSerializer,
    IncidentEventCreateSerializer,
    IncidentEventListView,
    IncidentEventSerializer,
    IncidentListView,
    IncidentSerializer,
)
from borderpro.operations.api.inspections import (
    InspectionBatchView,
    InspectionCreateSerializer,
    InspectionDetailView,
    InspectionListView,
    InspectionSerializer,
    PointSerializer,
    PointsField,
    inspection_data,
)
from borderpro.operations.api.seals import (
    SealEventBatchView,
    SealEventCreateSerializer,
    SealEventListView,
    SealEventSerializer,
)

__all__ = [
    "BATCH_LIMIT",
    "IncidentCreateSerializer",
    "IncidentEventCreateSerializer",
    "IncidentEventListView",
    "IncidentEventSerializer",
    "IncidentListView",
    "IncidentSerializer",
    "InspectionBatchView",
    "InspectionCreateSerializer",
    "InspectionDetailView",
    "InspectionListView",
    "InspectionSerializer",
    "PhotoUploadView",
    "PointSerializer",
    "PointsField",
    "QuickPagination",
    "SealEventBatchView",
    "SealEventCreateSerializer",
    "SealEventListView",
    "SealEventSerializer",
    "UnitListView",
    "UnitSerializer",
    "inspection_data",
]
