"""Public consultation pages (no sign-in): book a slot, the confirmation, and the private
manage link (reschedule or cancel). An altered, expired or used-up link gets the same
refusal as a quote link and reveals nothing."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django_scopes import scope

from borderpro.common.forms import apply_validation_error
from borderpro.consulting.consultations import selectors, services
from borderpro.consulting.consultations.forms import (
    CancelForm,
    PublicBookingForm,
    RescheduleForm,
    valid_zone,
    zone_choices,
)
from borderpro.consulting.consultations.models import Booking
from borderpro.consulting.forms import consent_wording
from borderpro.consulting.views.public import _consultancy, _refuse_spam, _refused, _restamp

BOOKED_KEY = "consulting-booked"


def _page_context(consultancy: Any, slots: list[selectors.Slot], zone: str) -> dict[str, Any]:
    return {
        "consultancy": consultancy,
        "days": selectors.slots_by_day(slots, zone),
        "zone": zone,
        "zones": zone_choices(zone),
    }


def book(request: HttpRequest, consultancy_code: str) -> HttpResponse:
    consultancy = _consultancy(consultancy_code)
    language = translation.get_language() or "en"
    zone = valid_zone(
        request.POST.get("time_zone") or request.GET.get("tz", ""),
        selectors.default_time_zone(consultancy),
    )
    slots = selectors.free_slots(consultancy)
    form = PublicBookingForm(
        request.POST or None,
        consultancy=consultancy,
        initial={"language": language, "time_zone": zone},
    )
    form.set_slots([s.key for s in slots])
    if request.method == "POST":
        refused = _refuse_spam(request, consultancy, form)
        if refused is not None:
            return refused
        if not form.errors and form.is_valid():
            booked = _book(request, consultancy, form)
            if booked is not None:
                return booked
            slots = selectors.free_slots(consultancy)
            form.set_slots([s.key for s in slots])
        _restamp(form)
    return render(
        request,
        "consulting/public/consultations.html",
        {**_page_context(consultancy, slots, zone), "form": form},
    )


def _book(request: HttpRequest, consultancy: Any, form: PublicBookingForm) -> HttpResponse | None:
    data = form.cleaned_data
    parsed = selectors.parse_slot_key(data["slot"])
    try:
        if parsed is None:
            raise ValidationError({"slot": services.slot_taken_message()})
        with scope(organization=consultancy):
            booking, raw = services.booking_create(
                consultancy=consultancy,
                consultant_id=parsed[0],
                starts_at=parsed[1],
                fields=data,
                consent_text=consent_wording(consultancy),
            )
    except ValidationError as exc:
        apply_validation_error(form, exc)
        return None
    request.session[BOOKED_KEY] = [str(booking.pk), raw]
    return redirect("consulting:public_booked", consultancy_code=consultancy.code)


def booked(request: HttpRequest, consultancy_code: str) -> HttpResponse:
    consultancy = _consultancy(consultancy_code)
    booking, token = None, ""
    remembered = request.session.get(BOOKED_KEY)
    if remembered:
        pk, token = remembered
        booking = (
            Booking._base_manager.select_related("consultant")
            .filter(organization=consultancy, pk=pk)
            .first()
        )
    return render(
        request,
        "consulting/public/booked.html",
        {"consultancy": consultancy, "booking": booking, "token": token},
    )


def manage(request: HttpRequest, consultancy_code: str, token: str) -> HttpResponse:
    booking = services.booking_for_token(token)
    if booking is None or booking.organization.code != consultancy_code:
        return _refused(request)
    consultancy = booking.organization
    zone = valid_zone(request.GET.get("tz", ""), booking.time_zone)
    slots = selectors.free_slots(
        consultancy, consultant=booking.consultant_id, language=booking.language, ignore=booking
    )
    slots = [s for s in slots if s.starts_at != booking.starts_at]
    form = RescheduleForm(request.POST if request.POST.get("action") == "reschedule" else None)
    form.set_slots([s.key for s in slots])
    cancel_form = CancelForm(request.POST if request.POST.get("action") == "cancel" else None)
    if request.method == "POST":
        done = _manage_post(request, booking, token, form, cancel_form)
        if done is not None:
            return done
    return render(
        request,
        "consulting/public/manage.html",
        {
            **_page_context(consultancy, slots, zone),
            "booking": booking,
            "form": form,
            "cancel_form": cancel_form,
            "token": token,
        },
    )


def _manage_post(
    request: HttpRequest,
    booking: Booking,
    token: str,
    form: RescheduleForm,
    cancel_form: CancelForm,
) -> HttpResponse | None:
    consultancy = booking.organization
    action = request.POST.get("action")
    try:
        with scope(organization=consultancy):
            if action == "reschedule" and form.is_valid():
                parsed = selectors.parse_slot_key(form.cleaned_data["slot"])
                if parsed is None or str(parsed[0]) != str(booking.consultant_id):
                    raise ValidationError({"slot": services.slot_taken_message()})
                services.booking_reschedule(
                    actor=None, booking=booking, starts_at=parsed[1], token=token
                )
                messages.success(
                    request, _("Your consultation is moved. The updated invitation is on its way.")
                )
                return redirect(
                    "consulting:public_booking", consultancy_code=consultancy.code, token=token
                )
            if action == "cancel" and cancel_form.is_valid():
                services.booking_cancel(
                    actor=None, booking=booking, reason=cancel_form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("Your consultation is cancelled. We sent the cancellation to your calendar."),
                )
                return redirect(
                    "consulting:public_consultations", consultancy_code=consultancy.code
                )
    except ValidationError as exc:
        apply_validation_error(form, exc)
    return None
