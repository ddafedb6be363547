"""The activity feed: business events, told in the reader's language."""

from __future__ import annotations

from typing import Any

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
            params={k: str(v) for k, v in params.items()},
        )
    )


def activity_text(activity: Activity) -> str:
    template = VERBS.get(activity.verb)
    if template is None:
        return activity.verb
    try:
        return str(template) % activity.params
    except (KeyError, ValueError, TypeError):
        return str(template)
