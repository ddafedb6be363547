"""Activity-feed verbs recorded by this app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "employee.added": _("added %(name)s to the people list"),
    "employee.updated": _("updated %(name)s in the people list"),
    "card.added": _("recorded the %(card)s of %(name)s (expires %(expires)s)"),
    "card.removed": _("removed the %(card)s of %(name)s"),
    "screening.added": _("recorded a %(check)s of %(name)s (%(outcome)s)"),
    "item.issued": _("issued %(item)s to %(name)s"),
    "item.returned": _("recorded the return of %(item)s by %(name)s"),
    "employees.imported": _("imported %(count)s employees"),
}
