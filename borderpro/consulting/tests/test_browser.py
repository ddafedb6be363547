"""The front office's Done-when flow in real headless Chromium, tried as a new user would: a
prospect on a phone finds Get a quote from the public page, trips on a bad field, sends the
request (a double tap stores one), sees the first look at eligibility; the consultant on a
desktop answers, quotes from the services and sends the quote; the prospect opens the
private link from the email on the phone and accepts it with a typed signature (a double tap
makes one engagement); the consultant sees the request won, the engagement, and the new
client in the portfolio with its profile filled from the form. The prospect's part again in
French, with French labels."""

from __future__ import annotations

import os
import re
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from borderpro.consulting import services, spam
from borderpro.consulting.models import Engagement, ProspectRequest, Quote, Service
from borderpro.consulting.tests.factories import service_for
from borderpro.profiles.models import CarrierProfile
from tests.browser import DESKTOP, PHONE, sign_in, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery staple"
SHOTS = Path(os.environ.get("BORDERPRO_SHOTS", "/tmp/quote-shots"))

SEEN = {
    "en": {
        "get": "Get a quote",
        "company": "Company",
        "email": "Email",
        "fleet": "Fleet size (power units)",
        "send": "Ask for the quote",
        "bad_email": "Enter an email address like name@company.ca.",
        "bad_fleet": "The fleet size cannot be negative.",
        "consent": "Tick the box to agree to be contacted",
        "kept": "Nothing was sent. Fix what is marked below",
        "thanks": "Thank you — your request is in",
        "first_look": "Where you stand: a first look",
        "badges": ["Looks eligible", "Not eligible yet", "Does not apply", "To be confirmed"],
        "pip": "Partners in Protection",
    },
    "fr": {
        "get": "Obtenir une soumission",
        "company": "Entreprise",
        "email": "Courriel",
        "fleet": "Taille du parc (unités motrices)",
        "send": "Demander la soumission",
        "bad_email": "Entrez une adresse courriel comme nom@entreprise.ca.",
        "bad_fleet": "La taille du parc ne peut pas être négative.",
        "consent": "Cochez la case pour accepter d'être contacté",
        "kept": "Rien n'a été envoyé. Corrigez ce qui est indiqué ci-dessous",
        "thanks": "Merci — votre demande est reçue",
        "first_look": "Où vous en êtes : un premier aperçu",
        "badges": [
            "Semble admissible",
            "Pas encore admissible",
            "Ne s'applique pas",
            "À confirmer",
        ],
        "pip": "Partenaires en protection",
    },
}


def label(text: str) -> re.Pattern[str]:
    """A field's label, its required-mark aside."""
    return re.compile(rf"^{re.escape(text)}( \*)?$")


