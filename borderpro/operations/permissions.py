"""Who may do what in field operations (fleet, inspections, seals, incidents)."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see the fleet, inspection records, seal log, incidents and audits
    "operations.view": r.READERS | {r.Role.FIELD_STAFF},
    # drivers and yard staff: record inspections and seal events, report incidents
    "operations.record": r.FIELD,
    # fleet register, seal inventory, investigation and closure of incidents
    "operations.manage": r.WRITERS,
}
