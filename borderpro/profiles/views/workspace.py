"""The framework workspace: categories with progress, filters, inline editing with htmx."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.catalogue.models import Category, Framework
from borderpro.common.forms import apply_validation_error
from borderpro.organizations.models import ClientLink
from borderpro.organizations.tenancy import org_view
from borderpro.profiles.forms import AssignForm, ResponseForm
from borderpro.profiles.models import Status
from borderpro.profiles.selectors.people import people
from borderpro.profiles.selectors.workspace import (
    GAPS,
    applicable_requirements,
    frameworks_pursued,
    workspace_filter,
)
from borderpro.profiles.services.profile import StaleEdit
from borderpro.profiles.services.responses import (
    category_assign,
    frameworks_select,
    response_update,
    responses_ensure,
)
from borderpro.profiles.views.common import no_framework, response_of, setting, workspace_of
from borderpro.profiles.views.rows import row_strings


@org_view("profiles.view", kinds=("client",))
def workspace(request: HttpRequest) -> HttpResponse:
    ctx = setting(request)
    if ctx["framework"] is None:
        return no_framework(request)
    org, framework = ctx["org"], ctx["framework"]
    requirements = applicable_requirements(org, framework, ctx["modes"])
    ws = workspace_of(ctx, requirements=requirements, light=True)
    # An editor's workspace has a saved response on every row (each can be edited and linked):
    # the rows still missing one (a framework just chosen, a catalogue update) get it now.
    if request.access.can("profiles.edit") and any(  # type: ignore[attr-defined]
        row.response._state.adding for row in ws.rows
    ):
        responses_ensure(
            organization=org,
            requirements=requirements,
            security_profile=ctx["security_profile"],
        )
        ws = workspace_of(ctx, requirements=requirements, light=True)
    filters = {
        "status": request.GET.get("status", ""),
        "owner": request.GET.get("owner", ""),
        "gaps_only": request.GET.get("gaps") == "1",
        "gap": request.GET.get("gap", ""),
        "q": request.GET.get("q", ""),
    }
    blocks = workspace_filter(
        ws,
        status=str(filters["status"]),
        owner=str(filters["owner"]),
        gaps_only=bool(filters["gaps_only"]),
        gap=str(filters["gap"]),
        q=str(filters["q"]),
    )
    team = people(org)
    context = {
        **ctx,
        **row_strings(request),
        "ws": ws,
        "blocks": blocks,
        "filters": filters,
        "people": team,
        "statuses": Status.choices,
        "gap_choices": [(k, v) for k, v in GAPS.items()],
        "tab": "workspace",
        "filtered": any(filters.values()),
    }
    template = "profiles/_blocks.html" if request.htmx else "profiles/workspace.html"  # type: ignore[attr-defined]
    return render(request, template, context)


def _row_context(request: HttpRequest, response: Any) -> dict[str, Any]:
    org = request.org  # type: ignore[attr-defined]
    ctx = (
        setting(request)
        if request.GET.get("framework")
        else {
            "org": org,
            "pursued": frameworks_pursued(org),
            "framework": response.requirement.framework,
            "modes": ["highway"],
            "today": org.local_today(),
        }
    )
    ctx = {**ctx, "security_profile": response.security_profile}  # the row's own division
    ws = workspace_of(ctx, response.requirement.framework, requirements=[response.requirement])
    return {**row_strings(request), "row": ws.rows[0], "framework": response.requirement.framework}


@org_view("profiles.view", kinds=("client",))
def response_row(request: HttpRequest, response_id: str) -> HttpResponse:
    response = response_of(request, response_id)
    return render(request, "profiles/_row.html", _row_context(request, response))


@org_view("profiles.edit", kinds=("client",))
def response_edit(request: HttpRequest, response_id: str) -> HttpResponse:
    """GET: the inline editor. POST: save; on a conflict, show both versions and keep the user's text."""
    org = request.org  # type: ignore[attr-defined]
    response = response_of(request, response_id)
    team = people(org)
    if request.method != "POST":
        form = ResponseForm(initial=ResponseForm.initial_for(response), people=team)
        return render(request, "profiles/_row_edit.html", {"form": form, "response": response})
    form = ResponseForm(request.POST, people=team)
    conflict = None
    if form.is_valid():
        fields = {
            k: form.cleaned_data[k]
            for k in ("status", "narrative", "justification", "owner", "due_on")
        }
        try:
            saved = response_update(
                actor=request.user,
                organization=org,
                response=response,
                expected_version=form.cleaned_data["version"],
                fields=fields,
            )
        except StaleEdit as exc:
            conflict = exc.current
            data = request.POST.copy()
            data["version"] = str(exc.current.version)
            form.data = data
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if request.htmx:  # type: ignore[attr-defined]
                return render(request, "profiles/_row.html", _row_context(request, saved))
            messages.success(request, _("Saved."))
            return redirect("profiles:response", org_code=org.code, response_id=saved.pk)
    context = {"form": form, "response": response, "conflict": conflict}
    if request.htmx:  # type: ignore[attr-defined]
        # htmx swaps 200 responses only: the form with its errors or the conflict replaces the row.
        return render(request, "profiles/_row_edit.html", context)
    from borderpro.profiles.views.response import detail_context

    return render(
        request,
        "profiles/response.html",
        {**detail_context(request, response), **context},
        status=409 if conflict else 400,
    )


@org_view("profiles.assign", kinds=("client",))
@require_POST
def assign_category(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = AssignForm(request.POST, people=people(org))
    pursued = frameworks_pursued(org)
    back = request.POST.get("next") or ""
    if form.is_valid():
        category = Category.objects.filter(
            pk=form.cleaned_data["category"], framework__in=pursued
        ).first()
        if category is None:
            messages.error(
                request, _("That category is not part of a framework this company pursues.")
            )
        else:
            try:
                category_assign(
                    actor=request.user,
                    organization=org,
                    category=category,
                    owner=form.cleaned_data["owner"],
                    due_on=form.cleaned_data["due_on"],
                )
                messages.success(
                    request, _("“%(category)s” is assigned.") % {"category": category.title}
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
    else:
        messages.error(
            request,
            _("The assignment was not saved: %(errors)s")
            % {"errors": " ".join(str(e) for errs in form.errors.values() for e in errs)},
        )
    if back.startswith("/o/"):
        return redirect(back)
    return redirect("profiles:home", org_code=org.code)


@org_view("profiles.configure", kinds=("client",))
def frameworks(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    consultancies = ClientLink.objects.filter(client=org).values("consultancy_id")
    available = list(
        Framework.objects.filter(is_current=True, kind="program")
        .filter(Q(owner__isnull=True) | Q(owner_id__in=consultancies))  # never another firm's own
        .order_by("position", "code")
    )
    pursued = frameworks_pursued(org)
    error = ""
    if request.method == "POST":
        chosen = [f for f in available if str(f.pk) in request.POST.getlist("frameworks")]
        try:
            frameworks_select(actor=request.user, organization=org, frameworks=chosen)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("The frameworks pursued are saved."))
            return redirect("profiles:home", org_code=org.code)
    return render(
        request,
        "profiles/frameworks.html",
        {
            "available": available,
            "chosen": {f.pk for f in pursued},
            "error": error,
        },
        status=400 if error else 200,
    )
