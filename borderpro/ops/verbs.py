"""Activity-feed verbs recorded by the ops app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "data.exported": _("exported the organization's data (%(rows)s records, %(files)s files)"),
}
