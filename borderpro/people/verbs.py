"""The activity-feed texts people records, repeated here so that this app's own French
translations carry them (the texts themselves live in organizations/activity.py)."""

from django.utils.translation import gettext_noop

PEOPLE_VERBS = {
    "employee.added": gettext_noop("added %(name)s to the people list"),
    "employee.updated": gettext_noop("updated %(name)s in the people list"),
    "card.added": gettext_noop("recorded the %(card)s of %(name)s (expires %(expires)s)"),
    "card.removed": gettext_noop("removed the %(card)s of %(name)s"),
}
