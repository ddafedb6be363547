"""Evidence vault pages."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error
from borderpro.common.http import OrgRequest
from borderpro.common.jobs import job_start
from borderpro.evidence import selectors, services
from borderpro.evidence.forms import EvidenceEditForm, EvidenceUploadForm
from borderpro.evidence.models import EvidenceFile
from borderpro.organizations.tenancy import org_view


@org_view("evidence.view")
def evidence_list(request: OrgRequest) -> HttpResponse:
    org = request.org
    q = request.GET.get("q", "").strip()
    state = request.GET.get("state", "")
    archived = request.GET.get("archived") == "1"
    origin = request.GET.get("origin", "document")
    today = org.local_today()
    qs = selectors.evidence_list(
        org, today=today, q=q, state=state, archived=archived, origin=origin
    )
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": q,
        "state": state,
        "archived": archived,
        "origin": origin,
        "today": today,
        "summary": selectors.summary(org, today=today),
        "form": EvidenceUploadForm(),
    }
    template = "evidence/_table.html" if request.htmx else "evidence/list.html"
    return render(request, template, context)


@org_view("evidence.upload")
def evidence_upload(request: OrgRequest) -> HttpResponse:
    org = request.org
    form = EvidenceUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence = services.evidence_upload(
                actor=request.user,
                organization=org,
                upload=form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                proves=form.cleaned_data["proves"],
                document_date=form.cleaned_data["document_date"],
                expires_on=form.cleaned_data["expires_on"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("“%(title)s” is in the vault.") % {"title": evidence.title})
            return redirect("evidence:detail", org_code=org.code, evidence_id=evidence.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "evidence/upload.html",
        {"form": form, "max_size": settings.EVIDENCE_MAX_UPLOAD_BYTES},
        status=status,
    )


@org_view("evidence.view")
def evidence_detail(request: OrgRequest, evidence_id: str) -> HttpResponse:
    org = request.org
    evidence: EvidenceFile = get_object_or_404(
        EvidenceFile.objects.select_related("uploaded_by"), organization=org, pk=evidence_id
    )
    form = EvidenceEditForm(request.POST or None, instance=evidence)
    if request.method == "POST":
        if not request.access.can("evidence.change"):
            return HttpResponse(status=403)
        if form.is_valid():
            services.evidence_update(
                actor=request.user,
                evidence=evidence,
                **{name: form.cleaned_data[name] for name in form.changed_data},
            )
            messages.success(request, _("Saved."))
            return redirect("evidence:detail", org_code=org.code, evidence_id=evidence.pk)
    history = evidence.history.select_related("history_user").order_by("-history_date")[:20]
    return render(
        request,
        "evidence/detail.html",
        {
            "evidence": evidence,
            "form": form,
            "history": history,
            "today": org.local_today(),
        },
        status=400 if form.errors else 200,
    )


@org_view("evidence.view")
def evidence_download(request: OrgRequest, evidence_id: str) -> HttpResponseBase:
    org = request.org
    evidence = get_object_or_404(EvidenceFile, organization=org, pk=evidence_id)
    inline = request.GET.get("inline") == "1" and evidence.content_type.startswith(
        ("image/", "application/pdf")
    )
    if not inline:  # a preview shown in a page (a photo, a signature) is not a download
        services.evidence_record_download(actor=request.user, evidence=evidence)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=not inline,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@org_view("evidence.change")
@require_POST
def evidence_archive(request: OrgRequest, evidence_id: str) -> HttpResponse:
    org = request.org
    evidence = get_object_or_404(
        EvidenceFile, organization=org, pk=evidence_id, archived_at__isnull=True
    )
    services.evidence_archive(actor=request.user, evidence=evidence)
    messages.success(
        request,
        _("“%(title)s” was archived. It stays in the history and can still be downloaded.")
        % {"title": evidence.title},
    )
    return redirect("evidence:list", org_code=org.code)


@org_view("evidence.export")
@require_POST
def evidence_export(request: OrgRequest) -> HttpResponse:
    org = request.org
    job = job_start(organization=org, actor=request.user, kind="evidence.export_zip")
    return redirect(reverse("organizations:job", args=[org.code, job.pk]))
