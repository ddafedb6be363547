"""Roles a person can hold in an organization."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Administrator")
    CONTRIBUTOR = "contributor", _("Contributor")
    VIEWER = "viewer", _("Viewer")
    FIELD_STAFF = "field_staff", _("Field staff")
    CONSULTANT_ADMIN = "consultant_admin", _("Consultant administrator")
    CONSULTANT = "consultant", _("Consultant")


CLIENT_ROLES = (Role.OWNER, Role.ADMIN, Role.CONTRIBUTOR, Role.VIEWER, Role.FIELD_STAFF)
CONSULTANCY_ROLES = (Role.OWNER, Role.CONSULTANT_ADMIN, Role.CONSULTANT)

ALL = frozenset(Role.values)
MANAGERS = frozenset({Role.OWNER, Role.ADMIN, Role.CONSULTANT_ADMIN})
WRITERS = frozenset(
    {Role.OWNER, Role.ADMIN, Role.CONTRIBUTOR, Role.CONSULTANT_ADMIN, Role.CONSULTANT}
)
READERS = WRITERS | {Role.VIEWER}
FIELD = WRITERS | {Role.FIELD_STAFF}
