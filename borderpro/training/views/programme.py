"""Training pages of a client company: the matrix (home), courses, sessions with sign-in,
records, knowledge checks, certificates and the matrix exports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.people.models import Employee
from borderpro.training import documents, selectors, services
from borderpro.training.forms import RecordForm, SessionForm, SignInForm
from borderpro.training.matrix_html import matrix_rows_html
from borderpro.training.models import TrainingRecord, TrainingSession

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> dict[str, str]:
    return {
        key: request.GET.get(key, "").strip() for key in ("q", "role", "site", "course", "state")
    }


def _matrix(request: HttpRequest) -> Any:
    org = request.org  # type: ignore[attr-defined]
    f = _filters(request)
    return selectors.training_matrix(
        org,
        today=org.local_today(),
        q=f["q"],
        role=f["role"],
        site=f["site"],
        course_code=f["course"],
        state=f["state"]
        if f["state"] in (selectors.DONE, selectors.DUE, selectors.OVERDUE)
        else "",
    )


@org_view("training.view", kinds=("client",))
def matrix(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    result = _matrix(request)
    return render(
        request,
        "training/matrix.html",
        {
            "matrix": result,
            "rows_html": matrix_rows_html(result, org_code=org.code),
            "counts": result.counts(),
            "filters": _filters(request),
            "roles": Employee.Role.choices,
            "sites": selectors.sites(org),
            "all_courses": result.all_courses,
            "query": request.GET.urlencode(),
        },
    )


@org_view("training.view", kinds=("client",))
def matrix_export(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    result = _matrix(request)
    language = request.GET.get("lang") or get_language() or org.language
    language = "fr" if language.startswith("fr") else "en"
    name = f"training-matrix-{org.code}-{result.today.isoformat()}"
    if request.GET.get("format") == "pdf":
        response = HttpResponse(
            documents.matrix_pdf(result, organization=org, language=language),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    else:
        response = HttpResponse(
            documents.matrix_xlsx(result, language=language),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@org_view("training.view", kinds=("client",))
def course_list(request: HttpRequest) -> HttpResponse:
    roles = dict(Employee.Role.choices)
    rows = [(c, [roles.get(r, r) for r in c.roles]) for c in selectors.courses()]
    return render(request, "training/courses.html", {"rows": rows})


@org_view("training.view", kinds=("client",))
def session_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    can_manage = request.access.can("training.manage")  # type: ignore[attr-defined]
    form = SessionForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if form.is_valid():
            try:
                session = services.session_create(
                    actor=request.user, organization=org, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The session is planned: sign the attendees in."))
                return redirect("training:session", org_code=org.code, session_id=session.pk)
    page = Paginator(selectors.sessions(org), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "training/sessions.html",
        {"page": page, "form": form, "can_manage": can_manage},
        status=400 if form.errors else 200,
    )


@org_view("training.view", kinds=("client",))
def session_detail(request: HttpRequest, session_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    session: TrainingSession = get_object_or_404(
        TrainingSession.objects.select_related("course"), organization=org, pk=session_id
    )
    can_manage = request.access.can("training.manage")  # type: ignore[attr-defined]
    form = SignInForm(request.POST or None, organization=org)
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if form.is_valid():
            data = form.cleaned_data
            try:
                record = services.record_add(
                    actor=request.user,
                    organization=org,
                    employee=data["employee"],
                    course=session.course,
                    completed_on=session.held_on,
                    session=session,
                    signed_name=data["signed_name"],
                    signature_data=data["signature"],
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(
                    request, _("%(name)s is signed in.") % {"name": record.employee.full_name}
                )
                return redirect("training:session", org_code=org.code, session_id=session.pk)
    attendees = session.records.select_related("employee").order_by("employee__full_name")
    return render(
        request,
        "training/session.html",
        {"session": session, "attendees": attendees, "form": form, "can_manage": can_manage},
        status=400 if form.errors else 200,
    )


@org_view("training.view", kinds=("client",))
def record_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    can_manage = request.access.can("training.manage")  # type: ignore[attr-defined]
    form = RecordForm(request.POST or None, organization=org)
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if form.is_valid():
            try:
                services.record_add(actor=request.user, organization=org, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The training is recorded."))
                return redirect("training:records", org_code=org.code)
    page = Paginator(selectors.records(org), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "training/records.html",
        {"page": page, "form": form, "can_manage": can_manage, "today": org.local_today()},
        status=400 if form.errors else 200,
    )


def _record(org: Any, record_id: Any) -> TrainingRecord:
    return get_object_or_404(
        TrainingRecord.objects.select_related("employee", "course", "session"),
        organization=org,
        pk=record_id,
    )


@org_view("training.view", kinds=("client",))
def knowledge_check(request: HttpRequest, record_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    record = _record(org, record_id)
    language = "fr" if (get_language() or "en").startswith("fr") else "en"
    questions = [
        {
            "index": i,
            "text": q[f"q_{language}"],
            "options": list(enumerate(q[f"options_{language}"])),
        }
        for i, q in enumerate(record.course.questions)
    ]
    missing: list[int] = []
    if request.method == "POST":
        if not request.access.can("training.manage"):  # type: ignore[attr-defined]
            return render(request, "403.html", status=403)
        answers: dict[int, int | None] = {}
        for q in questions:
            raw = request.POST.get(f"q{q['index']}", "")
            answers[q["index"]] = int(raw) if raw.isdigit() else None
            if answers[q["index"]] is None:
                missing.append(q["index"] + 1)
        if not missing:
            services.knowledge_check_record(
                actor=request.user, organization=org, record=record, answers=answers
            )
            messages.success(
                request,
                _("Knowledge check recorded: %(score)s%% right.") % {"score": record.score},
            )
            return redirect("training:records", org_code=org.code)
    return render(
        request,
        "training/check.html",
        {"record": record, "questions": questions, "missing": missing},
        status=400 if missing else 200,
    )


@org_view("training.view", kinds=("client",))
def certificate(request: HttpRequest, record_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    record = _record(org, record_id)
    language = request.GET.get("lang") or record.employee.language or org.language
    language = "fr" if language.startswith("fr") else "en"
    verify = request.build_absolute_uri(reverse("training:verify_code", args=[record.code]))
    pdf = documents.certificate_pdf(
        organization=org,
        language=language,
        name=record.employee.full_name,
        course=getattr(record.course, f"title_{language}"),
        completed_on=record.completed_on,
        expires_on=record.expires_on,
        code=record.code,
        verify_url=verify,
        trainer=record.session.trainer if record.session else "",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{record.code}.pdf"'
    return response
