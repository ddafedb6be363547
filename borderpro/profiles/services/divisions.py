"""Security profiles per division: the main profile, a division's own profile, shared answers.

PIP asks one security profile per division. Every organization has a main profile (created on
first use); a division that needs its own profile gets one here, optionally starting with every
answer shared with the main profile ("answer once"). A shared response (``same_as``) shows the
other division's answer until the user writes its own.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from borderpro.organizations.activity import activity_record
from borderpro.profiles.models import (
    Division,
    Response,
    ResponseEvidence,
    SecurityProfile,
    Status,
)


def security_profile_main(organization: Any) -> SecurityProfile:
    """The organization's main security profile, created the first time it is needed."""
    found = SecurityProfile.objects.filter(organization=organization, is_primary=True).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():
            return SecurityProfile.objects.create(
                organization=organization, code=SecurityProfile.PRIMARY_CODE, is_primary=True
            )
    except IntegrityError:  # created meanwhile by a concurrent request
        return SecurityProfile.objects.get(organization=organization, is_primary=True)


def _free_code(organization: Any, name: str) -> str:
    base = (slugify(name) or "division")[:50]
    taken = set(
        SecurityProfile.objects.filter(organization=organization).values_list("code", flat=True)
    )
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


@transaction.atomic
def security_profile_start(
    *,
    actor: Any,
    organization: Any,
    division: Division,
    share_answers: bool = True,
    use_main: bool = False,
) -> SecurityProfile:
    """Give ``division`` its security profile.

    ``use_main``: the main profile becomes this division's (allowed while the main profile
    names no division). Otherwise a new profile is made; with ``share_answers`` every answer
    written in the main profile is shared into it, to be replaced where the division differs.
    """
    if division.organization_id != organization.pk:
        raise ValidationError({"division": _("This division belongs to another organization.")})
    if SecurityProfile.objects.filter(organization=organization, division=division).exists():
        raise ValidationError({"division": _("This division already has its security profile.")})
    main = security_profile_main(organization)
    if use_main:
        if main.division_id is not None:
            raise ValidationError(
                {"division": _("The main profile already covers another division.")}
            )
        main.division = division
        main.full_clean()
        main.save(update_fields=["division", "updated_at"])
        profile = main
    else:
        profile = SecurityProfile(
            organization=organization,
            division=division,
            code=_free_code(organization, division.name),
        )
        profile.full_clean()
        profile.save()
        if share_answers:
            _share_all(organization, main, profile)
    activity_record(
        organization=organization,
        actor=actor,
        verb="security_profile.started",
        target=profile,
        division=division.name,
    )
    return profile


def _share_all(organization: Any, source: SecurityProfile, target: SecurityProfile) -> int:
    """One shared response in ``target`` for every answered response of ``source``."""
    answered = Response.objects.filter(
        organization=organization, security_profile=source, same_as__isnull=True
    ).exclude(status=Status.NOT_STARTED, narrative="")
    rows = [
        Response(
            organization=organization,
            security_profile=target,
            requirement_id=r.requirement_id,
            same_as=r,
            reuse_mapped=r.reuse_mapped,
        )
        for r in answered.only("id", "requirement_id", "reuse_mapped")
    ]
    Response.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


@transaction.atomic
def response_share(
    *, actor: Any, organization: Any, response: Response, source: Response | None
) -> Response:
    """Share ``source``'s answer into ``response`` (same requirement, another division), or
    stop sharing (``source=None``: the response keeps a copy of the answer to edit)."""
    current = Response.objects.select_for_update().get(organization=organization, pk=response.pk)
    if source is None:
        shared = current.same_as
        if shared is not None:
            current.status, current.justification = shared.status, shared.justification
            current.narrative = shared.narrative
            ResponseEvidence.objects.bulk_create(
                [
                    ResponseEvidence(
                        organization=organization,
                        response=current,
                        evidence_id=link.evidence_id,
                        linked_by=actor,
                    )
                    for link in ResponseEvidence.objects.filter(
                        organization=organization, response=shared
                    )
                ],
                ignore_conflicts=True,
            )
        current.same_as = None
    else:
        _check_source(organization, current, source)
        current.same_as = source
    current.version += 1
    current.updated_by = actor
    current.full_clean()
    current.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="response.shared" if source else "response.unshared",
        target=current,
        ref=current.requirement.ref,
    )
    from borderpro.profiles.services.responses import readiness_record

    readiness_record(
        organization=organization,
        framework_id=current.requirement.framework_id,
        security_profile=current.security_profile,
    )
    return current


def _check_source(organization: Any, response: Response, source: Response) -> None:
    problem = None
    if (
        source.organization_id != organization.pk
        or source.requirement_id != response.requirement_id
    ):
        problem = _("Share only the answer to the same requirement in another division.")
    elif source.security_profile_id == response.security_profile_id:
        problem = _("Choose the answer of another division.")
    elif source.same_as_id is not None:
        problem = _("That answer is itself shared from another division; share the original.")
    elif response.shared_with.exists():
        problem = _("Other divisions share this answer; it cannot share another one.")
    if problem:
        raise ValidationError({"same_as": problem})
