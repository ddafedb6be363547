"""The public pages: Get a Quote and Ask a Question, their spam protection and messages."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from borderpro.consulting import spam
from borderpro.consulting.models import ProspectRequest
from borderpro.consulting.tests.factories import service_for

pytestmark = pytest.mark.django_db


def quote_data(**overrides: Any) -> dict[str, Any]:
    data = {
        "company": "Nord Cargo",
        "contact_name": "Nadia Roy",
        "email": "nadia@nordcargo.example",
        "phone": "514-555-0100",
        "province": "QC",
        "fleet_size": "35",
        "sites": "2",
        "employees": "50",
        "lines_of_business": ["truckload"],
        "programs": ["PIP", "FAST"],
        "timeline": "quarter",
        "cross_border_since": "2015",
        "message": "We cross at Lacolle every day.",
        "consent": "on",
        "website": "",
        "started": spam.form_stamp(time.time() - 30),
    }
    data.update(overrides)
    return data


def post_quote(consultancy: Any, data: dict[str, Any], address: str = "10.0.0.1") -> Any:
    client = Client(REMOTE_ADDR=address)
    return client.post(
        reverse("consulting:public_quote_request", args=[consultancy.code]), data, follow=True
    )


def test_home_explains_the_programs_and_lists_the_services(consultancy: Any) -> None:
    service_for(consultancy, "Gap assessment", name_fr="Analyse des écarts")
    page = Client().get(reverse("consulting:public_home", args=[consultancy.code]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Partners in Protection" in text and "Gap assessment" in text
    fr = Client(HTTP_ACCEPT_LANGUAGE="fr").get(
        reverse("consulting:public_home", args=[consultancy.code])
    )
    assert "Analyse des écarts" in fr.content.decode()


def test_a_carrier_is_no_public_page(carrier_a: Any) -> None:
    assert Client().get(reverse("consulting:public_home", args=[carrier_a.code])).status_code == 404


def test_a_quote_request_is_stored_with_consent_and_answered_with_eligibility(
    consultancy: Any, django_capture_on_commit_callbacks: Any
) -> None:
    wanted = service_for(consultancy, "Gap assessment")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_quote(consultancy, quote_data(services=[str(wanted.pk)]))
    assert response.status_code == 200
    request = ProspectRequest.objects.get(organization=consultancy)
    assert request.company == "Nord Cargo" and request.status == "new"
    assert request.consent_at is not None and consultancy.name in request.consent_text
    assert list(request.services.all()) == [wanted]
    assert request.thread.get().body == "We cross at Lacolle every day."
    programs = {row["program"] for row in request.eligibility}
    assert programs == {"PIP", "FAST_INTO_CANADA", "FAST_INTO_US"}
    text = response.content.decode()
    assert request.reference in text and "Partners in Protection" in text
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["nadia@nordcargo.example"]
    assert request.reference in mail.outbox[0].subject


def test_every_bad_field_gets_its_message_and_nothing_is_stored(consultancy: Any) -> None:
    response = post_quote(
        consultancy,
        quote_data(email="nadia-at-nord", consent="", fleet_size="-3", company="", province=""),
    )
    text = response.content.decode()
    assert "Enter an email address like name@company.ca." in text
    assert "Tick the box to agree to be contacted" in text
    assert "The fleet size cannot be negative." in text
    assert "Enter the company&#x27;s name." in text
    assert "Choose the province of your head office." in text
    assert 'value="Nadia Roy"' in text  # what was typed is kept
    assert not ProspectRequest.objects.exists() and not mail.outbox


def test_a_filled_honeypot_is_thanked_and_ignored(consultancy: Any) -> None:
    response = post_quote(consultancy, quote_data(website="http://spam.example"))
    assert response.status_code == 200
    assert not ProspectRequest.objects.exists() and not mail.outbox


def test_a_form_sent_back_too_fast_is_refused_with_a_message(consultancy: Any) -> None:
    response = post_quote(consultancy, quote_data(started=spam.form_stamp()))
    assert "sent too quickly" in response.content.decode()
    assert not ProspectRequest.objects.exists()
    forged = post_quote(consultancy, quote_data(started="123"))
    assert "sent too quickly" in forged.content.decode()


def test_a_flood_from_one_address_is_throttled_but_others_get_through(consultancy: Any) -> None:
    flood = Client(REMOTE_ADDR="203.0.113.9")
    url = reverse("consulting:public_question", args=[consultancy.code])
    statuses = []
    for n in range(300):
        data = {
            "contact_name": f"Bot {n}",
            "email": f"bot{n}@spam.example",
            "message": "Buy now",
            "consent": "on",
            "started": spam.form_stamp(time.time() - 30),
        }
        statuses.append(flood.post(url, data).status_code)
    assert statuses[: spam.LIMIT] == [302] * spam.LIMIT
    assert set(statuses[spam.LIMIT :]) == {429}
    assert ProspectRequest.objects.count() == spam.LIMIT
    genuine = post_quote(consultancy, quote_data(), address="198.51.100.7")
    assert genuine.status_code == 200
    assert ProspectRequest.objects.filter(company="Nord Cargo").exists()


def test_a_question_needs_only_a_name_an_email_and_the_question(consultancy: Any) -> None:
    client = Client(REMOTE_ADDR="10.0.0.5", HTTP_ACCEPT_LANGUAGE="fr")
    url = reverse("consulting:public_question", args=[consultancy.code])
    empty = client.post(url, {"consent": "on", "started": spam.form_stamp(time.time() - 10)})
    assert "Écrivez votre question." in empty.content.decode()
    ok = client.post(
        url,
        {
            "contact_name": "Luc",
            "email": "luc@example.ca",
            "message": "Combien de temps dure une demande au PEP?",
            "consent": "on",
            "started": spam.form_stamp(time.time() - 10),
        },
    )
    assert ok.status_code == 302
    request = ProspectRequest.objects.get()
    assert request.kind == "question" and request.language == "fr"
    assert "accepte" in request.consent_text


def test_a_form_sent_twice_is_stored_once_and_leads_to_the_first_thanks(
    consultancy: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A double tap on a slow connection: the same form (same stamp) arrives twice, the
    second time without the first answer's cookie; one request, both see its reference."""
    data = quote_data()
    with django_capture_on_commit_callbacks(execute=True):
        first = post_quote(consultancy, data)
        second = post_quote(consultancy, data)
    request = ProspectRequest.objects.get()
    assert request.reference in first.content.decode()
    assert request.reference in second.content.decode()
    assert len(mail.outbox) == 1
    # two people who opened the form in the same second are two requests
    now = time.time() - 30
    post_quote(consultancy, quote_data(started=spam.form_stamp(now), company="Alpha"))
    post_quote(consultancy, quote_data(started=spam.form_stamp(now), company="Beta"))
    assert ProspectRequest.objects.count() == 3


def test_a_form_that_fails_to_store_can_be_sent_again(consultancy: Any, monkeypatch: Any) -> None:
    from borderpro.consulting import services

    data = quote_data()
    real = services.request_submit

    def broken(**kwargs: Any) -> Any:
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "request_submit", broken)
    with pytest.raises(RuntimeError):
        post_quote(consultancy, data)
    monkeypatch.setattr(services, "request_submit", real)
    post_quote(consultancy, data)
    assert ProspectRequest.objects.count() == 1
