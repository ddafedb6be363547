"""Writes for responses: edit with optimistic concurrency, review, comments, evidence links,
category assignments, frameworks pursued and the daily readiness point."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.catalogue.models import Category, Framework, Requirement
from borderpro.evidence.models import EvidenceFile
from borderpro.organizations.activity import activity_record
from borderpro.profiles.models import (
    CategoryAssignment,
    FrameworkSelection,
    ReadinessPoint,
    Response,
    ResponseComment,
    ResponseEvidence,
    ReviewState,
    SecurityProfile,
    Status,
)
from borderpro.profiles.services.divisions import security_profile_main
from borderpro.profiles.services.profile import StaleEdit, profile_for
from borderpro.profiles.tasks import readiness_refresh_later

EDITABLE = ("status", "justification", "narrative", "owner", "due_on", "reuse_mapped")
CONTENT = ("status", "justification", "narrative")

# state → {target state: permission needed}
TRANSITIONS: dict[str, dict[str, str]] = {
    ReviewState.DRAFT: {ReviewState.SUBMITTED: "profiles.edit"},
    ReviewState.SUBMITTED: {
        ReviewState.CHANGES_REQUESTED: "profiles.review",
        ReviewState.ACCEPTED: "profiles.review",
        ReviewState.DRAFT: "profiles.edit",
    },
    ReviewState.CHANGES_REQUESTED: {ReviewState.SUBMITTED: "profiles.edit"},
    ReviewState.ACCEPTED: {ReviewState.DRAFT: "profiles.review"},
}


def responses_ensure(
    *,
    organization: Any,
    requirements: list[Requirement],
    security_profile: SecurityProfile | None = None,
) -> int:
    """Create the missing (empty) responses of these requirements in the security profile
    (default: the main one). Returns how many were made."""
    security_profile = security_profile or security_profile_main(organization)
    existing = set(
        Response.objects.filter(
            organization=organization,
            security_profile=security_profile,
            requirement_id__in=[r.pk for r in requirements],
        ).values_list("requirement_id", flat=True)
    )
    missing = [
        Response(organization=organization, security_profile=security_profile, requirement=r)
        for r in requirements
        if r.pk not in existing
    ]
    if missing:
        Response.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def _check_members(organization: Any, user: Any) -> None:
    from borderpro.profiles.selectors.people import people_ids

    if user is not None and user.pk not in people_ids(organization):
        raise ValidationError({"owner": _("The owner must be someone who works on this profile.")})


def _keep_related(read: Response, locked: Response) -> None:
    """The locked copy of a response keeps the requirement and security profile the caller
    already read with it (they do not change on a save): no query for each again."""
    for name in ("requirement", "security_profile"):
        field: Any = getattr(Response, name).field
        if field.is_cached(read) and getattr(read, field.attname) == getattr(locked, field.attname):
            field.set_cached_value(locked, field.get_cached_value(read))


@transaction.atomic
def response_update(
    *,
    actor: Any,
    organization: Any,
    response: Response,
    expected_version: int,
    fields: dict[str, Any],
    record_readiness: bool = True,
) -> Response:
    """Save a response. Raises StaleEdit (nothing saved) when someone saved it since ``expected_version``."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError({name: _("This field cannot be changed.") for name in unknown})
    current = Response.objects.select_for_update().get(organization=organization, pk=response.pk)
    _keep_related(response, current)
    if current.version != expected_version:
        raise StaleEdit(current)
    if "owner" in fields:
        _check_members(organization, fields["owner"])
    if current.same_as_id is not None:
        written = [n for n in CONTENT if n in fields and fields[n] != getattr(current, n)]
        if written:
            raise ValidationError(
                {
                    name: _(
                        "This answer is shared with another division: edit it there, or stop "
                        "sharing to write this division's own answer."
                    )
                    for name in written
                }
            )
    content_changed = any(
        name in fields and fields[name] != getattr(current, name) for name in CONTENT
    )
    for name, value in fields.items():
        setattr(current, name, value)
    if current.status == Status.NOT_APPLICABLE and not current.justification.strip():
        raise ValidationError(
            {
                "justification": _(
                    "Say why this requirement does not apply to the company: validators ask for the reason."
                )
            }
        )
    if content_changed and current.review_state == ReviewState.ACCEPTED:
        current.review_state = ReviewState.DRAFT
    # The relations were checked above (the row is locked, the owner works here) and the table's
    # constraints hold at save: validate the fields without a query per relation and constraint.
    current.full_clean(
        exclude=[
            "organization",
            "security_profile",
            "requirement",
            "owner",
            "same_as",
            "updated_by",
        ],
        validate_unique=False,
        validate_constraints=False,
    )
    current.version = expected_version + 1
    current.updated_by = actor
    current.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="response.updated",
        target=current,
        ref=current.requirement.ref,
    )
    if record_readiness:
        readiness_refresh_later(organization=organization, response=current)
    return current


