"""The activity feed: business events, told in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from borderpro.common.chain import chain_append
from borderpro.organizations.models import Activity

VERBS: dict[str, Any] = {
    "organization.created": _("created the organization %(name)s"),
    "organization.updated": _("updated the organization settings"),
    "member.invited": _("invited %(email)s as %(role)s"),
    "member.joined": _("joined as %(role)s"),
    "member.role_changed": _("changed the role of %(email)s to %(role)s"),
    "member.removed": _("removed %(email)s"),
    "invitation.revoked": _("revoked the invitation for %(email)s"),
    "client.linked": _("added the client %(name)s"),
    "consultant.assigned": _("assigned %(email)s to %(name)s"),
    "consultant.unassigned": _("removed %(email)s from %(name)s"),
    "evidence.uploaded": _("uploaded evidence “%(title)s”"),
    "evidence.updated": _("updated evidence “%(title)s”"),
    "evidence.downloaded": _("downloaded evidence “%(title)s”"),
    "evidence.archived": _("archived evidence “%(title)s”"),
    "evidence.exported": _("exported the evidence vault (%(count)s files)"),
    "records.verified": _("verified the record chains (%(result)s)"),
    "token.created": _("created the API token “%(name)s”"),
    "token.revoked": _("revoked the API token “%(name)s”"),
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
    "catalogue.note_saved": _("saved the guidance note on %(ref)s"),
    "catalogue.note_deleted": _("deleted the guidance note on %(ref)s"),
    "catalogue.framework_loaded": _("loaded the framework “%(name)s”, edition %(edition)s"),
    "employee.added": _("added %(name)s to the people list"),
    "employee.updated": _("updated %(name)s in the people list"),
    "card.added": _("recorded the %(card)s of %(name)s (expires %(expires)s)"),
    "card.removed": _("removed the %(card)s of %(name)s"),
    "membership.saved": _("updated the %(program)s membership (%(status)s)"),
    "membership.status_changed": _("moved the %(program)s membership to “%(status)s”"),
    "declarations.saved": _("updated the program declarations"),
}


def activity_record(
    *, organization: Any, actor: Any, verb: str, target: Any = None, **params: Any
) -> Activity:
    if verb not in VERBS:
        raise KeyError(f"unknown activity verb {verb!r}: add it to VERBS")
    return chain_append(
        Activity(
            organization=organization,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            verb=verb,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            params=_stored_params(params),
        )
    )


# Parameters that hold a label of the product (a role, a status, a program, a kind) rather than
# something a person typed: stored in English, shown in the reader's language.
LABEL_PARAMS = frozenset({"role", "status", "program", "kind", "card", "agency", "result"})


def choice_label(instance: Any, field_name: str) -> Any:
    """The (lazy) label of a choice field's value, for an activity parameter."""
    field = instance._meta.get_field(field_name)
    value = getattr(instance, field.attname)
    return dict(field.flatchoices).get(value, value)


def _stored_params(params: dict[str, Any]) -> dict[str, str]:
    with translation.override("en"):
        return {key: str(value) for key, value in params.items()}


def activity_text(activity: Activity) -> str:
    template = VERBS.get(activity.verb)
    if template is None:
        return activity.verb
    params = {
        key: gettext(value) if key in LABEL_PARAMS and value else value
        for key, value in activity.params.items()
    }
    try:
        return str(template) % params
    except (KeyError, ValueError, TypeError):
        return str(template)
