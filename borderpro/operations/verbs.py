"""Activity-feed verbs recorded by this app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "unit.added": _("added the fleet unit %(unit)s"),
    "unit.updated": _("updated the fleet unit %(unit)s"),
    "unit.released": _("released %(unit)s from hold"),
    "inspection.failed": _("recorded a failed inspection of %(units)s (%(count)s points)"),
    "seals.received": _("received %(count)s seals (%(first)s to %(last)s)"),
    "incident.reported": _("reported incident %(reference)s (%(kind)s)"),
    "incident.notified": _("logged a notification for incident %(reference)s"),
    "incident.investigation": _("added an investigation note to incident %(reference)s"),
    "incident.root_cause": _("recorded the root cause of incident %(reference)s"),
    "incident.action": _("added a corrective action to incident %(reference)s"),
    "incident.closed": _("closed incident %(reference)s"),
}
