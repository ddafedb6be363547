"""Who may see and run the training programme, and the consultancy's seminars."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see courses, sessions, records, the training matrix and certificates
    "training.view": r.READERS,
    # plan sessions, sign attendees in, record training
    "training.manage": r.WRITERS,
    # a consultancy's seminars and their registrations
    "training.seminars_view": r.READERS,
    "training.seminars_manage": r.WRITERS,
}
