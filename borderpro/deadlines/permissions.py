"""Who may open the deadlines page. Each kind of deadline also follows its own app's table:
a member sees only the kinds whose permission their role holds."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # the organization's deadlines page and API (of the kinds the role may see)
    "deadlines.view": r.READERS | {r.Role.FIELD_STAFF},
    # the reminder stages of the organization (per kind of deadline)
    "deadlines.manage": r.MANAGERS,
    # a consultancy's cross-client deadlines page (the clients the consultant may open)
    "deadlines.portfolio": frozenset({r.Role.OWNER, r.Role.CONSULTANT_ADMIN, r.Role.CONSULTANT}),
    # one's own notifications and calendar link in the organization (API)
    "deadlines.notifications": r.ALL,
}
