"""Activity-feed verbs recorded by reviews."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "reviews.started": _("started the review “%(title)s”"),
    "reviews.updated": _("updated the review “%(title)s”"),
    "reviews.completed": _("completed the review “%(title)s”"),
    "reviews.item_checked": _("checked “%(item)s”: %(result)s"),
    "reviews.finding_added": _("recorded the finding %(code)s (%(severity)s)"),
    "reviews.action_added": _("planned the corrective action “%(title)s”"),
    "reviews.action_updated": _("updated the corrective action “%(title)s” (%(status)s)"),
    "reviews.action_verified": _("verified the corrective action “%(title)s”"),
    "reviews.exported": _("exported the review report “%(title)s” (%(format)s)"),
    "reviews.annual_update_signed": _("signed off the %(year)s annual update"),
    "reviews.binder_built": _("built the validation binder for %(period)s"),
}