@transaction.atomic
def response_transition(
    *, actor: Any, organization: Any, access: Any, response: Response, to_state: str
) -> Response:
    allowed = TRANSITIONS.get(response.review_state, {})
    if to_state not in allowed:
        raise ValidationError(
            {
                "review_state": _("A response that is “%(from)s” cannot move to “%(to)s”.")
                % {
                    "from": ReviewState(response.review_state).label,
                    "to": ReviewState(to_state).label
                    if to_state in ReviewState.values
                    else to_state,
                }
            }
        )
    if not access.can(allowed[to_state]):
        raise PermissionDenied
    if to_state == ReviewState.SUBMITTED and not response.has_own_answer:
        raise ValidationError(
            {"review_state": _("Write the response before submitting it for review.")}
        )
    response.review_state = to_state
    response.version += 1
    response.updated_by = actor
    response.save(update_fields=["review_state", "version", "updated_by", "updated_at"])
    activity_record(
        organization=organization,
        actor=actor,
        verb="response.reviewed",
        target=response,
        ref=response.requirement.ref,
        state=ReviewState(to_state).label,
    )
    readiness_refresh_later(organization=organization, response=response)
    return response


@transaction.atomic
def response_comment_add(
    *, actor: Any, organization: Any, response: Response, body: str
) -> ResponseComment:
    if not body.strip():
        raise ValidationError({"body": _("Write something before posting the comment.")})
    comment = ResponseComment(
        organization=organization, response=response, author=actor, body=body.strip()
    )
    comment.full_clean()
    comment.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="response.commented",
        target=response,
        ref=response.requirement.ref,
    )
    return comment


@transaction.atomic
def response_evidence_link(
    *, actor: Any, organization: Any, response: Response, evidence: EvidenceFile
) -> None:
    if evidence.organization_id != organization.pk:
        raise ValidationError({"evidence": _("This file is not in this organization's vault.")})
    if response.same_as_id is not None:
        raise ValidationError(
            {
                "evidence": _(
                    "This answer is shared with another division: link the file there, or stop "
                    "sharing to give this division its own evidence."
                )
            }
        )
    if evidence.archived_at is not None:
        raise ValidationError(
            {
                "evidence": _("“%(title)s” is archived; link a current file.")
                % {"title": evidence.title}
            }
        )
    if ResponseEvidence.objects.filter(
        organization=organization, response=response, evidence=evidence
    ).exists():
        raise ValidationError(
            {
                "evidence": _("“%(title)s” is already linked to this requirement.")
                % {"title": evidence.title}
            }
        )
    try:
        with transaction.atomic():
            ResponseEvidence.objects.create(
                organization=organization, response=response, evidence=evidence, linked_by=actor
            )
    except IntegrityError as exc:
        raise ValidationError(
            {"evidence": _("This file was just linked by someone else.")}
        ) from exc
    _evidence_changed(actor, organization, response, evidence, "response.evidence_linked")


@transaction.atomic
def response_evidence_unlink(
    *, actor: Any, organization: Any, response: Response, evidence: EvidenceFile
) -> None:
    deleted, _rows = ResponseEvidence.objects.filter(
        organization=organization, response=response, evidence=evidence
    ).delete()
    if deleted:
        _evidence_changed(actor, organization, response, evidence, "response.evidence_unlinked")


