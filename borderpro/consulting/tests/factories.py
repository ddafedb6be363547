"""Factories for the consulting front office, every object inside one consultancy."""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from typing import Any
from uuid import uuid4

from borderpro.consulting import services
from borderpro.consulting.consultations import selectors as consultation_selectors
from borderpro.consulting.consultations import services as consultation_services
from borderpro.consulting.models import (
    Availability,
    Booking,
    Engagement,
    ProspectRequest,
    Quote,
    Service,
)
from borderpro.organizations.tests.factories import MembershipFactory, OrganizationFactory


def consultancy_of(organization: Any) -> Any:
    if organization.kind == "consultancy":
        return organization
    return OrganizationFactory(kind="consultancy", business_type="")


def service_for(consultancy: Any, name: str = "", **fields: Any) -> Service:
    values = {
        "name": name or f"Service {uuid4().hex[:6]}",
        "pricing": "fixed",
        "unit_price": Decimal("1000.00"),
        **fields,
    }
    return services.service_save(actor=None, consultancy=consultancy, service=None, fields=values)


def request_for(
    consultancy: Any, *, wanted: list[Service] | None = None, **fields: Any
) -> ProspectRequest:
    values = {
        "company": "Prospect Trucking",
        "contact_name": "Pat Prospect",
        "email": "pat@prospect.example",
        "province": "ON",
        "fleet_size": 30,
        "sites": 2,
        "lines_of_business": ["truckload"],
        "programs": ["PIP"],
        **fields,
    }
    return services.request_submit(
        consultancy=consultancy,
        kind="quote",
        fields=values,
        services=wanted or [],
        language="en",
        consent_text="I agree to be contacted.",
    )


def quote_for(consultancy: Any, request: ProspectRequest | None = None) -> Quote:
    if request is None:
        request = request_for(consultancy, wanted=[service_for(consultancy)])
    return services.quote_create(actor=None, consultancy=consultancy, request=request)


def engagement_for(consultancy: Any) -> Engagement:
    quote = quote_for(consultancy)
    services.quote_send(actor=None, consultancy=consultancy, quote=quote)
    return services.quote_accept(quote=quote, name="Pat Prospect", address="127.0.0.1")


def sample_request_id(organization: Any) -> ProspectRequest:
    return request_for(consultancy_of(organization))


def sample_quote_id(organization: Any) -> Quote:
    return quote_for(consultancy_of(organization))


def sample_service_id(organization: Any) -> Service:
    return service_for(consultancy_of(organization))


def sample_engagement_id(organization: Any) -> Engagement:
    return engagement_for(consultancy_of(organization))


def availability_for(consultancy: Any, consultant: Any = None, **fields: Any) -> Availability:
    """A weekly window (Mondays 9:00-12:00, Toronto, hour slots, EN/FR, video)."""
    if consultant is None:
        consultant = MembershipFactory(
            organization=consultancy, role="consultant", user__full_name="Connie Consultant"
        ).user
    values = {
        "consultant": consultant,
        "weekday": 0,
        "starts": time(9),
        "ends": time(12),
        "time_zone": "America/Toronto",
        "slot_minutes": 60,
        "languages": ["en", "fr"],
        "mode": "video",
        "where": "https://meet.example/northbound",
        **fields,
    }
    return consultation_services.availability_add(
        actor=None, consultancy=consultancy, fields=values
    )


def booker_fields(**fields: Any) -> dict[str, Any]:
    return {
        "name": "Pat Prospect",
        "email": "pat@prospect.example",
        "company": "Prospect Trucking",
        "topic": "Are we eligible for PIP?",
        "language": "en",
        "time_zone": "America/Vancouver",
        **fields,
    }


def booking_for(consultancy: Any, window: Availability | None = None, **fields: Any) -> Booking:
    """A booking of the first free slot (a window is added when none is given)."""
    window = window or availability_for(consultancy)
    slot = consultation_selectors.free_slots(consultancy, consultant=window.consultant_id)[0]
    booking, _token = consultation_services.booking_create(
        consultancy=consultancy,
        consultant_id=window.consultant_id,
        starts_at=slot.starts_at,
        fields=booker_fields(**fields),
    )
    return booking


def sample_booking_id(organization: Any) -> Booking:
    return booking_for(consultancy_of(organization))
