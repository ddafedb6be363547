"""Who may see and edit employees and their driver cards."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see employees and their FAST / CDRP cards
    "people.view": r.READERS,
    # add and edit employees and cards
    "people.manage": r.WRITERS,
}
