"""The activity-feed texts the catalogue records, repeated here so that the catalogue's own
French translations carry them (the texts themselves live in organizations/activity.py)."""

from django.utils.translation import gettext_noop

CATALOGUE_VERBS = {
    "catalogue.note_saved": gettext_noop("saved the guidance note on %(ref)s"),
    "catalogue.note_deleted": gettext_noop("deleted the guidance note on %(ref)s"),
    "catalogue.framework_loaded": gettext_noop(
        "loaded the framework “%(name)s”, edition %(edition)s"
    ),
}
