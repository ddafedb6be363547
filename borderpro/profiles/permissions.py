"""Who may do what in the security profile workspace."""

from borderpro.organizations import roles as r

REVIEWERS = r.MANAGERS | {r.Role.CONSULTANT}

PERMISSIONS = {
    "profiles.view": r.READERS,
    "profiles.edit": r.WRITERS,
    "profiles.review": REVIEWERS,
    "profiles.assign": REVIEWERS,
    "profiles.package": r.WRITERS,
    "profiles.submit": REVIEWERS,
    "profiles.configure": REVIEWERS,
}
