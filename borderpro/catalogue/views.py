"""Requirements catalogue pages: browse, search, crosswalk, compare editions, consultancy additions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from borderpro.catalogue import fragments, selectors, services
from borderpro.catalogue.answers import answer_source_for
from borderpro.catalogue.comparison import editions_compare
from borderpro.catalogue.forms import FrameworkUploadForm, GuidanceNoteForm, RequirementFilterForm
from borderpro.catalogue.models import Framework, Relation
from borderpro.catalogue.selectors import Visibility
from borderpro.common.forms import apply_validation_error
from borderpro.common.http import OrgRequest
from borderpro.organizations.tenancy import org_view

PAGE_SIZE = 50
PRINT_LIMIT = 1000  # "show all" for printing the whole filtered list
LIST_DEFERRED = ("evidence_en", "evidence_fr", "search_en", "search_fr", "source_url", "applies_to")


def _vis(request: OrgRequest) -> Visibility:
    return selectors.visibility_for(request.access)


@org_view("catalogue.view")
def catalogue_index(request: OrgRequest) -> HttpResponse:
    vis = _vis(request)
    frameworks = selectors.frameworks_with_counts(vis)
    families = selectors.families_with_editions(vis)
    context = {
        "shipped": [f for f in frameworks if f.owner_id is None],
        "own": [f for f in frameworks if f.owner_id is not None],
        "comparable": any(len(editions) > 1 for editions in families.values()),
        "has_crosswalk": selectors.framework_current(vis, "PIP") is not None,
    }
    return render(request, "catalogue/index.html", context)


@org_view("catalogue.view")
def requirement_list(request: OrgRequest) -> HttpResponse:
    vis = _vis(request)
    # htmx: the results, and the categories of the framework (out of band)
    template = "catalogue/_results.html" if request.htmx else "catalogue/_list.html"
    body = fragments.cached(
        fragments.page_key(request, vis, template),
        lambda: render_to_string(template, _list_context(request, vis), request),
    )
    if request.htmx:
        return HttpResponse(body)
    return render(request, "catalogue/list.html", {"body": body})


def _list_context(request: OrgRequest, vis: Visibility) -> dict[str, Any]:
    form = RequirementFilterForm(vis, request.GET)
    filters = form.filters()
    size = PRINT_LIMIT if request.GET.get("all") == "1" else PAGE_SIZE
    rows = selectors.requirement_search(vis, filters).defer(*LIST_DEFERRED)
    page = Paginator(rows, size).get_page(request.GET.get("page"))
    noted = selectors.noted_refs(vis)
    for row in page.object_list:  # evaluated once; the template reuses the rows
        row.has_note = (row.framework.code, row.ref) in noted  # type: ignore[attr-defined]
    base_url = reverse("catalogue:requirements", args=[request.org.code])
    return {"form": form, "filters": filters, "page": page, "base_url": base_url}


HISTORY_SHOWN = ("history_id", "history_type", "history_change_reason", "history_date")


@org_view("catalogue.view")
def requirement_detail(request: OrgRequest, requirement_id: Any) -> HttpResponse:
    vis = _vis(request)

    def build() -> dict[str, Any]:
        """What the catalogue says (kept); notes, their form and the history are not."""
        requirement = selectors.requirement_get(vis, requirement_id)  # or 404, never kept
        context = {
            "requirement": requirement,
            "framework": requirement.framework,
            "links": selectors.links_of(vis, requirement),
            "editions": selectors.requirement_editions(vis, requirement),
        }
        return {
            "requirement": requirement,
            "top": render_to_string("catalogue/_detail_top.html", context, request),
            "facts": render_to_string("catalogue/_detail_facts.html", context, request),
        }

    # kept for this viewer and catalogue state: the requirement was found and visible then
    body = fragments.cached(fragments.page_key(request, vis, "detail", str(requirement_id)), build)
    requirement = body["requirement"]
    notes = selectors.guidance_notes_for(vis, requirement)
    own_note = selectors.guidance_note_of(vis, requirement, notes)
    history = requirement.history.select_related("history_user").only(
        *HISTORY_SHOWN, "history_user"
    )
    context = {
        "body": body,
        "requirement": requirement,
        "notes": notes,
        "history": history.order_by("-history_date")[:10],
        "can_write_note": _can_write_note(request, vis),
        "note_form": GuidanceNoteForm(initial={"text": own_note.text if own_note else ""}),
        "own_note": own_note,
        "vis": vis,
    }
    return render(request, "catalogue/detail.html", context)


def _can_write_note(request: OrgRequest, vis: Visibility) -> bool:
    return vis.note_owner is not None and request.access.can("catalogue.write_notes")


@org_view("catalogue.write_notes")
def guidance_note_edit(request: OrgRequest, requirement_id: Any) -> HttpResponse:
    vis = _vis(request)
    requirement = selectors.requirement_get(vis, requirement_id)
    if vis.note_owner is None:
        raise PermissionDenied
    note = selectors.guidance_note_of(vis, requirement)
    form = GuidanceNoteForm(request.POST or None, initial={"text": note.text if note else ""})
    org = request.org
    back = redirect("catalogue:requirement", org_code=org.code, requirement_id=requirement.pk)
    if request.method == "POST" and "delete" in request.POST:
        if note is not None:
            services.guidance_note_delete(actor=request.user, note=note)
            messages.success(request, _("The guidance note was deleted."))
        return back
    if request.method == "POST" and form.is_valid():
        try:
            services.guidance_note_save(
                actor=request.user,
                consultancy=vis.note_owner,
                requirement=requirement,
                text=form.cleaned_data["text"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Guidance note saved. %(consultancy)s and its clients see it.")
                % {"consultancy": vis.note_owner.name},
            )
            return back
    return render(
        request,
        "catalogue/note.html",
        {
            "requirement": requirement,
            "form": form,
            "note": note,
            "vis": vis,
        },
        status=400 if form.errors else 200,
    )


@org_view("catalogue.view")
def framework_detail(request: OrgRequest, framework_id: Any) -> HttpResponse:
    vis = _vis(request)
    framework = selectors.framework_get(vis, framework_id)
    families = selectors.families_with_editions(vis)
    context = {
        "framework": framework,
        "categories": selectors.categories_of(vis, framework),
        "editions": families.get((framework.code, framework.owner_id), []),
    }
    return render(request, "catalogue/framework.html", context)


@org_view("catalogue.view")
def crosswalk_view(request: OrgRequest) -> HttpResponse:
    vis = _vis(request)
    template = "catalogue/_crosswalk.html"
    body = fragments.cached(
        fragments.page_key(request, vis, template),
        lambda: render_to_string(template, _crosswalk_context(request, vis), request),
    )
    return render(request, "catalogue/crosswalk.html", {"body": body})


def _crosswalk_context(request: OrgRequest, vis: Visibility) -> dict[str, Any]:
    current = [f for f in selectors.frameworks_visible(vis) if f.is_current]
    rows = selectors.framework_resolve(
        vis, request.GET.get("rows", "")
    ) or selectors.framework_current(vis, "PIP")
    cols = selectors.framework_resolve(
        vis, request.GET.get("cols", "")
    ) or selectors.framework_current(vis, "CTPAT-HC")
    context: dict[str, Any] = {
        "frameworks": current,
        "rows": rows,
        "cols": cols,
        "relations": Relation,
    }
    if rows is not None and cols is not None and rows.pk != cols.pk:
        result = selectors.crosswalk(rows, cols)
        context["result"] = result
        row_cat = selectors.category_resolve(vis, request.GET.get("r", ""), rows)
        col_cat = selectors.category_resolve(vis, request.GET.get("c", ""), cols)
        if row_cat is not None or col_cat is not None:
            context.update(
                row_cat=row_cat,
                col_cat=col_cat,
                pairs=selectors.crosswalk_pairs(rows, cols, row_cat, col_cat),
            )
    return context


def _pick_editions(
    request: OrgRequest, vis: Visibility
) -> tuple[list[Any], Framework | None, Framework | None]:
    families = selectors.families_with_editions(vis)
    groups = [editions for editions in families.values() if len(editions) > 1]
    a = selectors.framework_resolve(vis, request.GET.get("a", ""))
    b = selectors.framework_resolve(vis, request.GET.get("b", ""))
    if (a is None or b is None) and groups:
        editions = groups[0]
        if a is not None:
            editions = families.get((a.code, a.owner_id), editions)
        newest = next((f for f in editions if f.is_current), editions[0])
        older = [f for f in editions if f.pk != newest.pk]
        b = b or newest
        a = a or (older[0] if older else None)
    return groups, a, b


@org_view("catalogue.view")
def compare_view(request: OrgRequest) -> HttpResponse:
    vis = _vis(request)
    groups, a, b = _pick_editions(request, vis)
    context: dict[str, Any] = {"groups": groups, "a": a, "b": b}
    source = None
    answered: set[str] = set()
    if a is not None and b is not None:
        if (a.code, a.owner_id) != (b.code, b.owner_id):
            context["mismatch"] = True
        else:
            source = answer_source_for(request.org, a)
            if source is not None:
                answered = source.refs(request.org, a.code)
            else:
                answered = selectors.noted_refs_of_family(vis, a)
    template = "catalogue/_compare.html"

    def build() -> str:
        if a is not None and b is not None and "mismatch" not in context:
            context["answers"] = source
            context["result"] = editions_compare(
                a=a, b=b, answered_refs=answered if answered else None, visible=vis.frameworks_q()
            )
        return render_to_string(template, context, request)

    # the organization's answers change outside the catalogue: they name the fragment too
    answers = (source.name if source is not None else None, tuple(sorted(answered)))
    body = fragments.cached(fragments.page_key(request, vis, template, *answers), build)
    return render(request, "catalogue/compare.html", {"body": body})


@org_view("catalogue.manage_frameworks", kinds=("consultancy",))
def framework_upload(request: OrgRequest) -> HttpResponse:
    org = request.org
    form = FrameworkUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = services.framework_upload(
            actor=request.user, organization=org, uploads=form.cleaned_data["framework_files"]
        )
        if report.ok:
            for file_report in report.files:
                messages.success(request, file_report.summary())
            frameworks = report.frameworks
            if len(frameworks) == 1:
                return redirect(
                    "catalogue:framework", org_code=org.code, framework_id=frameworks[0].pk
                )
            return redirect("catalogue:index", org_code=org.code)
    status = 400 if (form.errors or (report is not None and not report.ok)) else 200
    own = [f for f in selectors.frameworks_with_counts(_vis(request)) if f.owner_id is not None]
    return render(
        request,
        "catalogue/upload.html",
        {"form": form, "report": report, "own": own},
        status=status,
    )
