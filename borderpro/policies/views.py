"""Policy pages: the manual (list, generate, export), a document (read, edit with preview,
sign, publish, versions and diff, acknowledgements), coverage, the acknowledgement report,
and a consultancy's template library."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error
from borderpro.common.jobs import job_result_permission, job_start
from borderpro.common.models import Job
from borderpro.organizations.tenancy import org_view
from borderpro.policies import library, manual, rendering, selectors, services, tailoring
from borderpro.policies.forms import (
    AcknowledgeForm,
    EditForm,
    GenerateForm,
    ImportForm,
    ReviewForm,
    SignForm,
    TemplateForm,
)
from borderpro.policies.models import Document, DocumentVersion, LibraryTemplate

CLIENT = ("client",)


def _uuid(value: str) -> Any:
    try:
        return uuid.UUID(value)
    except (ValueError, TypeError):
        return None


def _document(org: Any, document_id: Any) -> Document:
    return get_object_or_404(Document.objects.filter(organization=org), pk=document_id)


@org_view("policies.view", kinds=CLIENT)
def document_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    today = org.local_today()
    docs = list(selectors.documents(org))
    have = {d.key for d in docs}
    templates = selectors.templates_offered(org)
    job = None
    if request.GET.get("job"):
        job = Job.objects.filter(organization=org, pk=_uuid(request.GET["job"])).first()
    coverage = selectors.coverage(org)
    return render(
        request,
        "policies/list.html",
        {
            "rows": [(d, d.stage(today)) for d in docs],
            "missing": [
                (t.key, t.title_in(request.LANGUAGE_CODE)) for t in templates if t.key not in have
            ],
            "generate_form": GenerateForm(initial={"language": org.language or "en"}),
            "job": job,
            "can_download": job is not None and request.access.can(job_result_permission(job.kind)),  # type: ignore[attr-defined]
            "covered": sum(1 for r in coverage if r.approved),
            "coverage_total": len(coverage),
            "superseded": Document.objects.filter(
                organization=org, status=Document.Status.SUPERSEDED
            ).count(),
        },
    )


@org_view("policies.edit", kinds=CLIENT)
@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Language: choose English or French."))
        return redirect("policies:list", org_code=org.code)
    language, key = form.cleaned_data["language"], form.cleaned_data["key"]
    try:
        if key:
            template = selectors.template_by_key(org, key)
            if template is None:
                raise Http404
            doc = services.document_generate(
                actor=request.user, organization=org, template=template, language=language
            )
            messages.success(
                request, _("“%(title)s” is drafted from your profile.") % {"title": doc.title}
            )
            return redirect("policies:edit", org_code=org.code, document_id=doc.pk)
        made = services.manual_generate(actor=request.user, organization=org, language=language)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("policies:list", org_code=org.code)
    messages.success(
        request,
        _(
            "%(n)s documents drafted from your carrier profile. Read each one, make it yours, then submit it for approval."
        )
        % {"n": len(made)},
    )
    return redirect("policies:list", org_code=org.code)


@org_view("policies.view", kinds=CLIENT)
def document_detail(request: HttpRequest, document_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    today = org.local_today()
    checks = selectors.signature_checks(doc)
    from borderpro.people.models import Employee

    employees = Employee.objects.filter(organization=org, active=True)
    if doc.applies_to:
        employees = employees.filter(role__in=doc.applies_to)
    acks = list(doc.acknowledgements.filter(version=doc.version).select_related("employee"))
    done = {a.employee_id for a in acks}
    return render(
        request,
        "policies/document.html",
        {
            "doc": doc,
            "stage": doc.stage(today),
            "html": rendering.to_html(doc.body),
            "checks": checks,
            "signed_valid": any(c.valid and c.approval.step == "approved" for c in checks),
            "versions": list(doc.versions.only("number", "note", "created_at", "saved_by")),
            "sign_form": SignForm(),
            "review_form": ReviewForm(initial={"review_due_on": doc.review_due_on}),
            "ack_form": AcknowledgeForm(
                employees=employees.exclude(pk__in=done), initial={"acknowledged_on": today}
            ),
            "acks": acks,
            "pending": [e for e in employees if e.pk not in done],
            "can_edit": request.access.can("policies.edit"),  # type: ignore[attr-defined]
            "can_approve": request.access.can("policies.approve"),  # type: ignore[attr-defined]
        },
    )


@org_view("policies.edit", kinds=CLIENT)
def document_edit(request: HttpRequest, document_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    form = EditForm(request.POST or None, initial={"title": doc.title, "body": doc.body})
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = rendering.to_html(form.cleaned_data["body"])
        else:
            try:
                services.document_edit(
                    actor=request.user, organization=org, document=doc, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Saved as a new version."))
                return redirect("policies:document", org_code=org.code, document_id=doc.pk)
    return render(
        request,
        "policies/edit.html",
        {"doc": doc, "form": form, "preview": preview, "signed": doc.status in selectors.SIGNED},
    )


@org_view("policies.edit", kinds=CLIENT)
@require_POST
def sign(request: HttpRequest, document_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    form = SignForm(request.POST)
    if form.is_valid():
        step = form.cleaned_data["step"] or "submitted"
        if step == "approved" and not request.access.can("policies.approve"):  # type: ignore[attr-defined]
            raise PermissionDenied
        data = {**form.cleaned_data, "step": step}
        try:
            services.document_sign(actor=request.user, organization=org, document=doc, **data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Approved and signed.") if step == "approved" else _("Submitted for review."),
            )
    else:
        for field, errs in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for e in errs:
                messages.error(request, f"{label}: {e}")
    return redirect(reverse("policies:document", args=[org.code, doc.pk]) + "#approval")


@org_view("policies.edit", kinds=CLIENT)
@require_POST
def publish(request: HttpRequest, document_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    try:
        services.document_publish(actor=request.user, organization=org, document=doc)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Published: employees can now acknowledge it."))
    return redirect("policies:document", org_code=org.code, document_id=doc.pk)


@org_view("policies.edit", kinds=CLIENT)
@require_POST
def review_date(request: HttpRequest, document_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    form = ReviewForm(request.POST)
    if form.is_valid():
        services.document_set_review(
            actor=request.user, organization=org, document=doc, **form.cleaned_data
        )
        messages.success(request, _("The review date is saved."))
    else:
        messages.error(request, _("Next review due: enter a date between 1900 and 2100."))
    return redirect("policies:document", org_code=org.code, document_id=doc.pk)


@org_view("policies.edit", kinds=CLIENT)
@require_POST
def acknowledge(request: HttpRequest, document_id: Any) -> HttpResponse:
    from borderpro.people.models import Employee

    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    form = AcknowledgeForm(request.POST, employees=Employee.objects.filter(organization=org))
    if form.is_valid():
        try:
            n = services.acknowledgements_record(
                actor=request.user, organization=org, document=doc, **form.cleaned_data
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(n)s acknowledgements recorded.") % {"n": n})
    else:
        for field, errs in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for e in errs:
                messages.error(request, f"{label}: {e}")
    return redirect(reverse("policies:document", args=[org.code, doc.pk]) + "#acknowledgements")


@org_view("policies.view", kinds=CLIENT)
def diff(request: HttpRequest, document_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    versions = list(doc.versions.order_by("number").only("number", "body", "note"))
    numbers = [v.number for v in versions]

    def pick(name: str, default: int) -> int:
        try:
            value = int(request.GET.get(name, default))
        except ValueError:
            value = default
        return value if value in numbers else default

    b = pick("b", numbers[-1] if numbers else 1)
    a = pick("a", numbers[-2] if len(numbers) > 1 else b)
    by_number = {v.number: v for v in versions}
    table = None
    if a in by_number and b in by_number:
        table = selectors.diff_html(
            by_number[a].body,
            by_number[b].body,
            _("Version %(n)s") % {"n": a},
            _("Version %(n)s") % {"n": b},
        )
    return render(
        request,
        "policies/diff.html",
        {"doc": doc, "numbers": numbers, "a": a, "b": b, "table": table, "same": a == b},
    )


@org_view("policies.view", kinds=CLIENT)
def export(request: HttpRequest, document_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    doc = _document(org, document_id)
    fmt = request.GET.get("format", "pdf")
    if fmt not in ("pdf", "docx"):
        raise Http404
    data = manual.document_pdf(doc) if fmt == "pdf" else manual.document_docx(doc)
    content_type = (
        "application/pdf"
        if fmt == "pdf"
        else "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    response = HttpResponse(data, content_type=content_type)
    name = f"{slugify(doc.title)[:60]}-v{doc.version}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@org_view("policies.view", kinds=CLIENT)
@require_POST
def export_manual(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    language = request.POST.get("language", "en")
    fmt = request.POST.get("format", "pdf")
    if language not in ("en", "fr") or fmt not in ("pdf", "docx"):
        messages.error(request, _("Choose English or French, PDF or Word."))
        return redirect("policies:list", org_code=org.code)
    job = job_start(
        organization=org,
        actor=request.user,
        kind="policies.export_manual",
        params={"language": language, "format": fmt},
    )
    return redirect(reverse("policies:list", args=[org.code]) + f"?job={job.pk}#export")


@org_view("policies.view", kinds=CLIENT)
def coverage(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    rows = selectors.coverage(org)
    return render(
        request,
        "policies/coverage.html",
        {
            "rows": rows,
            "gaps": [r for r in rows if not r.approved],
            "covered": sum(1 for r in rows if r.approved),
        },
    )


@org_view("policies.view", kinds=CLIENT)
def acknowledgements(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    return render(
        request,
        "policies/acknowledgements.html",
        {"rows": selectors.acknowledgement_report(org)},
    )


# --- a consultancy's template library ---------------------------------------------------


@org_view("policies.edit", kinds=("consultancy",))
def template_library(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    own = {t.key: t for t in LibraryTemplate.objects.filter(organization=org)}
    templates = selectors.templates_offered(org)
    return render(
        request,
        "policies/library.html",
        {
            "rows": [(t, own.get(t.key)) for t in templates],
            "import_form": ImportForm(),
            "variables": tailoring.VARIABLES,
        },
    )


def _template_initial(t: library.Template, row: LibraryTemplate | None) -> dict[str, Any]:
    return {
        "key": t.key,
        "title_en": t.title.get("en", ""),
        "title_fr": t.title.get("fr", ""),
        "body_en": t.body.get("en", ""),
        "body_fr": t.body.get("fr", ""),
        "refs": ", ".join(t.refs),
        "applies_to": list(t.applies_to),
        "offered": row.offered if row else True,
    }


@org_view("policies.edit", kinds=("consultancy",))
def template_edit(request: HttpRequest) -> HttpResponse:
    """Create a template (no ``key``), or edit one: a shipped template becomes the
    consultancy's own copy when saved."""
    org = request.org  # type: ignore[attr-defined]
    key = request.GET.get("key", "")
    current = selectors.template_by_key(org, key) if key else None
    if key and current is None:
        raise Http404
    row = LibraryTemplate.objects.filter(organization=org, key=key).first() if key else None
    initial = _template_initial(current, row) if current else {"offered": True}
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        template = library.Template(
            key=data["key"],
            version=1,
            title={"en": data["title_en"], "fr": data["title_fr"]},
            body={"en": data["body_en"], "fr": data["body_fr"]},
            refs=tuple(r.strip() for r in data["refs"].split(",") if r.strip()),
            applies_to=tuple(data["applies_to"]),
        )
        try:
            saved = services.template_save(
                actor=request.user, organization=org, template=template, offered=data["offered"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Template %(key)s saved (version %(v)s).")
                % {"key": saved.key, "v": saved.version},
            )
            return redirect("policies:library", org_code=org.code)
    return render(
        request,
        "policies/template_form.html",
        {"form": form, "current": current, "row": row, "variables": tailoring.VARIABLES},
    )


@org_view("policies.edit", kinds=("consultancy",))
def template_export(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    template = selectors.template_by_key(org, request.GET.get("key", ""))
    if template is None:
        raise Http404
    response = HttpResponse(library.dump(template), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{template.key}.md"'
    return response


@org_view("policies.edit", kinds=("consultancy",))
@require_POST
def template_import(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Template file: choose a .md file to import."))
        return redirect("policies:library", org_code=org.code)
    upload = form.cleaned_data["file"]
    try:
        if upload.size > 400_000:
            raise ValidationError(_("The file is too large (400 kB at most)."))
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not UTF-8 text.")) from None
        template = library.parse(text, origin=org.code)
        saved = services.template_save(actor=request.user, organization=org, template=template)
    except ValidationError as exc:
        messages.error(request, _("Template file: %(reason)s") % {"reason": " ".join(exc.messages)})
    else:
        messages.success(
            request,
            _("Template %(key)s imported (version %(v)s).")
            % {"key": saved.key, "v": saved.version},
        )
    return redirect("policies:library", org_code=org.code)


__all__ = ["DocumentVersion"]
