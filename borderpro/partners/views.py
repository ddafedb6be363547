"""Partner pages: the register (who is unscreened, overdue or uncertified at a glance), a
partner's page with its certifications and screenings, and the add / edit forms."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.partners import rules, selectors, services
from borderpro.partners.forms import CertificationForm, PartnerForm, ScreeningForm, StatusCheckForm
from borderpro.partners.models import Certification, Partner, Questionnaire

PAGE_SIZE = 25


@org_view("partners.view", kinds=("client",))
def partner_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    today = org.local_today()
    q = request.GET.get("q", "").strip()
    kind = request.GET.get("kind", "")
    kind = kind if kind in Partner.Kind.values else ""
    risk = request.GET.get("risk", "")
    risk = risk if risk in rules.LEVELS else ""
    status = request.GET.get("status", "")
    status = status if status in selectors.STATUS_FILTERS else ""
    active = request.GET.get("active", "yes") != "no"
    register = selectors.partner_register(
        org, today, q=q, kind=kind, risk=risk, status=status, active=active
    )
    page = Paginator(register.rows, PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.attach_partners(org, list(page.object_list))
    return render(
        request,
        "partners/list.html",
        {
            "page": page,
            "register": register,
            "q": q,
            "kind": kind,
            "risk": risk,
            "status": status,
            "active": "yes" if active else "no",
            "kinds": Partner.Kind.choices,
            "levels": rules.LEVEL_CHOICES,
            "filtered": bool(q or kind or risk or status),
        },
    )


@org_view("partners.manage", kinds=("client",))
def partner_create(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner = services.partner_create(
                actor=request.user, organization=org, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(name)s is in the register.") % {"name": partner.name})
            return redirect("partners:partner", org_code=org.code, partner_id=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form, "partner": None})


def _partner(org: Any, partner_id: Any) -> Partner:
    return get_object_or_404(selectors.partner_detail(org, org.local_today()), pk=partner_id)


@org_view("partners.manage", kinds=("client",))
def partner_edit(request: HttpRequest, partner_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    partner = _partner(org, partner_id)
    form = PartnerForm(request.POST or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_update(
                actor=request.user,
                organization=org,
                partner=_partner(org, partner_id),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("partners:partner", org_code=org.code, partner_id=partner.pk)
    return render(request, "partners/partner_form.html", {"form": form, "partner": partner})


@org_view("partners.view", kinds=("client",))
def partner_detail(request: HttpRequest, partner_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    today = org.local_today()
    partner = _partner(org, partner_id)
    can_manage = request.access.can("partners.manage")  # type: ignore[attr-defined]
    cert_form = CertificationForm(prefix="c", organization=org)
    screening_form = ScreeningForm(prefix="s", initial={"screened_on": today})
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if "add_certification" in request.POST:
            cert_form = CertificationForm(request.POST, prefix="c", organization=org)
            done = _save(cert_form, services.certification_add, request, org, partner)
            note = _("The certification is recorded.")
        else:
            screening_form = ScreeningForm(request.POST, prefix="s")
            done = _save(screening_form, services.screening_record, request, org, partner)
            note = _("The screening is recorded.")
        if done:
            messages.success(request, note)
            return redirect("partners:partner", org_code=org.code, partner_id=partner.pk)
    row = selectors.partner_row(partner, today)
    now = timezone.now()
    questionnaires = [
        (q, q.status_at(now))
        for q in Questionnaire.objects.filter(organization=org, partner=partner).order_by(
            "-sent_at"
        )[:10]
    ]
    loads = (
        selectors.subcarrier_loads(org, partner.code)
        if partner.kind == Partner.Kind.SUB_CARRIER
        else None
    )
    history = list(partner.history.select_related("history_user").order_by("-history_date")[:10])
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "row": row,
            "certs": [
                (c, selectors.certification_is_current(c, today))
                for c in partner.certifications.all()
            ],
            "cert_form": cert_form,
            "screening_form": screening_form,
            "can_manage": can_manage,
            "history": history,
            "cadence": rules.CADENCE_DAYS,
            "status_check_days": rules.STATUS_CHECK_DAYS,
            "today": today,
            "questionnaires": questionnaires,
            "loads": loads,
        },
    )


def _save(form: Any, service: Any, request: HttpRequest, org: Any, partner: Partner) -> bool:
    if not form.is_valid():
        return False
    try:
        service(actor=request.user, organization=org, partner=partner, **form.cleaned_data)
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return False
    return True


@org_view("partners.manage", kinds=("client",))
def certification_check(request: HttpRequest, certification_id: Any) -> HttpResponse:
    """Record a status check of a certification (POST), or show its form again with errors."""
    org = request.org  # type: ignore[attr-defined]
    cert: Certification = get_object_or_404(
        Certification.objects.select_related("partner"), organization=org, pk=certification_id
    )
    form = StatusCheckForm(request.POST or None, prefix=str(cert.pk), instance=cert)
    if request.method == "POST" and form.is_valid():
        fresh = Certification.objects.select_related("partner").get(organization=org, pk=cert.pk)
        try:
            services.certification_update(
                actor=request.user, organization=org, certification=fresh, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The status check is recorded."))
            return redirect("partners:partner", org_code=org.code, partner_id=cert.partner_id)
    return render(request, "partners/status_check.html", {"cert": cert, "form": form})
