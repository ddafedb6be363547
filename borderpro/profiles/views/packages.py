"""Application packages (built in the background), submissions, and what changed since."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error, form_refuse, form_restore
from borderpro.common.jobs import job_start
from borderpro.organizations.tenancy import org_view
from borderpro.profiles.forms import PackageForm, SubmissionForm
from borderpro.profiles.models import PackageSnapshot, Submission
from borderpro.profiles.selectors.workspace import frameworks_pursued
from borderpro.profiles.services.package import package_content
from borderpro.profiles.services.submissions import changes_since, submission_record
from borderpro.profiles.views.common import current_security_profile

# Refused builds and submissions go back to the packages page (post/redirect/get, see
# ``common/forms.py``): the browser never rests on an address that only answers POST.
PACKAGE_FORM = "package"
SUBMISSION_FORM = "submission"


def _packages_page(org: Any) -> str:
    return reverse("profiles:packages", kwargs={"org_code": org.code})


def _context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    """Packages and submissions of the division's security profile shown (see the switcher)."""
    org = request.org  # type: ignore[attr-defined]
    security_profile = current_security_profile(request)
    pursued = frameworks_pursued(org)
    snapshots = list(
        PackageSnapshot.objects.filter(
            organization=org, security_profile=security_profile
        ).select_related("framework", "created_by")[:30]
    )
    submissions = list(
        Submission.objects.filter(
            organization=org, snapshot__security_profile=security_profile
        ).select_related("snapshot__framework", "submitted_by")[:30]
    )
    latest = submissions[0] if submissions else None
    diff = None
    if latest is not None:
        snap = latest.snapshot
        now = package_content(
            organization=org,
            framework=snap.framework,
            language=snap.language,
            security_profile=security_profile,
        )
        diff = changes_since(snap.content, now)
    return {
        "security_profile": security_profile,
        "snapshots": snapshots,
        "submissions": submissions,
        "latest": latest,
        "diff": diff,
        "package_form": form_restore(
            request,
            PackageForm(frameworks=pursued, initial={"language": org.language}),
            key=f"{PACKAGE_FORM}:{org.code}",
        ),
        "submission_form": form_restore(
            request,
            SubmissionForm(snapshots=snapshots, initial={"submitted_on": org.local_today()}),
            key=f"{SUBMISSION_FORM}:{org.code}",
        ),
        **extra,
    }


@org_view("profiles.view", kinds=("client",))
def packages(request: HttpRequest) -> HttpResponse:
    return render(request, "profiles/packages.html", _context(request))


@org_view("profiles.package", kinds=("client",))
@require_POST
def package_start(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    pursued = frameworks_pursued(org)
    form = PackageForm(request.POST, frameworks=pursued)
    if not form.is_valid():
        return form_refuse(request, form, key=f"{PACKAGE_FORM}:{org.code}", to=_packages_page(org))
    framework = next(f for f in pursued if f.code == form.cleaned_data["framework"])
    job = job_start(
        organization=org,
        actor=request.user,
        kind="profiles.build_package",
        params={
            "framework_id": str(framework.pk),
            "language": form.cleaned_data["language"],
            "variant": form.cleaned_data["variant"],
            "unanswered": form.cleaned_data["unanswered"],
            "security_profile_id": str(current_security_profile(request).pk),
        },
    )
    return redirect(reverse("organizations:job", args=[org.code, job.pk]))


@org_view("profiles.submit", kinds=("client",))
@require_POST
def submission_add(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    snapshots = list(
        PackageSnapshot.objects.filter(
            organization=org, security_profile=current_security_profile(request)
        ).select_related("framework")[:30]
    )
    form = SubmissionForm(request.POST, snapshots=snapshots)
    if form.is_valid() and form.cleaned_data["snapshot"] is None:
        form.add_error("snapshot", _("Choose the package that was submitted."))
    if form.is_valid():
        try:
            submission_record(actor=request.user, organization=org, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("The submission is recorded. Changes made from now on are listed here.")
            )
            return redirect("profiles:packages", org_code=org.code)
    return form_refuse(request, form, key=f"{SUBMISSION_FORM}:{org.code}", to=_packages_page(org))


def _download(request: HttpRequest, snapshot_id: str, kind: str) -> HttpResponseBase:
    org = request.org  # type: ignore[attr-defined]
    snapshot = get_object_or_404(PackageSnapshot, organization=org, pk=snapshot_id)
    stored = getattr(snapshot, kind)
    response = FileResponse(
        stored.open("rb"), as_attachment=True, filename=(stored.name or "").rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@org_view("profiles.view", kinds=("client",))
def package_pdf(request: HttpRequest, snapshot_id: str) -> HttpResponseBase:
    return _download(request, snapshot_id, "pdf")


@org_view("profiles.view", kinds=("client",))
def package_docx(request: HttpRequest, snapshot_id: str) -> HttpResponseBase:
    return _download(request, snapshot_id, "docx")


@org_view("profiles.view", kinds=("client",))
def package_zip(request: HttpRequest, snapshot_id: str) -> HttpResponseBase:
    return _download(request, snapshot_id, "bundle")
