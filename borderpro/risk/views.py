"""Risk assessment pages: the list, the five steps as a stepper, the record and approvals,
the year-over-year comparison and the report export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error, form_refuse, form_restore
from borderpro.common.jobs import job_start
from borderpro.common.models import Job
from borderpro.organizations.tenancy import org_view
from borderpro.risk import charts, scoring, selectors, services, threats
from borderpro.risk.forms import (
    ActionForm,
    FlowForm,
    MatrixForm,
    NextForm,
    RatingForm,
    RecordForm,
    SignForm,
    StartForm,
    VulnerabilityForm,
)
from borderpro.risk.models import Action, Assessment, Flow, ThreatRating, Vulnerability

CLIENT = ("client",)
REGISTER_PAGE = 40


def _steps() -> list[tuple[str, str, str]]:
    return [
        ("map", _("1. Map flows"), "risk:map"),
        ("threats", _("2. Threats"), "risk:threats"),
        ("vulnerabilities", _("3. Vulnerabilities"), "risk:vulnerabilities"),
        ("risks", _("4. Risks"), "risk:risks"),
        ("actions", _("5. Action plan"), "risk:actions"),
        ("record", _("Record and approval"), "risk:record"),
    ]


def _assessment(org: Any, assessment_id: Any) -> Assessment:
    try:
        return selectors.assessment_get(org, assessment_id)
    except Assessment.DoesNotExist:
        raise Http404 from None


def _render(
    request: HttpRequest, template: str, a: Assessment, step: str, **extra: Any
) -> HttpResponse:
    access = request.access  # type: ignore[attr-defined]
    context = {
        "a": a,
        "step": step,
        "steps": _steps(),
        "can_edit": access.can("risk.edit") and not a.is_locked,
        "can_track": access.can("risk.edit"),
        "size": a.size,
        "levels": scoring.level_choices(a.size),
        **extra,
    }
    return render(request, template, context)


def _ensure_edit(request: HttpRequest) -> None:
    if not request.access.can("risk.edit"):  # type: ignore[attr-defined]
        raise PermissionDenied


def _save_posted(
    request: HttpRequest, form: Any, save: Callable[[dict[str, Any]], Any], *, done: str, to: str
) -> HttpResponse | None:
    """The one shape of every step's form: on POST, check the edit right, validate, call the
    service with the cleaned data; a service's refusal goes on the form field by field.
    Answers the redirect after a save, ``None`` when the page is to be shown (again)."""
    if request.method != "POST":
        return None
    _ensure_edit(request)
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, done)
            return redirect(to)
    return None


@org_view("risk.view", kinds=CLIENT)
def assessment_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    today = org.local_today()
    rows = list(selectors.assessment_list(org))
    return render(
        request,
        "risk/list.html",
        {
            "rows": rows,
            "prompts": selectors.review_prompts(org, today),
            "start_form": form_restore(
                request,
                StartForm(initial={"year": today.year, "size": 3}),
                key=f"risk-start:{org.code}",
            ),
            "latest": rows[0] if rows else None,
        },
    )


@org_view("risk.edit", kinds=CLIENT)
@require_POST
def assessment_create(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = StartForm(request.POST)
    if form.is_valid():
        try:
            a = services.assessment_create(
                actor=request.user,
                organization=org,
                year=form.cleaned_data["year"],
                size=form.cleaned_data["size"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The assessment is started from the carrier profile."))
            return redirect("risk:map", org_code=org.code, assessment_id=a.pk)
    # post/redirect/get: back to the list, with the message and the values typed
    return form_refuse(
        request, form, key=f"risk-start:{org.code}", to=reverse("risk:list", args=[org.code])
    )


@org_view("risk.view", kinds=CLIENT)
def step_map(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    form = FlowForm(request.POST or None, prefix="flow")
    saved = _save_posted(
        request,
        form,
        lambda data: services.flow_create(
            actor=request.user, organization=org, assessment=a, **data
        ),
        done=_("The flow is mapped."),
        to=reverse("risk:map", args=[org.code, a.pk]),
    )
    if saved:
        return saved
    flows = list(selectors.flows(a))
    response = _render(
        request,
        "risk/step_map.html",
        a,
        "map",
        flows=flows,
        form=form,
        diagram=charts.flow_diagram(flows),
    )
    return _bad(response) if form.errors else response


def _bad(response: HttpResponse) -> HttpResponse:
    response.status_code = 400
    return response


@org_view("risk.view", kinds=CLIENT)
def flow_detail(request: HttpRequest, flow_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    flow: Any = get_object_or_404(
        Flow.objects.select_related("assessment"), organization=org, pk=flow_id
    )
    a = flow.assessment
    form = FlowForm(request.POST or None, instance=flow, prefix="flow")
    saved = _save_posted(
        request,
        form,
        lambda data: services.flow_update(actor=request.user, organization=org, flow=flow, **data),
        done=_("Saved."),
        to=reverse("risk:map", args=[org.code, a.pk]),
    )
    if saved:
        return saved
    response = _render(request, "risk/flow_form.html", a, "map", flow=flow, form=form)
    return _bad(response) if form.errors else response


@org_view("risk.edit", kinds=CLIENT)
@require_POST
def flow_remove(request: HttpRequest, flow_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    flow: Any = get_object_or_404(
        Flow.objects.select_related("assessment"), organization=org, pk=flow_id
    )
    a = flow.assessment
    try:
        services.flow_remove(actor=request.user, organization=org, flow=flow)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The flow is removed."))
    return redirect("risk:map", org_code=org.code, assessment_id=a.pk)


@org_view("risk.view", kinds=CLIENT)
def step_threats(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    form = RatingForm(request.POST or None, assessment=a)
    saved = _save_posted(
        request,
        form,
        lambda data: services.threat_rate(
            actor=request.user, organization=org, assessment=a, **data
        ),
        done=_("The threat is rated."),
        to=reverse("risk:threats", args=[org.code, a.pk]),
    )
    if saved:
        return saved
    flows = list(selectors.flows(a))
    ratings = list(selectors.ratings(a))
    overall = {r.threat: r for r in ratings if r.flow_id is None}
    rows = []
    crossings = sorted({c for f in flows for c in f.crossing_list})
    for threat in threats.library():
        default = threat.default_for(crossings)
        rows.append(
            {
                "threat": threat,
                "rating": overall.get(threat.code),
                "overrides": [r for r in ratings if r.flow_id and r.threat == threat.code],
                "default": default,
                "default_level": default.level_on(a.size) if default else None,
                "region": threats.region_name(default.region) if default else "",
            }
        )
    response = _render(
        request, "risk/step_threats.html", a, "threats", rows=rows, form=form, flows=flows
    )
    return _bad(response) if form.errors else response


@org_view("risk.edit", kinds=CLIENT)
@require_POST
def rating_remove(request: HttpRequest, rating_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    rating: Any = get_object_or_404(
        ThreatRating.objects.select_related("assessment"), organization=org, pk=rating_id
    )
    a = rating.assessment
    try:
        services.threat_unrate(actor=request.user, organization=org, rating=rating)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("risk:threats", org_code=org.code, assessment_id=a.pk)


@org_view("risk.view", kinds=CLIENT)
def step_vulnerabilities(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    errors: dict[Any, Any] = {}
    if request.method == "POST":
        _ensure_edit(request)
        if "refresh" in request.POST:
            services.vulnerabilities_refresh(organization=org, assessment=a)
            messages.success(request, _("Proposed again from the security profile."))
            return redirect("risk:vulnerabilities", org_code=org.code, assessment_id=a.pk)
        vuln = get_object_or_404(
            Vulnerability, organization=org, assessment=a, pk=request.POST.get("vulnerability")
        )
        form = VulnerabilityForm(request.POST, size=a.size, prefix=str(vuln.pk))
        if form.is_valid():
            try:
                services.vulnerability_rate(
                    actor=request.user, organization=org, vulnerability=vuln, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The vulnerability is rated."))
                return redirect("risk:vulnerabilities", org_code=org.code, assessment_id=a.pk)
        errors[vuln.pk] = form
    rows = []
    for vuln in selectors.vulnerabilities(a):
        form = errors.get(vuln.pk) or VulnerabilityForm(
            size=a.size,
            prefix=str(vuln.pk),
            initial={"level": vuln.level, "justification": vuln.justification},
        )
        rows.append({"v": vuln, "form": form})
    response = _render(request, "risk/step_vulnerabilities.html", a, "vulnerabilities", rows=rows)
    return _bad(response) if errors else response


@org_view("risk.view", kinds=CLIENT)
def step_risks(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    ws = selectors.workspace(a, with_actions=False)
    flow_id, category = request.GET.get("flow", ""), request.GET.get("category", "")
    risks = [
        r
        for r in ws.risks
        if (not flow_id or str(getattr(r.flow, "pk", "")) == flow_id)
        and (not category or r.category.code == category)
    ]
    return _render(
        request,
        "risk/step_risks.html",
        a,
        "risks",
        ws=ws,
        page=Paginator(risks, REGISTER_PAGE).get_page(request.GET.get("page")),
        total=len(risks),
        flow_id=flow_id,
        category=category,
        heatmap=charts.heat_map(a.get_matrix(), ws.heat),
        colours={i: charts.level_colour(i, a.size) for i in range(a.size)},
    )


@org_view("risk.view", kinds=CLIENT)
def step_actions(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    form = ActionForm(request.POST or None, assessment=a, prefix="action")
    saved = _save_posted(
        request,
        form,
        lambda data: services.action_create(
            actor=request.user, organization=org, assessment=a, **data
        ),
        done=_("The action is in the plan."),
        to=reverse("risk:actions", args=[org.code, a.pk]),
    )
    if saved:
        return saved
    ws = selectors.workspace(a, with_risks=False)
    response = _render(
        request,
        "risk/step_actions.html",
        a,
        "actions",
        ws=ws,
        form=form,
        today=org.local_today(),
        progress=ws.progress(),
    )
    return _bad(response) if form.errors else response


@org_view("risk.view", kinds=CLIENT)
def action_detail(request: HttpRequest, action_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    action: Any = get_object_or_404(
        Action.objects.select_related("assessment"), organization=org, pk=action_id
    )
    a = action.assessment
    form = ActionForm(request.POST or None, instance=action, assessment=a, prefix="action")
    saved = _save_posted(
        request,
        form,
        lambda data: services.action_update(
            actor=request.user, organization=org, action=action, **data
        ),
        done=_("Saved."),
        to=reverse("risk:actions", args=[org.code, a.pk]),
    )
    if saved:
        return saved
    history = list(action.history.select_related("history_user").order_by("-history_date")[:10])
    response = _render(
        request, "risk/action_form.html", a, "actions", action=action, form=form, history=history
    )
    return _bad(response) if form.errors else response


@org_view("risk.view", kinds=CLIENT)
def record(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    form = RecordForm(request.POST or None, instance=a, prefix="rec")
    matrix_form = MatrixForm(
        request.POST if "matrix-matrix" in request.POST else None,
        prefix="matrix",
        initial={"matrix": "\n".join(" ".join(str(c) for c in row) for row in a.matrix)},
    )
    if request.method == "POST":
        _ensure_edit(request)
        if "matrix-matrix" in request.POST:
            if matrix_form.is_valid():
                try:
                    services.matrix_set(
                        actor=request.user,
                        organization=org,
                        assessment=a,
                        rows=matrix_form.cleaned_data["matrix"],
                    )
                except ValidationError as exc:
                    apply_validation_error(matrix_form, exc)
                else:
                    messages.success(request, _("The matrix is saved."))
                    return redirect("risk:record", org_code=org.code, assessment_id=a.pk)
            form = RecordForm(instance=_assessment(org, assessment_id), prefix="rec")
        elif form.is_valid():
            try:
                services.assessment_update(
                    actor=request.user,
                    organization=org,
                    assessment=_assessment(org, assessment_id),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("risk:record", org_code=org.code, assessment_id=a.pk)
    ws = selectors.workspace(a)
    job = None
    if request.GET.get("job"):
        job = Job.objects.filter(organization=org, pk=_uuid(request.GET["job"])).first()
    response = _render(
        request,
        "risk/record.html",
        a,
        "record",
        form=form,
        matrix_form=matrix_form,
        ws=ws,
        approvals=list(selectors.approvals(a)),
        problems=services.approval_problems(ws) if a.status != "approved" else [],
        sign_form=SignForm(initial={"signer_name": getattr(request.user, "full_name", "")}),
        next_form=NextForm(),
        job=job,
        can_approve=request.access.can("risk.approve"),  # type: ignore[attr-defined]
        heatmap=charts.heat_map(a.get_matrix(), ws.heat),
    )
    return _bad(response) if (form.errors or matrix_form.errors) else response


def _uuid(value: str) -> Any:
    import uuid

    try:
        return uuid.UUID(value)
    except ValueError:
        return None


@org_view("risk.edit", kinds=CLIENT)
@require_POST
def sign(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    form = SignForm(request.POST)
    if form.is_valid():
        step = form.cleaned_data["step"]
        if step == "approved" and not request.access.can("risk.approve"):  # type: ignore[attr-defined]
            raise PermissionDenied
        try:
            services.assessment_sign(
                actor=request.user, organization=org, assessment=a, **form.cleaned_data
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("The assessment is approved.")
                if step == "approved"
                else _("The assessment is submitted for review."),
            )
    else:
        for field, errs in form.errors.items():
            for e in errs:
                messages.error(
                    request, f"{form.fields[field].label if field in form.fields else ''}: {e}"
                )
    return redirect("risk:record", org_code=org.code, assessment_id=a.pk)


@org_view("risk.edit", kinds=CLIENT)
@require_POST
def reopen(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    try:
        services.assessment_reopen(actor=request.user, organization=org, assessment=a)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("risk:record", org_code=org.code, assessment_id=a.pk)


@org_view("risk.edit", kinds=CLIENT)
@require_POST
def start_next(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    form = NextForm(request.POST)
    trigger = form.cleaned_data["trigger"] if form.is_valid() else ""
    year = a.year if trigger else a.year + 1
    try:
        new = services.assessment_start_next(
            actor=request.user, organization=org, previous=a, year=year, trigger=trigger
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("risk:record", org_code=org.code, assessment_id=a.pk)
    messages.success(
        request, _("The new review starts from %(year)s's assessment.") % {"year": a.year}
    )
    return redirect("risk:map", org_code=org.code, assessment_id=new.pk)


@org_view("risk.view", kinds=CLIENT)
def compare(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    previous = a.based_on or (
        Assessment.objects.filter(organization=org, year__lt=a.year)
        .order_by("-year", "-created_at")
        .first()
    )
    data = None
    if previous is not None:
        data = selectors.comparison(selectors.workspace(a), selectors.workspace(previous))
    return _render(request, "risk/compare.html", a, "record", previous=previous, data=data)


@org_view("risk.view", kinds=CLIENT)
@require_POST
def export(request: HttpRequest, assessment_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    a = _assessment(org, assessment_id)
    language = request.POST.get("language", "en")
    fmt = request.POST.get("format", "pdf")
    if language not in ("en", "fr") or fmt not in ("pdf", "docx"):
        messages.error(request, _("Choose English or French, PDF or Word."))
        return redirect("risk:record", org_code=org.code, assessment_id=a.pk)
    job = job_start(
        organization=org,
        actor=request.user,
        kind="risk.export_report",
        params={"assessment_id": str(a.pk), "language": language, "format": fmt},
    )
    url = reverse("risk:record", kwargs={"org_code": org.code, "assessment_id": a.pk})
    return redirect(f"{url}?job={job.pk}#export")
