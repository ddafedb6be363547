"""Who may see, write, approve and export the written policies and procedures."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see the manual, each document, its versions, signatures, coverage and acknowledgements
    "policies.view": r.READERS,
    # generate documents from templates, edit, submit for review, publish, record
    # acknowledgements; a consultancy's own template library
    "policies.edit": r.WRITERS,
    # approve a document (typed name + password): the company's own officers
    "policies.approve": frozenset({r.Role.OWNER, r.Role.ADMIN}),
}