def slowed(monkeypatch: Any, name: str, seconds: float = 1.5) -> None:
    """A busy server: ``services.<name>`` takes ``seconds``, long enough for a second tap."""
    real = getattr(services, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(seconds)
        return real(*args, **kwargs)

    monkeypatch.setattr(services, name, slow)


def double_tap(page: Any, button: Any) -> list[str]:
    """Tap, and tap again while the first answer is still coming; the posts sent."""
    posts: list[str] = []
    page.on("request", lambda r: posts.append(r.url) if r.method == "POST" else None)
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(400)
    page.mouse.click(x, y)
    return posts


def landed(page: Any, path: str) -> None:
    """Wait until the page is at ``path`` (the first tap's navigation is aborted by the
    second one, which ``wait_for_url`` reports as an error)."""
    deadline = time.monotonic() + 20
    while path not in page.url:
        assert time.monotonic() < deadline, f"still at {page.url}"
        page.wait_for_timeout(200)
    page.wait_for_load_state("networkidle")


def press(page: Any, button: Any) -> None:
    """Click a button that posts a form, and wait for the page it leads to."""
    with page.expect_navigation():
        button.click()
    page.wait_for_load_state("networkidle")


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"the page scrolls sideways ({width}px)"


@pytest.fixture
def office(consultancy: Any, carol: Any, settings: Any, live_server: Any) -> Any:
    """Northbound-like: a consultancy with two services and a public page."""
    settings.SITE_URL = live_server.url
    cache.clear()  # the posts-per-address count of an earlier test
    consultancy.name = "Northbound Compliance"
    consultancy.region = "ON"
    consultancy.save()
    service_for(
        consultancy,
        "Gap assessment",
        name_fr="Analyse des écarts",
        unit_price=Decimal("2500.00"),
        milestone_verb="",
    )
    service_for(
        consultancy,
        "PIP application",
        name_fr="Demande PEP",
        unit_price=Decimal("3500.00"),
        milestone_verb="",
    )
    return consultancy


def ask_for_a_quote(
    page: Any, base: str, code: str, language: str, tag: str, monkeypatch: Any
) -> None:
    office_name = "Northbound Compliance"
    """The prospect's part, from the public page to the thank-you page."""
    seen = SEEN[language]
    page.goto(f"{base}/p/{code}/")
    assert page.evaluate("document.documentElement.lang") == language
    no_sideways_scroll(page)
    shot(page, f"01-home-{tag}")
    # the header's link is on screen (not pushed off it), and so is the page's own button
    in_nav = page.locator(".public-nav").get_by_role("link", name=seen["get"], exact=True)
    box = in_nav.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["y"] + box["height"] <= page.locator("main").bounding_box()["y"]
    page.locator(".public-hero").get_by_role("link", name=seen["get"], exact=True).click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/p/{code}/quote/")
    shown = time.monotonic()
    assert page.get_by_label(label(seen["company"])).is_visible()

    # first try: a mistyped email, a negative fleet, consent forgotten
    page.get_by_label(label(seen["company"])).fill("Nord Cargo")
    page.fill("#id_contact_name", "Nadia Roy")
    page.get_by_label(label(seen["email"])).fill("nadia-at-nordcargo")
    page.fill("#id_phone", "514-555-0100")
    page.select_option("#id_province", "QC")
    page.get_by_label(label(seen["fleet"])).fill("-3")
    page.fill("#id_sites", "2")
    page.fill("#id_cross_border_since", "2015")
    page.check("input[name=lines_of_business][value=truckload]")
    page.check("input[name=programs][value=PIP]")
    page.check("input[name=programs][value=FAST]")
    page.fill("#id_message", "We cross at Lacolle every day.")
    time.sleep(max(0.0, spam.MIN_FILL_SECONDS + 0.5 - (time.monotonic() - shown)))
    press(page, page.get_by_role("button", name=seen["send"]))
    shown = time.monotonic()
    assert page.locator("[role=alert]").first.inner_text().startswith(seen["kept"])
    # the summary at the top names each field and what is wrong, and leads to it
    summary = page.locator(".form-errors li").all_inner_texts()
    assert f"{seen['email']}: {seen['bad_email']}" in summary, summary
    assert f"{seen['fleet']}: {seen['bad_fleet']}" in summary
    assert len(summary) == 3
    page.locator(".form-errors li a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    # the consent's wording stays beside its box while the box is marked
    assert office_name in page.locator("#id_consent_help").inner_text()
    email_error = page.locator("#id_email_errors").inner_text()
    assert seen["bad_email"] in email_error
    assert page.get_by_label(label(seen["email"])).get_attribute("aria-invalid") == "true"
    assert seen["bad_fleet"] in page.locator("#id_fleet_size_errors").inner_text()
    assert seen["consent"] in page.locator("#id_consent_errors").inner_text()
    # what was typed is kept
    assert page.input_value("#id_company") == "Nord Cargo"
    assert page.input_value("#id_email") == "nadia-at-nordcargo"
    assert page.input_value("#id_message") == "We cross at Lacolle every day."
    assert page.is_checked("input[name=programs][value=FAST]")
    assert page.input_value("#id_province") == "QC"
    assert page.input_value("#id_cross_border_since") == "2015"
    assert not ProspectRequest.objects.exists() and not mail.outbox
    no_sideways_scroll(page)
    shot(page, f"02-quote-errors-{tag}")

    # fixed, consent ticked, sent with a double tap: two posts, one request
    page.get_by_label(label(seen["email"])).fill("nadia@nordcargo.example")
    page.get_by_label(label(seen["fleet"])).fill("35")
    page.check("#id_consent")
    time.sleep(max(0.0, spam.MIN_FILL_SECONDS + 0.5 - (time.monotonic() - shown)))
    slowed(monkeypatch, "request_submit")
    posts = double_tap(page, page.get_by_role("button", name=seen["send"]))
    landed(page, f"/p/{code}/thanks/")
    page.wait_for_load_state("networkidle")
    assert len(posts) == 2, posts  # the browser did send the form twice
    wait_for(lambda: ProspectRequest.objects.count() == 1, page)
    time.sleep(0.5)
    assert ProspectRequest.objects.count() == 1
    request = ProspectRequest.objects.get()
    assert request.language == language and request.consent_at is not None

    # the confirmation, with the reference and the first look at each program
    assert seen["thanks"] in page.locator("h1").inner_text()
    text = page.locator("main").inner_text()
    assert request.reference in text and "nadia@nordcargo.example" in text
    shot(page, f"03-thanks-{tag}")
    assert seen["first_look"] in text and seen["pip"] in text
    badges = page.locator("main .badge").all_inner_texts()
    assert len(badges) == len(request.eligibility) == 3  # PIP, FAST in, FAST out
    assert set(badges) <= set(seen["badges"]), badges
    for row in request.eligibility:
        assert row["name"] in text and row["next_step"] in text
    no_sideways_scroll(page)
    wait_for(lambda: len(mail.outbox) == 1, page)
    assert mail.outbox[0].to == ["nadia@nordcargo.example"]
    assert request.reference in mail.outbox[0].subject


def test_a_prospect_on_a_phone_gets_a_quote_and_becomes_a_client(
    browser: Any, live_server: Any, office: Any, carol: Any, monkeypatch: Any
) -> None:
    code = office.code
    prospect = browser.new_context(viewport=PHONE, locale="en-CA")
    page = prospect.new_page()
    page.set_default_timeout(15000)
    ask_for_a_quote(page, live_server.url, code, "en", "phone", monkeypatch)
    request = ProspectRequest.objects.get()

    # the consultant, on a desktop, finds it in the inbox and answers
    desk = browser.new_context(viewport=DESKTOP, locale="en-CA")
    consultant = desk.new_page()
    consultant.set_default_timeout(15000)
    sign_in(consultant, live_server.url, carol.email, PASSWORD)
    consultant.goto(f"{live_server.url}/o/{code}/consulting/requests/")
    row = consultant.get_by_role("link", name=re.compile("Nord Cargo"))
    assert row.count() == 1
    shot(consultant, "04-inbox-desktop")
    row.click()
    consultant.wait_for_load_state("networkidle")
    assert request.reference in consultant.locator("h1").inner_text()
    consultant.fill("#id_body", "Happy to help, Nadia. A quote follows today.")
    press(consultant, consultant.get_by_role("button", name="Send", exact=True))
    assert "Reply sent to nadia@nordcargo.example." in consultant.content()
    thread = consultant.locator("article.message").all_inner_texts()
    assert any("A quote follows today." in message for message in thread)
    wait_for(lambda: len(mail.outbox) == 2, consultant)
    assert mail.outbox[1].to == ["nadia@nordcargo.example"]
    assert "A quote follows today." in mail.outbox[1].body
    shot(consultant, "05-request-replied-desktop")

    # a quote from the services: the one asked for is not there yet, one is added
    press(consultant, consultant.get_by_role("button", name="Draft a quote"))
    assert "No line yet" in consultant.content()
    consultant.select_option("#add-service", str(Service.objects.get(name="Gap assessment").pk))
    press(consultant, consultant.get_by_role("button", name="Add", exact=True))
    consultant.select_option("#add-service", str(Service.objects.get(name="PIP application").pk))
    press(consultant, consultant.get_by_role("button", name="Add", exact=True))
    quote = Quote.objects.get()
    assert quote.subtotal == Decimal("6000.00")
    # Quebec: GST 5 % and QST 9.975 %
    assert {t["tax"] for t in quote.taxes} == {"GST", "QST"}
    assert quote.total == Decimal("6898.50")
    assert "6,898.50" in consultant.locator("tfoot").inner_text()
    shot(consultant, "06-quote-draft-desktop")
    press(consultant, consultant.get_by_role("button", name="Send to the prospect"))
    assert "Quote sent to nadia@nordcargo.example" in consultant.content()
    wait_for(lambda: len(mail.outbox) == 3, consultant)
    link = re.search(r"https?://\S+/quotes/[^/\s]+/", mail.outbox[2].body)
    assert link is not None and link.group(0).startswith(live_server.url)

    # the prospect opens the link from the email on the phone, reads, signs (double tap)
    page.goto(link.group(0))
    assert quote.number in page.locator("h1").inner_text()
    table = page.locator("main table").inner_text()
    assert "Gap assessment" in table and "PIP application" in table and "6,898.50" in table
    no_sideways_scroll(page)
    shot(page, "07-quote-link-phone")
    page.get_by_label("I accept this quote on behalf of the company").check()
    press(page, page.get_by_role("button", name="Accept and sign"))
    assert "Type your full name to sign." in page.content()
    assert Quote.objects.get().status == "sent"
    page.get_by_label("Your full name (your signature)").fill("Nadia Roy")
    page.get_by_label("I accept this quote on behalf of the company").check()
    slowed(monkeypatch, "quote_accept")
    posts = double_tap(page, page.get_by_role("button", name="Accept and sign"))
    page.wait_for_load_state("networkidle")
    wait_for(lambda: Quote.objects.get().status == "accepted", page)
    time.sleep(0.5)
    assert len(posts) == 2, posts
    assert Engagement.objects.count() == 1
    page.reload()
    assert "Signed by Nadia Roy" in page.locator("main").inner_text()
    no_sideways_scroll(page)
    shot(page, "08-quote-accepted-phone")

    # the consultant: the request is won, an engagement, the new client in the portfolio
    request.refresh_from_db()
    assert request.status == "won" and request.client is not None
    consultant.goto(f"{live_server.url}/o/{code}/consulting/requests/?status=won")
    assert consultant.get_by_role("link", name=re.compile("Nord Cargo")).count() == 1
    consultant.get_by_role("link", name=re.compile("Nord Cargo")).click()
    consultant.wait_for_load_state("networkidle")
    assert "Won" in consultant.locator(".page-head").inner_text()
    shot(consultant, "09-request-won-desktop")
    consultant.goto(f"{live_server.url}/o/{code}/consulting/engagements/")
    assert "Nord Cargo" in consultant.locator("main").inner_text()
    consultant.goto(f"{live_server.url}/o/{code}/")
    portfolio = consultant.locator("main").inner_text()
    assert "Nord Cargo" in portfolio
    no_sideways_scroll(consultant)  # a wide portfolio scrolls in its frame, not the page
    shot(consultant, "10-portfolio-desktop")
    client = request.client
    consultant.goto(live_server.url + reverse("profiles:profile", args=[client.code]))
    consultant.wait_for_load_state("networkidle")
    profile_page = consultant.locator("main").inner_text()
    assert "nadia@nordcargo.example" in profile_page and "Nadia Roy" in profile_page
    profile = CarrierProfile.objects.get(organization=client)
    assert profile.tractors == 35 and profile.lines_of_business == ["truckload"]
    assert profile.contact_phone == "514-555-0100"
    shot(consultant, "11-client-profile-desktop")
    desk.close()
    prospect.close()


def test_the_prospect_part_in_french_on_a_phone(
    browser: Any, live_server: Any, office: Any, monkeypatch: Any
) -> None:
    context = browser.new_context(
        viewport=PHONE, locale="fr-CA", extra_http_headers={"Accept-Language": "fr-CA,fr;q=0.9"}
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    ask_for_a_quote(page, live_server.url, office.code, "fr", "phone-fr", monkeypatch)
    body = mail.outbox[0].body
    assert "Bonjour" in body or "Merci" in body
    context.close()
