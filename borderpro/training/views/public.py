"""Public pages (no sign-in): a consultancy's upcoming seminars and registration, and the
certificate verification page. Spam protection: a honeypot field and a rate limit per
address. A wrong verification code reveals nothing (the same page for every miss)."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_scopes import scope, scopes_disabled

from borderpro.common.forms import apply_validation_error
from borderpro.organizations.models import Organization
from borderpro.training import selectors, services
from borderpro.training.forms import RegistrationForm, registration_consent_wording
from borderpro.training.models import Registration, Seminar, TrainingRecord

RATE_LIMIT = 5  # registrations per address and seminar per window
RATE_WINDOW = 60 * 60  # seconds


def _consultancy(code: str) -> Organization:
    org = Organization.objects.filter(code=code, kind=Organization.Kind.CONSULTANCY).first()
    if org is None:
        raise Http404
    return org


def _seminar(org: Organization, seminar_id: Any) -> Seminar:
    seminar = selectors.upcoming_public_seminars(org, timezone.now()).filter(pk=seminar_id).first()
    if seminar is None:
        raise Http404
    return seminar


def seminars_section(request: Any, consultancy: Any) -> dict[str, Any] | None:
    """The public home's "upcoming seminars" section (``common/public.py``)."""
    with scope(organization=consultancy):
        rows = list(selectors.upcoming_public_seminars(consultancy, timezone.now())[:5])
    if not rows:
        return None
    # the home page renders in the consultancy's time zone; the times are shown as text here
    with timezone.override(consultancy.time_zone):
        for seminar in rows:
            seminar.when = date_format(timezone.localtime(seminar.starts_at), "DATETIME_FORMAT")  # type: ignore[attr-defined]
    return {"seminars": rows}


def public_seminars(request: HttpRequest, consultancy_code: str) -> HttpResponse:
    org = _consultancy(consultancy_code)
    with scope(organization=org):
        rows = list(selectors.upcoming_public_seminars(org, timezone.now()))
    return render(request, "training/public/seminars.html", {"consultancy": org, "seminars": rows})


def _rate_limited(request: HttpRequest, seminar: Seminar) -> bool:
    from allauth.account.adapter import get_adapter

    # the client's address as sign-in rate limits see it (the trusted proxies stripped)
    address = get_adapter(request).get_client_ip(request)
    key = f"training:register:{seminar.pk}:{address}"
    count = cache.get(key, 0)
    if count >= RATE_LIMIT:
        return True
    cache.set(key, count + 1, RATE_WINDOW)
    return False


def _state(registration: Registration) -> str:
    return "waitlisted" if registration.status == Registration.Status.WAITLISTED else "1"


def _already_registered(seminar: Seminar, form: RegistrationForm) -> str:
    """The page to show when this address holds a place (or a place in line) already."""
    email = form.cleaned_data["email"].strip().lower()
    existing = (
        Registration.objects.filter(seminar=seminar, email=email)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )
    return _state(existing) if existing else ""


def public_seminar(request: HttpRequest, consultancy_code: str, seminar_id: Any) -> HttpResponse:
    org = _consultancy(consultancy_code)
    with scope(organization=org):
        seminar = _seminar(org, seminar_id)
        form = RegistrationForm(request.POST or None, consultancy=org)
        status = 200
        if request.method == "POST":
            if form.is_valid() and form.cleaned_data["website"]:
                # a bot filled the hidden field: answer as if it worked, keep nothing
                return redirect(f"{request.path}?registered=1")
            if form.is_valid() and (done := _already_registered(seminar, form)):
                # the same form sent twice (a double click, a reload): the first one counts
                return redirect(f"{request.path}?registered={done}")
            if form.is_valid() and _rate_limited(request, seminar):
                form.add_error(
                    None, _("Too many registrations from your connection. Try again in an hour.")
                )
                status = 429
            elif form.is_valid():
                data = form.cleaned_data
                try:
                    registration = services.registration_create(
                        seminar=seminar,
                        full_name=data["full_name"],
                        email=data["email"],
                        company=data["company"],
                        phone=data["phone"],
                        language=get_language() or "en",
                        consent_text=registration_consent_wording(org),
                    )
                except ValidationError as exc:
                    apply_validation_error(form, exc)
                else:
                    return redirect(f"{request.path}?registered={_state(registration)}")
            if form.errors:
                status = max(status, 400)
        seats_left = max(0, seminar.capacity - seminar.confirmed)  # type: ignore[attr-defined]
    with timezone.override(org.time_zone):
        return render(
            request,
            "training/public/seminar.html",
            {
                "consultancy": org,
                "seminar": seminar,
                "form": form,
                "seats_left": seats_left,
                "registered": request.GET.get("registered", ""),
                "list_url": reverse("training:public_seminars", args=[org.code]),
            },
            status=status,
        )


def _certificate(code: str) -> dict[str, Any] | None:
    """Name, course, date and validity of the certificate with this code, nothing more."""
    code = code.strip().upper()
    if not code or len(code) > 12:
        return None
    today = timezone.localdate()
    language = "fr" if (get_language() or "en").startswith("fr") else "en"
    with scopes_disabled():
        record = (
            TrainingRecord.objects.filter(code=code).select_related("employee", "course").first()
        )
        if record is not None:
            return {
                "name": record.employee.full_name,
                "course": getattr(record.course, f"title_{language}"),
                "date": record.completed_on,
                "expires_on": record.expires_on,
                "valid": record.valid_on(today),
            }
        reg = (
            Registration.objects.filter(code=code, attended=True)
            .select_related("seminar", "seminar__course")
            .first()
        )
        if reg is not None:
            seminar = reg.seminar
            day = seminar.starts_at.date()
            expires = seminar.course.expires_on(day) if seminar.course else None
            return {
                "name": reg.full_name,
                "course": getattr(seminar.course, f"title_{language}")
                if seminar.course
                else seminar.title,
                "date": day,
                "expires_on": expires,
                "valid": expires is None or expires >= today,
            }
    return None


def verify(request: HttpRequest) -> HttpResponse:
    code = request.GET.get("code", "").strip()
    if code:
        return redirect("training:verify_code", code=code.upper()[:12])
    return render(request, "training/public/verify.html", {"certificate": None, "code": ""})


def verify_code(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate(code)
    return render(
        request,
        "training/public/verify.html",
        {"certificate": certificate, "code": code, "missing": certificate is None},
        status=200 if certificate else 404,
    )
