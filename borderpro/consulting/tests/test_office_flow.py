"""The consultant's side: answer, assign, quote, send; the prospect accepts by link; the new
client is in the portfolio with its profile filled from the request."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from borderpro.consulting import services
from borderpro.consulting.models import Engagement, ProspectRequest, Quote, SizingRule
from borderpro.consulting.tests.factories import request_for, service_for
from borderpro.organizations.models import ClientLink, Organization
from borderpro.organizations.tests.factories import MembershipFactory
from borderpro.profiles.models import CarrierProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def dave(consultancy: Any) -> Any:
    return MembershipFactory(
        organization=consultancy, role="consultant_admin", user__full_name="Dave"
    ).user


def login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_whole_flow_from_request_to_portfolio(
    consultancy: Any, dave: Any, carol: Any, django_capture_on_commit_callbacks: Any
) -> None:
    gap = service_for(consultancy, "Gap assessment", unit_price=Decimal("2500.00"))
    SizingRule.objects.create(
        organization=consultancy, service=gap, basis="per_site", amount=Decimal("400.00")
    )
    SizingRule.objects.create(
        organization=consultancy,
        service=gap,
        basis="fleet_band",
        min_units=25,
        max_units=99,
        amount=Decimal("1500.00"),
    )
    retainer = service_for(
        consultancy, "Maintenance", pricing="retainer", unit_price=Decimal("4800")
    )
    request = request_for(consultancy, wanted=[gap, retainer], fleet_size=30, sites=3)
    office = login(dave)
    url = reverse("consulting:request", args=[consultancy.code, request.pk])

    # assign and answer: the reply is emailed and kept in the thread
    office.post(url, {"action": "assign", "user": str(carol.pk)})
    request.refresh_from_db()
    assert request.assigned_to == carol and request.status == "assigned"
    with django_capture_on_commit_callbacks(execute=True):
        office.post(url, {"action": "reply", "body": "Happy to help. A quote follows."})
    request.refresh_from_db()
    assert request.status == "answered"
    assert mail.outbox[-1].to == [request.email] and "A quote follows" in mail.outbox[-1].body
    assert request.thread.filter(direction="out").count() == 1

    # quote: lines sized by the request, Ontario HST
    response = office.post(url, {"action": "quote"})
    quote = Quote.objects.get(request=request)
    assert response["Location"].endswith(f"/consulting/quotes/{quote.pk}/")
    amounts = {line.description: line.unit_price for line in quote.lines.all()}
    assert amounts == {"Gap assessment": Decimal("4800.00"), "Maintenance": Decimal("4800.00")}
    assert quote.subtotal == Decimal("9600.00")
    assert quote.taxes[0]["tax"] == "HST" and quote.tax_total == Decimal("1248.00")
    assert quote.total == Decimal("10848.00")
    pdf = office.get(reverse("consulting:quote", args=[consultancy.code, quote.pk]) + "?format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")

    # send: a private link by email
    with django_capture_on_commit_callbacks(execute=True):
        office.post(
            reverse("consulting:quote", args=[consultancy.code, quote.pk]), {"action": "send"}
        )
    link = re.search(r"http\S+/quotes/(\S+)/", mail.outbox[-1].body)
    assert link is not None
    accept_path = link.group(0).split("8000", 1)[-1] if "8000" in link.group(0) else link.group(0)
    accept_url = (
        "/" + accept_path.split("/", 3)[-1] if accept_path.startswith("http") else accept_path
    )

    # the prospect opens it (no account), downloads the PDF, signs
    prospect = Client()
    page = prospect.get(accept_url)
    assert page.status_code == 200 and quote.number in page.content.decode()
    assert prospect.get(accept_url + "pdf/").content.startswith(b"%PDF")
    unsigned = prospect.post(accept_url, {"name": "", "agree": "on"})
    assert "Type your full name to sign." in unsigned.content.decode()
    prospect.post(accept_url, {"name": "Pat Prospect", "agree": "on"})
    quote.refresh_from_db()
    request.refresh_from_db()
    assert quote.status == "accepted" and quote.accepted_name == "Pat Prospect"
    assert request.status == "won" and request.client is not None

    # the new client: linked, Carol on it, its profile pre-filled, an engagement renewing
    client = request.client
    assert client.kind == "client" and client.name == "Prospect Trucking"
    link_row = ClientLink.objects.get(consultancy=consultancy, client=client)
    assert link_row.assignments.filter(user=carol).exists()
    profile = CarrierProfile.objects.get(organization=client)
    assert profile.tractors == 30 and profile.contact_email == "pat@prospect.example"
    assert profile.lines_of_business == ["truckload"]
    engagement = Engagement.objects.get(quote=quote)
    assert engagement.client == client and engagement.renews_on is not None
    assert engagement.milestones.count() == 2
    portfolio = login(carol).get(reverse("organizations:dashboard", args=[consultancy.code]))
    assert "Prospect Trucking" in portfolio.content.decode()


def test_a_wrong_revoked_or_expired_link_reveals_nothing(consultancy: Any) -> None:
    request = request_for(consultancy, wanted=[service_for(consultancy)])
    quote = services.quote_create(actor=None, consultancy=consultancy, request=request)
    raw = services.quote_send(actor=None, consultancy=consultancy, quote=quote)
    base = reverse("consulting:public_quote", args=[consultancy.code, raw])
    assert Client().get(base).status_code == 200
    wrong = Client().get(reverse("consulting:public_quote", args=[consultancy.code, "nope"]))
    assert wrong.status_code == 404 and "This link does not work" in wrong.content.decode()
    assert quote.number not in wrong.content.decode()
    # a link of another consultancy's address
    other = Organization.objects.create(name="Other", kind="consultancy")
    assert (
        Client().get(reverse("consulting:public_quote", args=[other.code, raw])).status_code == 404
    )
    # expired
    Quote.objects.filter(pk=quote.pk).update(link_expires_at=timezone.now() - timedelta(minutes=1))
    assert Client().get(base).status_code == 404
    assert Client().post(base, {"name": "Pat", "agree": "on"}).status_code == 404
    # sent again: a new link, the old one stops working
    Quote.objects.filter(pk=quote.pk).update(link_expires_at=timezone.now() + timedelta(days=1))
    quote.refresh_from_db()
    new = services.quote_send(actor=None, consultancy=consultancy, quote=quote)
    assert Client().get(base).status_code == 404
    fresh = reverse("consulting:public_quote", args=[consultancy.code, new])
    assert Client().get(fresh).status_code == 200
    # withdrawn
    quote.refresh_from_db()
    services.quote_revoke(actor=None, consultancy=consultancy, quote=quote)
    assert Client().get(fresh).status_code == 404
    assert not Engagement.objects.exists()


def test_bad_quote_lines_are_named_and_nothing_changes(consultancy: Any, dave: Any) -> None:
    request = request_for(consultancy, wanted=[service_for(consultancy, "Audit")])
    quote = services.quote_create(actor=None, consultancy=consultancy, request=request)
    line = quote.lines.get()
    url = reverse("consulting:quote", args=[consultancy.code, quote.pk])
    response = login(dave).post(
        url,
        {
            "action": "save",
            "language": "en",
            "currency": "CAD",
            "province": "ON",
            "valid_until": quote.valid_until.isoformat(),
            f"quantity-{line.pk}": "two",
            f"unit_price-{line.pk}": "900",
        },
    )
    assert "Line “Audit”: the quantity must be a number" in response.content.decode()
    line.refresh_from_db()
    assert line.unit_price == Decimal("1000.00")


def test_a_consultant_may_not_change_prices(consultancy: Any, carol: Any) -> None:
    response = login(carol).post(
        reverse("consulting:services", args=[consultancy.code]),
        {
            "name": "Cheap",
            "pricing": "fixed",
            "unit_price": "1",
            "currency": "CAD",
            "default_quantity": "1",
            "order": "1",
        },
    )
    assert response.status_code == 403
    assert (
        login(carol).get(reverse("consulting:services", args=[consultancy.code])).status_code == 200
    )


def test_the_client_sees_its_engagement_and_outsiders_do_not(
    consultancy: Any, carrier_a: Any, alice: Any, charlie: Any
) -> None:
    request = request_for(
        consultancy, wanted=[service_for(consultancy, "Risk", milestone_verb="risk.approved")]
    )
    request.client = carrier_a
    request.save()
    quote = services.quote_create(actor=None, consultancy=consultancy, request=request)
    services.quote_send(actor=None, consultancy=consultancy, quote=quote)
    engagement = services.quote_accept(quote=quote, name="Alice", address="127.0.0.1")
    assert engagement.client == carrier_a
    url = reverse("consulting:client_engagements", args=[carrier_a.code])
    page = login(alice).get(url).content.decode()
    assert engagement.title in page and "0 of 1 deliverables done" in page
    # the risk module records its approval: the deliverable is reached by itself
    from borderpro.organizations.activity import activity_record

    activity_record(organization=carrier_a, actor=alice, verb="risk.approved", year=2026)
    assert "1 of 1 deliverables done" in login(alice).get(url).content.decode()
    assert login(charlie).get(url).status_code == 404
    office = reverse("consulting:engagement", args=[consultancy.code, engagement.pk])
    assert login(alice).get(office).status_code == 404


def test_the_inbox_lists_requests_by_status(consultancy: Any, dave: Any) -> None:
    request_for(consultancy, company="Alpha Freight")
    done = request_for(consultancy, company="Omega Lines")
    ProspectRequest.objects.filter(pk=done.pk).update(status="lost")
    office = login(dave)
    url = reverse("consulting:inbox", args=[consultancy.code])
    page = office.get(url).content.decode()
    assert "Alpha Freight" in page and "Omega Lines" not in page
    assert "Omega Lines" in office.get(url + "?status=lost").content.decode()
    assert "Alpha Freight" in office.get(url + "?status=&q=alpha").content.decode()


def test_signing_twice_or_with_one_letter_makes_one_engagement_and_no_error(
    consultancy: Any,
) -> None:
    request = request_for(consultancy, wanted=[service_for(consultancy)])
    quote = services.quote_create(actor=None, consultancy=consultancy, request=request)
    raw = services.quote_send(actor=None, consultancy=consultancy, quote=quote)
    url = reverse("consulting:public_quote", args=[consultancy.code, raw])
    one_letter = Client().post(url, {"name": "P", "agree": "on"})
    assert one_letter.status_code == 200
    assert "Type your full name to sign." in one_letter.content.decode()
    assert not Engagement.objects.exists()
    first = services.quote_accept(quote=quote, name="Pat Prospect", address="127.0.0.1")
    # the second tap arrives while the quote object still says "sent"
    again = services.quote_accept(quote=quote, name="Pat Prospect", address="127.0.0.1")
    assert again == first and Engagement.objects.count() == 1
    assert Client().post(url, {"name": "Pat Prospect", "agree": "on"}).status_code == 200
    assert Engagement.objects.count() == 1


def test_adding_and_removing_lines_on_the_page_keeps_the_totals_right(
    consultancy: Any, dave: Any
) -> None:
    gap = service_for(consultancy, "Gap assessment", unit_price=Decimal("2500.00"))
    pip = service_for(consultancy, "PIP application", unit_price=Decimal("3500.00"))
    request = request_for(consultancy, province="ON")
    quote = services.quote_create(actor=None, consultancy=consultancy, request=request)
    office = login(dave)
    url = reverse("consulting:quote", args=[consultancy.code, quote.pk])
    office.post(url, {"action": "add_line", "service": str(gap.pk)})
    office.post(url, {"action": "add_line", "service": str(pip.pk)})
    quote.refresh_from_db()
    assert quote.subtotal == Decimal("6000.00") and quote.total == Decimal("6780.00")
    line = quote.lines.get(service=gap)
    other = quote.lines.get(service=pip)
    office.post(
        url,
        {
            "action": "save",
            "language": "en",
            "currency": "CAD",
            "province": "ON",
            "valid_until": quote.valid_until.isoformat(),
            f"quantity-{line.pk}": "1",
            f"unit_price-{line.pk}": "2500",
            f"remove-{line.pk}": "on",
            f"quantity-{other.pk}": "1",
            f"unit_price-{other.pk}": "3500",
        },
    )
    quote.refresh_from_db()
    assert quote.subtotal == Decimal("3500.00") and quote.total == Decimal("3955.00")


def test_the_consultant_who_answers_an_unassigned_request_takes_it_and_its_client(
    consultancy: Any, carol: Any
) -> None:
    request = request_for(consultancy, wanted=[service_for(consultancy)])
    office = login(carol)
    url = reverse("consulting:request", args=[consultancy.code, request.pk])
    office.post(url, {"action": "reply", "body": "Happy to help."})
    request.refresh_from_db()
    assert request.assigned_to == carol and request.status == "answered"
    quote = services.quote_create(actor=carol, consultancy=consultancy, request=request)
    services.quote_send(actor=carol, consultancy=consultancy, quote=quote)
    engagement = services.quote_accept(quote=quote, name="Pat Prospect", address="127.0.0.1")
    # Carol (a consultant, who sees only her clients) opens the client she won
    page = office.get(reverse("organizations:dashboard", args=[engagement.client.code]))
    assert page.status_code == 200
    # an internal note does not take it
    other = request_for(consultancy)
    other_url = reverse("consulting:request", args=[consultancy.code, other.pk])
    office.post(other_url, {"action": "reply", "body": "Check their fleet.", "note": "on"})
    other.refresh_from_db()
    assert other.assigned_to is None
