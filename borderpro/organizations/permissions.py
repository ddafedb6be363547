"""Who may do what with organizations, members, clients and the activity feed."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    "organizations.view": r.ALL,
    "organizations.manage": frozenset({r.Role.OWNER, r.Role.ADMIN, r.Role.CONSULTANT_ADMIN}),
    "organizations.view_members": r.READERS,
    "organizations.manage_members": frozenset(
        {r.Role.OWNER, r.Role.ADMIN, r.Role.CONSULTANT_ADMIN}
    ),
    "organizations.view_activity": r.READERS,
    "organizations.manage_clients": frozenset({r.Role.OWNER, r.Role.CONSULTANT_ADMIN}),
    "organizations.view_clients": frozenset(
        {r.Role.OWNER, r.Role.CONSULTANT_ADMIN, r.Role.CONSULTANT}
    ),
    "organizations.verify_records": r.READERS,
    "organizations.view_jobs": r.ALL,
}
