"""Activity-feed verbs recorded by this app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "session.planned": _("planned a %(course)s session on %(date)s"),
    "training.recorded": _("recorded %(course)s for %(name)s"),
    "training.checked": _("recorded the %(course)s knowledge check of %(name)s (%(score)s%%)"),
    "seminar.created": _("created the seminar %(title)s"),
    "seminar.updated": _("updated the seminar %(title)s"),
    "seminar.registered": _("%(name)s registered for %(title)s"),
    "seminar.cancelled": _("cancelled the registration of %(name)s for %(title)s"),
    "seminar.attended": _("marked %(name)s present at %(title)s"),
    "seminar.absent": _("marked %(name)s absent from %(title)s"),
}
