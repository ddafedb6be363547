"""Who may open the deadlines page. Each kind of deadline also follows its own app's table:
a member sees only the kinds whose permission their role holds."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # the organization's deadlines page and API (of the kinds the role may see)
    "deadlines.view": r.READERS | {r.Role.FIELD_STAFF},
}
