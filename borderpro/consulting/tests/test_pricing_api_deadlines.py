"""Sales taxes by province and date, sizing, renewal deadlines and the API."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from borderpro.consulting import pricing
from borderpro.consulting.deadlines import renewal_deadlines
from borderpro.consulting.tests.factories import engagement_for, request_for, service_for
from borderpro.organizations.tests.factories import MembershipFactory


def test_taxes_follow_the_province_and_the_date() -> None:
    assert [(r.tax, r.rate) for r in pricing.tax_rates("ON", date(2026, 1, 1))] == [
        ("HST", Decimal("0.13"))
    ]
    assert [r.rate for r in pricing.tax_rates("NS", date(2025, 3, 31))] == [Decimal("0.15")]
    assert [r.rate for r in pricing.tax_rates("NS", date(2025, 4, 1))] == [Decimal("0.14")]
    assert [r.tax for r in pricing.tax_rates("QC", date(2026, 1, 1))] == ["GST", "QST"]
    assert [r.tax for r in pricing.tax_rates("BC", date(2026, 1, 1))] == ["GST"]
    shown = pricing.tax_rates("BC", date(2026, 1, 1), charged_only=False)
    assert [(r.tax, r.charged) for r in shown] == [("GST", True), ("PST", False)]
    assert all(r.source.startswith("https://") for r in pricing.all_tax_rates())


def test_quebec_totals_are_exact_decimals() -> None:
    totals = pricing.totals([Decimal("1000.00"), Decimal("0.10")], "QC", date(2026, 6, 1))
    assert [t["amount"] for t in totals.taxes] == ["50.01", "99.76"]
    assert totals.total == Decimal("1149.87")


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    amounts=st.lists(
        st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False), max_size=8
    ),
    province=st.sampled_from(
        ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
    ),
)
def test_totals_add_up_to_the_cent(amounts: list[Decimal], province: str) -> None:
    totals = pricing.totals(amounts, province, date(2026, 6, 1))
    assert totals.total == totals.subtotal + totals.tax_total
    assert totals.tax_total == sum((Decimal(t["amount"]) for t in totals.taxes), Decimal("0"))
    assert totals.total.as_tuple().exponent == -2


class _Rule:
    def __init__(self, basis: str, low: int, high: int | None, amount: str) -> None:
        self.basis, self.min_units, self.max_units = basis, low, high
        self.amount = Decimal(amount)


class _Service:
    unit_price = Decimal("1000.00")


def test_sizing_per_site_and_fleet_band() -> None:
    rules = [_Rule("per_site", 0, None, "200"), _Rule("fleet_band", 25, 99, "500")]
    price = pricing.sized_unit_price
    assert price(_Service(), rules, pricing.Sizing(sites=1, fleet_size=10)) == Decimal("1000.00")
    assert price(_Service(), rules, pricing.Sizing(sites=3, fleet_size=25)) == Decimal("1900.00")
    assert price(_Service(), rules, pricing.Sizing(sites=1, fleet_size=100)) == Decimal("1000.00")


@pytest.mark.django_db
def test_a_retainer_renews_as_a_deadline_for_both_sides(consultancy: Any) -> None:
    retainer = service_for(consultancy, "Maintenance", pricing="retainer")
    from borderpro.consulting import services

    request = request_for(consultancy, wanted=[retainer])
    quote = services.quote_create(actor=None, consultancy=consultancy, request=request)
    services.quote_send(actor=None, consultancy=consultancy, quote=quote)
    engagement = services.quote_accept(quote=quote, name="Pat", address="")
    client = engagement.client
    assert engagement.renews_on is not None
    start, end = date.today(), date.today() + timedelta(days=400)
    found = list(renewal_deadlines([consultancy, client], start, end))
    assert {d.organization for d in found} == {consultancy, client}
    assert all(d.due == engagement.renews_on for d in found)
    assert list(renewal_deadlines([consultancy], start, start + timedelta(days=30))) == []


@pytest.mark.django_db
def test_the_api_lists_requests_quotes_and_engagements(
    consultancy: Any, carrier_a: Any, alice: Any, charlie: Any
) -> None:
    dave = MembershipFactory(organization=consultancy, role="consultant_admin").user
    engagement = engagement_for(consultancy)
    api = Client()
    api.force_login(dave)
    base = f"/api/v1/o/{consultancy.code}/consulting/"
    requests = api.get(base + "requests/").json()
    assert requests["count"] == 1 and requests["results"][0]["status"] == "won"
    quotes = api.get(base + "quotes/").json()
    assert quotes["results"][0]["total"] == "1130.00"  # 1000 + 13 % HST, a decimal string
    assert quotes["results"][0]["taxes"][0]["tax"] == "HST"
    one = api.get(base + f"engagements/{engagement.pk}/").json()
    assert one["client"] == engagement.client.code and len(one["milestones"]) == 1
    request_id = requests["results"][0]["id"]
    moved = api.patch(
        base + f"requests/{request_id}/", {"status": "lost"}, content_type="application/json"
    )
    assert moved.status_code == 200 and moved.json()["status"] == "lost"
    bad = api.patch(
        base + f"requests/{request_id}/", {"status": "maybe"}, content_type="application/json"
    )
    assert bad.status_code == 400
    outsider = Client()
    outsider.force_login(charlie)
    assert outsider.get(base + "requests/").status_code == 404
    client_view = Client()
    client_view.force_login(alice)
    assert client_view.get(f"/api/v1/o/{carrier_a.code}/engagements/").json()["count"] == 0
