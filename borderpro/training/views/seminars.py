"""A consultancy's seminars: publish, see registrations and the waiting list, mark
attendance, cancel (the first person waiting gets the seat), and attendees' certificates."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.training import documents, selectors, services
from borderpro.training.forms import SeminarForm
from borderpro.training.models import Registration, Seminar


@org_view("training.seminars_view", kinds=("consultancy",))
def seminar_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    can_manage = request.access.can("training.seminars_manage")  # type: ignore[attr-defined]
    form = SeminarForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if form.is_valid():
            try:
                seminar = services.seminar_save(
                    actor=request.user, organization=org, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The seminar is saved."))
                return redirect("training:seminar", org_code=org.code, seminar_id=seminar.pk)
    return render(
        request,
        "training/seminars.html",
        {
            "seminars": selectors.seminars(org),
            "form": form,
            "can_manage": can_manage,
            "public_url": reverse("training:public_seminars", args=[org.code]),
        },
        status=400 if form.errors else 200,
    )


@org_view("training.seminars_view", kinds=("consultancy",))
def seminar_detail(request: HttpRequest, seminar_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    seminar = get_object_or_404(Seminar, organization=org, pk=seminar_id)
    can_manage = request.access.can("training.seminars_manage")  # type: ignore[attr-defined]
    form = SeminarForm(request.POST or None, instance=seminar)
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if form.is_valid():
            try:
                services.seminar_save(
                    actor=request.user,
                    organization=org,
                    seminar=get_object_or_404(Seminar, organization=org, pk=seminar_id),
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("training:seminar", org_code=org.code, seminar_id=seminar.pk)
    registrations = list(selectors.registrations(seminar))
    confirmed = [r for r in registrations if r.status == Registration.Status.CONFIRMED]
    return render(
        request,
        "training/seminar.html",
        {
            "seminar": seminar,
            "form": form,
            "can_manage": can_manage,
            "registrations": registrations,
            "seats_left": max(0, seminar.capacity - len(confirmed)),
            "public_url": reverse("training:public_seminar", args=[org.code, seminar.pk]),
        },
        status=400 if form.errors else 200,
    )


@org_view("training.seminars_manage", kinds=("consultancy",))
@require_POST
def registration_action(request: HttpRequest, registration_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    registration: Registration = get_object_or_404(
        Registration.objects.select_related("seminar"), organization=org, pk=registration_id
    )
    action = request.POST.get("action", "")
    try:
        if action == "cancel":
            promoted = services.registration_cancel(
                actor=request.user, organization=org, registration=registration
            )
            messages.success(
                request,
                _("%(name)s's registration is cancelled.") % {"name": registration.full_name},
            )
            if promoted is not None:
                messages.info(
                    request,
                    _(
                        "%(name)s moves from the waiting list to the freed seat and is told by email."
                    )
                    % {"name": promoted.full_name},
                )
        elif action in ("attended", "absent"):
            services.attendance_set(
                actor=request.user,
                organization=org,
                registration=registration,
                attended=action == "attended",
            )
            messages.success(request, _("Attendance saved."))
        else:
            messages.error(request, _("Unknown action."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("training:seminar", org_code=org.code, seminar_id=registration.seminar_id)


@org_view("training.seminars_view", kinds=("consultancy",))
def seminar_certificate(request: HttpRequest, registration_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    registration: Registration = get_object_or_404(
        Registration.objects.select_related("seminar", "seminar__course"),
        organization=org,
        pk=registration_id,
    )
    if not registration.attended:
        messages.error(request, _("A certificate is issued once attendance is marked."))
        return redirect("training:seminar", org_code=org.code, seminar_id=registration.seminar_id)
    seminar = registration.seminar
    language = request.GET.get("lang") or registration.language
    language = "fr" if language.startswith("fr") else "en"
    course = getattr(seminar.course, f"title_{language}") if seminar.course else seminar.title
    day = seminar.starts_at.astimezone(org.local_now().tzinfo).date()
    pdf = documents.certificate_pdf(
        organization=org,
        language=language,
        name=registration.full_name,
        course=course,
        completed_on=day,
        expires_on=seminar.course.expires_on(day) if seminar.course else None,
        code=registration.code,
        verify_url=request.build_absolute_uri(
            reverse("training:verify_code", args=[registration.code])
        ),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{registration.code}.pdf"'
    return response
