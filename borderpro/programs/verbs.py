"""Activity-feed verbs recorded by this app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "membership.saved": _("updated the %(program)s membership (%(status)s)"),
    "membership.status_changed": _("moved the %(program)s membership to “%(status)s”"),
    "declarations.saved": _("updated the program declarations"),
}
