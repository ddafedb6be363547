"""The activity-feed texts programs and people record, repeated here so that these apps' own
French translations carry them (the texts themselves live in organizations/activity.py)."""

from django.utils.translation import gettext_noop

PROGRAMS_VERBS = {
    "membership.saved": gettext_noop("updated the %(program)s membership (%(status)s)"),
    "membership.status_changed": gettext_noop("moved the %(program)s membership to “%(status)s”"),
    "declarations.saved": gettext_noop("updated the program declarations"),
}

NAV = (gettext_noop("Programs"), gettext_noop("People"))
