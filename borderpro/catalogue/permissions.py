"""Who may do what with the requirements catalogue."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # Everyone in an organization reads the catalogue (field staff included).
    "catalogue.view": r.ALL,
    # Consultants write their consultancy's guidance notes (on the consultancy's pages or a client's).
    "catalogue.write_notes": frozenset({r.Role.OWNER, r.Role.CONSULTANT_ADMIN, r.Role.CONSULTANT}),
    # A consultancy's administrators load its own frameworks.
    "catalogue.manage_frameworks": frozenset({r.Role.OWNER, r.Role.CONSULTANT_ADMIN}),
}
