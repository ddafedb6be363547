"""Activity-feed verbs recorded by the risk assessment."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "risk.started": _("started the %(year)s risk assessment"),
    "risk.updated": _("updated the %(year)s risk assessment"),
    "risk.next_started": _("started the %(year)s risk assessment from the previous one"),
    "risk.flow_added": _("mapped the flow %(name)s"),
    "risk.flow_updated": _("updated the flow %(name)s"),
    "risk.flow_removed": _("removed the flow %(name)s"),
    "risk.threat_rated": _("rated the threat “%(threat)s” %(level)s"),
    "risk.vulnerability_rated": _("rated the vulnerability of category %(category)s %(level)s"),
    "risk.action_added": _("planned the action “%(title)s”"),
    "risk.action_updated": _("updated the action “%(title)s” (%(status)s)"),
    "risk.submitted": _("submitted the %(year)s risk assessment for review"),
    "risk.reopened": _("sent the %(year)s risk assessment back to draft"),
    "risk.approved": _("approved the %(year)s risk assessment"),
    "risk.exported": _("exported the %(year)s risk assessment (%(format)s)"),
}
