"""People pages: the employee list with FAST / CDRP cards, and the employee page."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from borderpro.common.daterange import validate_sane_date
from borderpro.common.forms import apply_validation_error
from borderpro.organizations.tenancy import org_view
from borderpro.people import imports, selectors, services
from borderpro.people.forms import (
    CardForm,
    EmployeeForm,
    ImportUploadForm,
    ItemForm,
    ScreeningForm,
)
from borderpro.people.models import DriverCard, Employee, EmployeeImport, IssuedItem

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
    screening_form, item_form = ScreeningForm(prefix="s"), ItemForm(prefix="i")
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
            handled = _detail_post(request, org, employee)
            if isinstance(handled, HttpResponse):
                return handled
            card_form, screening_form, item_form = handled
    history = list(employee.history.select_related("history_user").order_by("-history_date")[:10])
    return render(
        request,
        "people/employee_detail.html",
        {
            "employee": employee,
            "form": form,
            "card_form": card_form,
            "screening_form": screening_form,
            "item_form": item_form,
            "screenings": list(employee.screenings.all()),
            "items": list(employee.items.all()),
            "to_return": services.items_to_return(employee),
            "can_manage": can_manage,
            "today": org.local_today(),
            "history": history,
            "newest": {c.pk for c in selectors.latest_cards(employee).values()},
        },
    )


def _detail_post(request: HttpRequest, org: Any, employee: Employee) -> Any:
    """A card, a screening or a badge/key posted on the employee page: a redirect when saved,
    else the three forms (the posted one bound, with its errors)."""
    forms: dict[str, Any] = {
        "add_card": CardForm(prefix="c"),
        "add_screening": ScreeningForm(prefix="s"),
        "issue_item": ItemForm(prefix="i"),
    }
    action = next((k for k in forms if k in request.POST), "add_card")
    form = type(forms[action])(request.POST, prefix=forms[action].prefix)
    forms[action] = form
    add: tuple[Any, str] = {
        "add_card": (services.card_add, _("The card is recorded.")),
        "add_screening": (services.screening_add, _("The screening is recorded.")),
        "issue_item": (services.item_issue, _("The item is recorded as issued.")),
    }[action]
    if form.is_valid():
        try:
            add[0](actor=request.user, organization=org, employee=employee, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, add[1])
            return redirect("people:employee", org_code=org.code, employee_id=employee.pk)
    return forms["add_card"], forms["add_screening"], forms["issue_item"]


def _posted_date(raw: str, default: date) -> date:
    if not raw:
        return default
    try:
        day = date.fromisoformat(raw)
    except ValueError as exc:
        raise ValidationError(_("Returned on: use a date as YYYY-MM-DD.")) from exc
    validate_sane_date(day)
    return day


@org_view("people.manage", kinds=("client",))
@require_POST
def item_return(request: HttpRequest, item_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    item: IssuedItem = get_object_or_404(
        IssuedItem.objects.select_related("employee"), organization=org, pk=item_id
    )
    try:
        returned = _posted_date(request.POST.get("returned_on", ""), org.local_today())
        services.item_return(actor=request.user, organization=org, item=item, returned_on=returned)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(item)s is recorded as returned.") % {"item": item})
    return redirect("people:employee", org_code=org.code, employee_id=item.employee_id)


@org_view("people.manage", kinds=("client",))
@require_POST
def card_remove(request: HttpRequest, card_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    card = get_object_or_404(DriverCard, organization=org, pk=card_id)
    employee_id = card.employee_id
    services.card_remove(actor=request.user, organization=org, card=card)
    messages.success(request, _("The card is removed."))
    return redirect("people:employee", org_code=org.code, employee_id=employee_id)


# --- Import: upload → map columns → preview → confirm ------------------------------------


@org_view("people.manage", kinds=("client",))
def import_start(request: HttpRequest) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > imports.MAX_BYTES:
                raise ValidationError({"file": _("The file is larger than 5 MB.")})
            batch = imports.import_upload(
                actor=request.user, organization=org, name=upload.name or "", data=upload.read()
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("people:import_batch", org_code=org.code, import_id=batch.pk)
    return render(
        request,
        "people/import_start.html",
        {"form": form, "targets": imports.TARGETS, "max_rows": imports.MAX_ROWS},
        status=400 if form.errors else 200,
    )


@org_view("people.manage", kinds=("client",))
def import_batch(request: HttpRequest, import_id: Any) -> HttpResponse:
    org = request.org  # type: ignore[attr-defined]
    batch = get_object_or_404(EmployeeImport, organization=org, pk=import_id)
    errors: list[str] = []
    if request.method == "POST" and batch.state != EmployeeImport.State.IMPORTED:
        if "confirm" in request.POST:
            try:
                count = imports.import_confirm(actor=request.user, organization=org, batch=batch)
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request, _("%(count)s people were added to the list.") % {"count": count}
                )
                return redirect("people:list", org_code=org.code)
        else:
            mapping = {}
            for key in imports.TARGETS:
                raw = request.POST.get(f"map_{key}", "")
                mapping[key] = int(raw) if raw.isdigit() and int(raw) < len(batch.headers) else None
            try:
                imports.import_map(organization=org, batch=batch, mapping=mapping)
            except ValidationError as exc:
                errors = exc.messages
                batch.mapping = mapping
            else:
                return redirect("people:import_batch", org_code=org.code, import_id=batch.pk)
    return render(
        request,
        "people/import_batch.html",
        {
            "batch": batch,
            "targets": [
                (k, label, batch.mapping.get(k)) for k, (label, _w) in imports.TARGETS.items()
            ],
            "mapping_errors": errors,
            "ready": batch.ready_rows,
            "error_rows": batch.error_rows,
        },
        status=400 if errors else 200,
    )
