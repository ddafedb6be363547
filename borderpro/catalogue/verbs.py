"""Activity-feed verbs recorded by this app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "catalogue.note_saved": _("saved the guidance note on %(ref)s"),
    "catalogue.note_deleted": _("deleted the guidance note on %(ref)s"),
    "catalogue.framework_loaded": _("loaded the framework “%(name)s”, edition %(edition)s"),
}
