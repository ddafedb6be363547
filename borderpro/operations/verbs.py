"""The activity-feed phrases this app adds to ``borderpro.organizations.activity.VERBS``.

Listed here as well so that ``makemessages`` run in this app finds them and their French
lives in this app's catalogue.
"""

from django.utils.translation import gettext_noop

PHRASES = [
    gettext_noop("added the fleet unit %(unit)s"),
    gettext_noop("updated the fleet unit %(unit)s"),
    gettext_noop("released %(unit)s from hold"),
    gettext_noop("recorded a failed inspection of %(units)s (%(count)s points)"),
    gettext_noop("received %(count)s seals (%(first)s to %(last)s)"),
    gettext_noop("reported incident %(reference)s (%(kind)s)"),
    gettext_noop("logged a notification for incident %(reference)s"),
    gettext_noop("added an investigation note to incident %(reference)s"),
    gettext_noop("recorded the root cause of incident %(reference)s"),
    gettext_noop("added a corrective action to incident %(reference)s"),
    gettext_noop("closed incident %(reference)s"),
    gettext_noop("Field operations"),
]
