"""The activity feed: business events, told in the reader's language."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from borderpro.common.chain import chain_append
from borderpro.common.dates import format_day
from borderpro.organizations.models import Activity

# The foundation's verbs. Every other app keeps its own in ``borderpro/<app>/verbs.py``
# (``VERBS = {...}``), next to the code that records them and in its own translations.
FOUNDATION_VERBS: dict[str, Any] = {
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


@cache
def known_verbs() -> dict[str, Any]:
    """Every verb: the foundation's and those of each installed app's ``verbs`` module."""
    verbs = dict(FOUNDATION_VERBS)
    for config in apps.get_app_configs():
        if not config.name.startswith("borderpro."):
            continue
        try:
            module = import_module(f"{config.name}.verbs")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.verbs":
                raise
            continue
        clashes = set(verbs) & set(module.VERBS)
        if clashes:
            raise ImproperlyConfigured(f"{config.name}.verbs redefines {sorted(clashes)}")
        verbs.update(module.VERBS)
    return verbs


def activity_record(
    *, organization: Any, actor: Any, verb: str, target: Any = None, **params: Any
) -> Activity:
    if verb not in known_verbs():
        raise KeyError(f"unknown activity verb {verb!r}: add it to the app's verbs.py")
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


_DAY_OR_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2})(?: – (\d{4}-\d{2}-\d{2}))?")  # noqa: RUF001


def _readable(value: Any) -> Any:
    """A date parameter (stored ISO, "2027-02-17") or a period (two dates and an en dash)
    written the reader's way."""
    if not isinstance(value, str) or not (found := _DAY_OR_PERIOD.fullmatch(value)):
        return value
    try:
        days = [format_day(date.fromisoformat(day)) for day in found.groups() if day]
    except ValueError:
        return value
    return " – ".join(days)  # noqa: RUF001


def activity_text(activity: Activity) -> str:
    template = known_verbs().get(activity.verb)
    if template is None:
        return activity.verb
    params = {
        key: gettext(value) if key in LABEL_PARAMS and value else _readable(value)
        for key, value in activity.params.items()
    }
    try:
        return str(template) % params
    except (KeyError, ValueError, TypeError):
        return str(template)
