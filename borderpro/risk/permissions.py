"""Who may see, edit and sign the supply chain risk assessment."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see assessments, the heat map, the register, the action plan and the report
    "risk.view": r.READERS,
    # map flows, rate threats and vulnerabilities, plan actions, start a review, export
    "risk.edit": r.WRITERS,
    # approve the assessment (typed name + password): the company's own officers
    "risk.approve": frozenset({r.Role.OWNER, r.Role.ADMIN}),
}
