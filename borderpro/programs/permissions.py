"""Who may see eligibility results and manage program memberships."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see eligibility results, explanations, deadlines, and ask what-if questions
    "programs.view": r.READERS,
    # record memberships and the program declarations
    "programs.manage": r.WRITERS,
}
