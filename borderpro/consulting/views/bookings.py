"""Consultations inside the app: the consultancy's bookings list and booking page (notes,
minutes, done, cancel) and its consultants' weekly availability; a client company's
consultations, booked from inside the app with its details prefilled."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from borderpro.common.forms import apply_validation_error
from borderpro.common.http import OrgRequest
from borderpro.consulting.consultations import selectors, services
from borderpro.consulting.consultations.forms import (
    AvailabilityForm,
    BookingDetailsForm,
    BookingNotesForm,
    CancelForm,
    valid_zone,
    zone_choices,
)
from borderpro.consulting.consultations.models import Availability, Booking
from borderpro.consulting.models import Engagement
from borderpro.organizations.models import ClientLink, Organization
from borderpro.organizations.tenancy import org_view

CONSULTANCY = ("consultancy",)
PAGE_SIZE = 25
WHEN = ("upcoming", "past", "all")


def _require(request: OrgRequest, permission: str) -> None:
    if not request.access.can(permission):
        raise PermissionDenied


@org_view("consulting.view", kinds=CONSULTANCY)
def booking_list(request: OrgRequest) -> HttpResponse:
    org = request.org
    when = request.GET.get("when", "upcoming")
    when = when if when in WHEN else "upcoming"
    status = request.GET.get("status", "")
    status = status if status in Booking.Status.values else ""
    q = request.GET.get("q", "").strip()[:100]
    mine = request.GET.get("mine") == "1"
    rows = selectors.bookings_of(
        org, when=when, status=status, q=q, consultant=request.user if mine else None
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "consulting/office/bookings.html",
        {
            "page": page,
            "when": when,
            "status": status,
            "q": q,
            "mine": mine,
            "statuses": Booking.Status.choices,
        },
    )


@org_view("consulting.view", kinds=CONSULTANCY)
def booking_detail(request: OrgRequest, booking_id: Any) -> HttpResponse:
    org = request.org
    booking = get_object_or_404(selectors.booking_detail(org), pk=booking_id)
    engagements = Engagement.objects.filter(organization=org).exclude(
        status=Engagement.Status.CANCELLED
    )
    form = BookingNotesForm(instance=booking, engagements=engagements)
    cancel_form = CancelForm()
    if request.method == "POST":
        _require(request, "consulting.work")
        action = request.POST.get("action", "")
        form = BookingNotesForm(request.POST, instance=booking, engagements=engagements)
        try:
            if action in ("save", "done") and form.is_valid():
                fields = form.cleaned_data
                services.booking_update(
                    actor=request.user, consultancy=org, booking=booking, fields=fields
                )
                if action == "done":
                    services.booking_mark_done(actor=request.user, consultancy=org, booking=booking)
                messages.success(request, _("Saved."))
                return redirect("consulting:booking", org.code, booking.pk)
            if action == "cancel":
                cancel_form = CancelForm(request.POST)
                if cancel_form.is_valid():
                    services.booking_cancel(
                        actor=request.user,
                        booking=booking,
                        reason=cancel_form.cleaned_data["reason"],
                    )
                    messages.success(
                        request, _("Consultation cancelled; the person who booked was told.")
                    )
                    return redirect("consulting:booking", org.code, booking.pk)
        except ValidationError as exc:
            apply_validation_error(form, exc)
    return render(
        request,
        "consulting/office/booking.html",
        {"booking": booking, "form": form, "cancel_form": cancel_form},
    )


@org_view("consulting.view", kinds=CONSULTANCY)
def availability(request: OrgRequest) -> HttpResponse:
    org = request.org
    form = AvailabilityForm(consultancy=org, initial={"consultant": str(request.user.pk)})
    if request.method == "POST":
        _require(request, "consulting.work")
        if request.POST.get("action") == "remove":
            window: Availability = get_object_or_404(
                Availability.objects.filter(organization=org), pk=request.POST.get("window")
            )
            services.availability_remove(actor=request.user, consultancy=org, window=window)
            messages.success(request, _("The window is no longer offered."))
            return redirect("consulting:availability", org.code)
        form = AvailabilityForm(request.POST, consultancy=org)
        if form.is_valid():
            try:
                services.availability_add(
                    actor=request.user, consultancy=org, fields=form.cleaned_data
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The window is offered on the public page."))
                return redirect("consulting:availability", org.code)
    return render(
        request,
        "consulting/office/availability.html",
        {"windows": selectors.availability_of(org), "form": form},
    )


def _consultancies_of(client: Organization) -> list[Organization]:
    return [
        link.consultancy
        for link in ClientLink.objects.filter(client=client, consultancy__is_active=True)
        .select_related("consultancy")
        .order_by("consultancy__name")
    ]


def _engagement_with(consultancy: Organization, client: Organization) -> Engagement | None:
    rows = list(
        Engagement._base_manager.filter(
            organization=consultancy, client=client, status=Engagement.Status.ACTIVE
        )[:2]
    )
    return rows[0] if len(rows) == 1 else None


@org_view("consulting.consultations", kinds=("client",))
def client_consultations(request: OrgRequest) -> HttpResponse:
    """The client's consultations, and the slots of its consultancy to book one."""
    org = request.org
    consultancies = _consultancies_of(org)
    chosen = request.POST.get("consultancy") or request.GET.get("consultancy", "")
    consultancy = next((c for c in consultancies if c.code == chosen), None) or (
        consultancies[0] if consultancies else None
    )
    user: Any = request.user
    zone = valid_zone(request.POST.get("time_zone") or request.GET.get("tz", ""), org.time_zone)
    slots = selectors.free_slots(consultancy) if consultancy else []
    form = BookingDetailsForm(
        request.POST or None,
        initial={
            "name": user.display_name,
            "email": user.email,
            "company": org.name,
            "language": user.language or org.language,
            "time_zone": zone,
        },
    )
    form.set_slots([s.key for s in slots])
    if request.method == "POST" and consultancy is not None and form.is_valid():
        parsed = selectors.parse_slot_key(form.cleaned_data["slot"])
        try:
            if parsed is None:
                raise ValidationError({"slot": services.slot_taken_message()})
            services.booking_create(
                consultancy=consultancy,
                consultant_id=parsed[0],
                starts_at=parsed[1],
                fields=form.cleaned_data,
                actor=user,
                client=org,
                engagement=_engagement_with(consultancy, org),
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
            slots = selectors.free_slots(consultancy)
            form.set_slots([s.key for s in slots])
        else:
            messages.success(
                request, _("Consultation booked. The calendar invitation is in your email.")
            )
            return redirect("consulting:client_consultations", org.code)
    if request.method == "POST" and consultancy is None:
        raise Http404
    return render(
        request,
        "consulting/client/consultations.html",
        {
            "bookings": selectors.bookings_for_client(org),
            "consultancies": consultancies,
            "consultancy": consultancy,
            "form": form,
            "days": selectors.slots_by_day(slots, zone),
            "zone": zone,
            "zones": zone_choices(zone),
        },
    )
