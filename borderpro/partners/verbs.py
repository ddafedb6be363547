"""Activity-feed verbs recorded by the partners app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "partner.added": _("added %(name)s (%(kind)s) to the partner register"),
    "partner.updated": _("updated %(name)s in the partner register"),
    "partner.screened": _("screened %(name)s: %(outcome)s"),
    "certification.added": _("recorded the %(program)s certification of %(name)s"),
    "certification.checked": _("checked the %(program)s status of %(name)s (%(verified)s)"),
    "questionnaire.sets_seeded": _("prepared %(count)s partner question sets from the catalogue"),
    "questionnaire.sent": _("sent the questionnaire %(set)s to %(name)s"),
    "questionnaire.revoked": _("revoked the questionnaire link of %(name)s"),
    "questionnaire.submitted": _("received the questionnaire answers of %(name)s"),
    "questionnaire.reminded": _("reminded %(name)s to answer its questionnaire"),
    "questionnaire.reviewed": _("reviewed the questionnaire of %(name)s: %(outcome)s"),
    "library.drafted": _("drafted %(count)s library answers from the security profile"),
    "library.saved": _("saved the library answer to %(ref)s"),
}
