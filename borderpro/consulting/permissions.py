"""Who may do what in the consulting front office."""

from borderpro.organizations import roles as r

CONSULTANCY_STAFF = frozenset({r.Role.OWNER, r.Role.CONSULTANT_ADMIN, r.Role.CONSULTANT})

PERMISSIONS = {
    # the inbox of requests, quotes and engagements of the consultancy
    "consulting.view": CONSULTANCY_STAFF,
    # answer, assign, convert, quote, log time, tick milestones
    "consulting.work": CONSULTANCY_STAFF,
    # the services catalogue and its prices
    "consulting.price": frozenset({r.Role.OWNER, r.Role.CONSULTANT_ADMIN}),
    # a client company sees the engagements its consultancy runs for it
    "consulting.engagements": r.READERS,
    # a client company's members see their consultations and book one from inside the app
    "consulting.consultations": r.READERS,
}
