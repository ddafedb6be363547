"""Who may take an organization's data away: its managers (owner, administrators)."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # prepare and download the complete export of the organization (records, history, files)
    "ops.export": r.MANAGERS,
}
