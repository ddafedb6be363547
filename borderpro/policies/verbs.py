"""Activity-feed verbs recorded by the policies module."""

from django.utils.translation import gettext_lazy as _

VERBS = {
    "policies.generated": _("generated the policy “%(title)s” from its template"),
    "policies.edited": _("edited the policy “%(title)s” (version %(version)s)"),
    "policies.submitted": _("submitted the policy “%(title)s” (version %(version)s) for review"),
    "policies.approved": _("approved the policy “%(title)s” (version %(version)s)"),
    "policies.published": _("published the policy “%(title)s”"),
    "policies.acknowledged": _("recorded %(count)s acknowledgements of “%(title)s”"),
    "policies.exported": _("exported the security manual (%(format)s)"),
    "policies.template_saved": _("saved the policy template %(key)s (version %(version)s)"),
}
