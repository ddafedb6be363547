"""People pages: the employee list with FAST / CDRP cards, and the employee page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.people import selectors, services
from borderpro.people.forms import CardForm, EmployeeForm
from borderpro.people.models import DriverCard, Employee

PAGE_SIZE = 25


@org_view("people.view", kinds=("client",))
def employee_list(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    q, role = request.GET.get("q", "").strip(), request.GET.get("role", "")
    active = request.GET.get("active", "yes")
    page = Paginator(
        selectors.employee_list(org, q=q, role=role, active=active), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "people/list.html",
        {
            "page": page,
            "q": q,
            "role": role,
            "active": active,
            "roles": Employee.Role.choices,
            "today": org.local_today(),
        },
    )


@org_view("people.manage", kinds=("client",))
def employee_create(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = EmployeeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employee = services.employee_create(
                actor=request.user, organization=org, **form.cleaned_data
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("%(name)s is in the people list.") % {"name": employee.full_name}
            )
            return redirect("people:employee", org_code=org.code, employee_id=employee.pk)
    return render(request, "people/employee_form.html", {"form": form})


def _employee(org: Any, employee_id: Any) -> Employee:
    return get_object_or_404(selectors.employee_list(org, active="all"), pk=employee_id)


@org_view("people.view", kinds=("client",))
def employee_detail(request: HttpRequest, employee_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    employee = _employee(org, employee_id)
    can_manage = request.access.can("people.manage")  # type: ignore[attr-defined]
    form = EmployeeForm(instance=employee, prefix="e")
    card_form = CardForm(prefix="c")
    if request.method == "POST":
        if not can_manage:
            return render(request, "403.html", status=403)
        if "save_employee" in request.POST:
            form = EmployeeForm(request.POST, instance=employee, prefix="e")
            if form.is_valid():
                try:
                    services.employee_update(
                        actor=request.user,
                        organization=org,
                        employee=_employee(org, employee_id),
                        **form.cleaned_data,
                    )
                except ValidationError as exc:
                    apply_validation_error(form, exc)
                else:
                    messages.success(request, _("Saved."))
                    return redirect("people:employee", org_code=org.code, employee_id=employee.pk)
        else:
            card_form = CardForm(request.POST, prefix="c")
            if card_form.is_valid():
                try:
                    services.card_add(
                        actor=request.user,
                        organization=org,
                        employee=employee,
                        **card_form.cleaned_data,
                    )
                except ValidationError as exc:
                    apply_validation_error(card_form, exc)
                else:
                    messages.success(request, _("The card is recorded."))
                    return redirect("people:employee", org_code=org.code, employee_id=employee.pk)
    history = list(employee.history.select_related("history_user").order_by("-history_date")[:10])
    return render(
        request,
        "people/employee_detail.html",
        {
            "employee": employee,
            "form": form,
            "card_form": card_form,
            "can_manage": can_manage,
            "today": org.local_today(),
            "history": history,
            "newest": {c.pk for c in selectors.latest_cards(employee).values()},
        },
    )


@org_view("people.manage", kinds=("client",))
@require_POST
def card_remove(request: HttpRequest, card_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    card = get_object_or_404(DriverCard, organization=org, pk=card_id)
    employee_id = card.employee_id
    services.card_remove(actor=request.user, organization=org, card=card)
    messages.success(request, _("The card is removed."))
    return redirect("people:employee", org_code=org.code, employee_id=employee_id)