def _evidence_changed(
    actor: Any, organization: Any, response: Response, evidence: EvidenceFile, verb: str
) -> None:
    """A link changed: a new version of the response (concurrent editors see it), the feed,
    and today's readiness point."""
    Response.objects.filter(pk=response.pk).update(
        version=response.version + 1, updated_at=timezone.now()
    )
    response.version += 1
    activity_record(
        organization=organization,
        actor=actor,
        verb=verb,
        target=response,
        ref=response.requirement.ref,
        title=evidence.title,
    )
    readiness_refresh_later(organization=organization, response=response)


@transaction.atomic
def category_assign(
    *, actor: Any, organization: Any, category: Category, owner: Any, due_on: date | None
) -> Any:
    if owner is None:
        CategoryAssignment.objects.filter(organization=organization, category=category).delete()
        return None
    _check_members(organization, owner)
    assignment, _created = CategoryAssignment.objects.update_or_create(
        organization=organization, category=category, defaults={"owner": owner, "due_on": due_on}
    )
    activity_record(
        organization=organization,
        actor=actor,
        verb="category.assigned",
        target=assignment,
        category=str(category.title),
        owner=owner.display_name,
    )
    return assignment


@transaction.atomic
def frameworks_select(*, actor: Any, organization: Any, frameworks: list[Framework]) -> None:
    if not frameworks:
        raise ValidationError({"frameworks": _("Choose at least one framework.")})
    FrameworkSelection.objects.filter(organization=organization).exclude(
        framework__in=frameworks
    ).delete()
    for framework in frameworks:
        FrameworkSelection.objects.get_or_create(organization=organization, framework=framework)
    activity_record(
        organization=organization,
        actor=actor,
        verb="profile.frameworks_selected",
        names=", ".join(str(f) for f in frameworks),
    )


def readiness_record_shared(*, organization: Any, response: Response) -> None:
    """Today's readiness of the response's profile, and of every profile sharing its answer."""
    from borderpro.profiles.selectors.workspace import frameworks_pursued

    framework_id = response.requirement.framework_id
    pursued = frameworks_pursued(organization)
    if framework_id not in {f.pk for f in pursued}:
        return
    profile_ids = {response.security_profile_id}
    profile_ids.update(
        Response.objects.filter(organization=organization, same_as=response).values_list(
            "security_profile_id", flat=True
        )
    )
    modes = profile_for(organization).modes or ["highway"]
    for profile in SecurityProfile.objects.filter(organization=organization, pk__in=profile_ids):
        readiness_record(
            organization=organization,
            framework_id=framework_id,
            security_profile=profile,
            pursued=pursued,
            modes=modes,
        )


def readiness_record(
    *,
    organization: Any,
    framework_id: Any,
    security_profile: SecurityProfile | None = None,
    pursued: list[Framework] | None = None,
    modes: list[str] | None = None,
) -> ReadinessPoint | None:
    """Store today's readiness of a security profile (default: the main one) for the framework
    (one point per day, updated in place). ``pursued`` and ``modes`` spare the reads when the
    caller has them."""
    from borderpro.profiles.selectors.workspace import frameworks_pursued, workspace_build

    security_profile = security_profile or security_profile_main(organization)
    pursued = pursued if pursued is not None else frameworks_pursued(organization)
    framework = next((f for f in pursued if f.pk == framework_id), None)
    if framework is None:
        return None
    today = organization.local_today()
    ws = workspace_build(
        organization,
        framework,
        today=today,
        modes=modes if modes is not None else (profile_for(organization).modes or ["highway"]),
        pursued=pursued,
        security_profile=security_profile,
        light=True,
    )
    point, _created = ReadinessPoint.objects.update_or_create(
        organization=organization,
        security_profile=security_profile,
        framework=framework,
        day=today,
        defaults={
            "score": ws.score,
            "must_score": ws.must_score,
            "should_score": ws.should_score,
            "gaps": ws.gap_total,
        },
    )
    return point
