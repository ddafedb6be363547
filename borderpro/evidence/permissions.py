"""Who may do what in the evidence vault."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    "evidence.view": r.READERS | {r.Role.FIELD_STAFF},
    "evidence.upload": r.FIELD,
    "evidence.change": r.WRITERS,
    "evidence.export": r.WRITERS,
}
