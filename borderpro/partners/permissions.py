"""Who may see and edit the business partner register."""

from borderpro.organizations import roles as r

PERMISSIONS = {
    # see partners, their certifications, risk and screenings
    "partners.view": r.READERS,
    # add and edit partners, record certifications, status checks and screenings
    "partners.manage": r.WRITERS,
}
