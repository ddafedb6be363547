"""Fleet pages: the list of units, adding one, a unit's page and releasing a held unit."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error
from borderpro.operations import selectors, services
from borderpro.operations.forms import UnitForm
from borderpro.operations.models import Unit
from borderpro.operations.views.common import _page
from borderpro.organizations.tenancy import org_view


@org_view("operations.view", kinds=("client",))
def unit_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    q, kind, status = (
        request.GET.get("q", "").strip(),
        request.GET.get("kind", ""),
        request.GET.get("status", ""),
    )
    page = _page(request, selectors.unit_list(org, q=q, kind=kind, status=status))
    return render(
        request,
        "operations/units.html",
        {
            "page": page,
            "q": q,
            "kind": kind,
            "status": status,
            "kinds": Unit.Kind.choices,
            "statuses": Unit.Status.choices,
        },
    )


@org_view("operations.manage", kinds=("client",))
def unit_create(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(actor=request.user, organization=org, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(unit)s is in the fleet.") % {"unit": unit.unit_number})
            return redirect("operations:unit", org_code=org.code, unit_id=unit.pk)
    return render(
        request, "operations/unit_form.html", {"form": form}, status=400 if form.errors else 200
    )


@org_view("operations.view", kinds=("client",))
def unit_detail(request: HttpRequest, unit_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    unit = get_object_or_404(Unit, organization=org, pk=unit_id)
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST":
        if not request.access.can("operations.manage"):  # type: ignore[attr-defined]
            return HttpResponse(status=403)
        if form.is_valid():
            try:
                services.unit_update(
                    actor=request.user,
                    unit=unit,
                    **{name: form.cleaned_data[name] for name in form.changed_data},
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("Saved."))
                return redirect("operations:unit", org_code=org.code, unit_id=unit.pk)
    return render(
        request,
        "operations/unit_detail.html",
        {
            "unit": unit,
            "form": form,
            "inspections": selectors.inspection_list(org, unit=unit)[:10],
            "history": unit.history.select_related("history_user").order_by("-history_date")[:10],
        },
        status=400 if form.errors else 200,
    )


@org_view("operations.manage", kinds=("client",))
@require_POST
def unit_release(request: HttpRequest, unit_id: str) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    unit = get_object_or_404(Unit, organization=org, pk=unit_id)
    try:
        services.unit_release(actor=request.user, unit=unit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(unit)s is back in service.") % {"unit": unit.unit_number})
    return redirect("operations:unit", org_code=org.code, unit_id=unit.pk)
