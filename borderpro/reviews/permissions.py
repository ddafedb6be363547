"""Who may see and run reviews, sign the annual update and build the validation binder."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see reviews, checklists, findings, corrective actions, reports and the annual update
    "reviews.view": r.READERS,
    # run a review: checklist results, findings, corrective actions, report export
    "reviews.edit": r.WRITERS,
    # sign off the annual update (typed name + password): the company's own officers
    "reviews.signoff": frozenset({r.Role.OWNER, r.Role.ADMIN}),
    # build and download the validation binder (it holds every evidence file)
    "reviews.binder": r.WRITERS,
}
