"""Activity-feed verbs recorded by this app (collected by organizations.activity)."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "profile.updated": _("updated the carrier profile of %(name)s"),
    "profile.row_saved": _("saved “%(name)s” in the carrier profile"),
    "profile.row_deleted": _("removed “%(name)s” from the carrier profile"),
    "profile.frameworks_selected": _("chose the frameworks pursued: %(names)s"),
    "response.updated": _("updated the response to %(ref)s"),
    "response.reviewed": _("moved the response to %(ref)s to “%(state)s”"),
    "response.commented": _("commented on %(ref)s"),
    "response.evidence_linked": _("linked “%(title)s” to %(ref)s"),
    "response.evidence_unlinked": _("unlinked “%(title)s” from %(ref)s"),
    "category.assigned": _("assigned %(category)s to %(owner)s"),
    "responses.imported": _("imported %(count)s responses from a spreadsheet"),
    "package.built": _("built the application package (%(language)s)"),
    "submission.recorded": _("recorded a submission to %(agency)s"),
    "security_profile.started": _("started the security profile of the division %(division)s"),
    "response.shared": _("shared another division's answer to %(ref)s"),
    "response.unshared": _("gave %(ref)s this division's own answer"),
}
