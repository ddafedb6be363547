"""One response on its own page: the full editor, evidence, comments, review and history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import form_refuse, form_restore
from borderpro.common.proofs import proofs_for
from borderpro.evidence import selectors as evidence_selectors
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_upload
from borderpro.organizations.tenancy import org_view
from borderpro.profiles.forms import CommentForm, LinkEvidenceForm, ResponseForm
from borderpro.profiles.models import Response, ResponseComment, ReviewState
from borderpro.profiles.selectors.people import people
from borderpro.profiles.selectors.workspace import frameworks_pursued, workspace_build
from borderpro.profiles.services.divisions import response_share
from borderpro.profiles.services.responses import (
    TRANSITIONS,
    response_comment_add,
    response_evidence_link,
    response_evidence_unlink,
    response_transition,
)
from borderpro.profiles.views.common import response_of


def detail_context(request: HttpRequest, response: Any) -> dict[str, Any]:
    org = request.org  # type: ignore[attr-defined]
    access = request.access  # type: ignore[attr-defined]
    today = org.local_today()
    ws = workspace_build(
        org,
        response.requirement.framework,
        today=today,
        modes=["highway"],
        pursued=frameworks_pursued(org),
        requirements=[response.requirement],
        security_profile=response.security_profile,
    )
    row = ws.rows[0]
    linked_ids = {e.pk for e in row.evidence}
    origin = "all" if request.GET.get("attachments") == "1" else "document"
    vault = evidence_selectors.linkable(org, origin=origin).exclude(pk__in=linked_ids)
    transitions = [
        (state, ReviewState(state).label)
        for state, perm in TRANSITIONS.get(response.review_state, {}).items()
        if access.can(perm)
    ]
    return {
        "response": response,
        "row": row,
        "requirement": response.requirement,
        "today": today,
        "form": ResponseForm(initial=ResponseForm.initial_for(response), people=people(org)),
        "comments": ResponseComment.objects.filter(
            organization=org, response=response
        ).select_related("author"),
        "comment_form": CommentForm(),
        "link_form": LinkEvidenceForm(choices=[(str(e.pk), e.title) for e in vault]),
        "transitions": transitions,
        "share_choices": share_choices(org, response),
        "history": response.history.select_related("history_user").order_by("-history_date")[:10],
        "proofs": proofs_for(org, response.requirement.ref),
    }


def share_choices(org: Any, response: Any) -> list[Any]:
    """The same requirement's own answers in the other divisions (to share into this one)."""
    return list(
        Response.objects.filter(
            organization=org, requirement_id=response.requirement_id, same_as__isnull=True
        )
        .exclude(security_profile_id=response.security_profile_id)
        .select_related("security_profile__division")
        .order_by("security_profile__created_at")
    )


@org_view("profiles.edit", kinds=("client",))
@require_POST
def response_share_view(request: HttpRequest, response_id: str) -> HttpResponse:
    """Share another division's answer into this response, or stop sharing."""
    org = request.org  # type: ignore[attr-defined]
    response = response_of(request, response_id)
    source_id = request.POST.get("same_as", "")
    source = None
    if source_id:
        source = next((r for r in share_choices(org, response) if str(r.pk) == source_id), None)
        if source is None:
            messages.error(request, _("Choose the answer of another division of this company."))
            return redirect("profiles:response", org_code=org.code, response_id=response.pk)
    try:
        response_share(actor=request.user, organization=org, response=response, source=source)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if source is None:
            messages.success(
                request,
                _("This division now has its own answer, copied from the shared one: edit it."),
            )
        else:
            messages.success(
                request,
                _("This division now shows the answer of “%(division)s”.")
                % {"division": source.security_profile.name},
            )
    return redirect("profiles:response", org_code=org.code, response_id=response.pk)


@org_view("profiles.view", kinds=("client",))
def response_detail(request: HttpRequest, response_id: str) -> HttpResponse:
    response = response_of(request, response_id)
    context = detail_context(request, response)
    form_restore(request, context["link_form"], key=f"link:{response.pk}")
    form_restore(request, context["comment_form"], key=f"comment:{response.pk}")
    return render(request, "profiles/response.html", context)


@org_view("profiles.edit", kinds=("client",))
@require_POST
def response_review(request: HttpRequest, response_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    response = response_of(request, response_id)
    try:
        response_transition(
            actor=request.user,
            organization=org,
            access=request.access,  # type: ignore[attr-defined]
            response=response,
            to_state=request.POST.get("state", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The response is now “%(state)s”.")
            % {"state": ReviewState(response.review_state).label},
        )
    return redirect("profiles:response", org_code=org.code, response_id=response.pk)


@org_view("profiles.edit", kinds=("client",))
@require_POST
def response_comment(request: HttpRequest, response_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    response = response_of(request, response_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        response_comment_add(
            actor=request.user, organization=org, response=response, body=form.cleaned_data["body"]
        )
        messages.success(request, _("Your comment is posted."))
        return redirect("profiles:response", org_code=org.code, response_id=response.pk)
    return form_refuse(request, form, key=f"comment:{response.pk}", to=_page(org, response))


@org_view("profiles.edit", kinds=("client",))
@require_POST
def response_link(request: HttpRequest, response_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    response = response_of(request, response_id)
    context = detail_context(request, response)
    form = LinkEvidenceForm(
        request.POST, request.FILES, choices=list(context["link_form"].fields["evidence"].choices)
    )
    if form.is_valid():
        try:
            if form.cleaned_data.get("file"):
                evidence = evidence_upload(
                    actor=request.user,
                    organization=org,
                    upload=form.cleaned_data["file"],
                    title=form.cleaned_data.get("title") or "",
                    proves=f"{response.requirement.ref} {response.requirement.title}",
                )
            else:
                evidence = get_object_or_404(
                    EvidenceFile, organization=org, pk=form.cleaned_data["evidence"]
                )
            response_evidence_link(
                actor=request.user, organization=org, response=response, evidence=evidence
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("“%(title)s” now proves %(ref)s.")
                % {"title": evidence.title, "ref": response.requirement.ref},
            )
            return redirect("profiles:response", org_code=org.code, response_id=response.pk)
    return form_refuse(request, form, key=f"link:{response.pk}", to=_page(org, response))


def _page(org: Any, response: Any) -> str:
    return reverse("profiles:response", args=[org.code, response.pk]) + "#evidence"


@org_view("profiles.edit", kinds=("client",))
@require_POST
def response_unlink(request: HttpRequest, response_id: str, evidence_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    response = response_of(request, response_id)
    evidence = get_object_or_404(EvidenceFile, organization=org, pk=evidence_id)
    response_evidence_unlink(
        actor=request.user, organization=org, response=response, evidence=evidence
    )
    messages.success(
        request,
        _("“%(title)s” is no longer linked. The file stays in the vault.")
        % {"title": evidence.title},
    )
    return redirect("profiles:response", org_code=org.code, response_id=response.pk)
