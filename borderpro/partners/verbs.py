"""Activity-feed verbs recorded by the partners app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "partner.added": _("added %(name)s (%(kind)s) to the partner register"),
    "partner.updated": _("updated %(name)s in the partner register"),
    "partner.screened": _("screened %(name)s: %(outcome)s"),
    "certification.added": _("recorded the %(program)s certification of %(name)s"),
    "certification.checked": _("checked the %(program)s status of %(name)s (%(verified)s)"),
}
