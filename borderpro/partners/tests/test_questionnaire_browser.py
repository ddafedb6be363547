"""A partner answers its questionnaire through the private link on a phone, as a new user
would: opens the link, switches to French, types answers, attaches a file, saves, comes back
later with the same link, submits. An expired or altered link gets the refusal.
Set ``BORDERPRO_SHOTS`` to a directory to keep the screenshots."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from borderpro.common.samples import pdf_bytes
from borderpro.partners import questionnaires
from borderpro.partners.models import Questionnaire, QuestionSet
from borderpro.partners.tests.factories import partner_for
from borderpro.profiles.tests.factories import catalogue
from tests.browser import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("BORDERPRO_SHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"partners-{name}.png"), full_page=True)


def test_a_partner_answers_on_a_phone_and_a_bad_link_is_refused(
    browser: Any, live_server: Any, carrier_a: Any, alice: Any, tmp_path: Path
) -> None:
    from django.core.cache import cache

    cache.clear()
    catalogue("CTPAT-HC", n=1)
    questionnaires.question_sets_seed(actor=alice, organization=carrier_a)
    partner = partner_for(carrier_a, "Quick Lane Carriers")
    qset = QuestionSet.objects.get(organization=carrier_a, partner_kind="sub_carrier")
    sent = questionnaires.questionnaire_send(
        actor=alice, organization=carrier_a, partner=partner, question_set=qset
    )
    link = f"{live_server.url}/q/{sent.token}/"
    proof = tmp_path / "ctpat-status.pdf"
    proof.write_bytes(pdf_bytes("C-TPAT status", ["SVI 4821"]))

    page = browser.new_page(viewport=PHONE)
    page.goto(link)
    assert page.locator("h1").inner_text() == "Security questionnaire"
    page.click("button[name=language][value=fr]")  # the partner reads French
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Questionnaire de sécurité"
    areas = page.locator("textarea")
    count = areas.count()
    assert count >= 1
    areas.nth(0).fill("C-TPAT, SVI 4821")
    page.set_input_files("input[type=file]", str(proof))
    _shot(page, "answer-phone-fr")
    page.click("button[name=save]")
    page.wait_for_load_state("networkidle")
    assert "Enregistré" in page.locator("main").inner_text()

    # later, the same link: what was saved is there
    later = browser.new_page(viewport=PHONE)
    later.goto(link)
    later.click("button[name=language][value=fr]")
    later.wait_for_load_state("networkidle")
    assert later.locator("textarea").nth(0).input_value() == "C-TPAT, SVI 4821"
    assert "ctpat-status.pdf" in later.locator("main").inner_text()
    for index in range(1, count):
        later.locator("textarea").nth(index).fill("Oui : procédure écrite P-7, registre tenu.")
    later.click("button[name=submit]")
    later.wait_for_load_state("networkidle")
    assert later.locator("h1").inner_text() == "Merci"
    _shot(later, "submitted-phone-fr")
    q = Questionnaire.objects.get(pk=sent.questionnaire.pk)
    assert q.submitted_at is not None

    # an altered link and an expired one: the same refusal, nothing revealed
    other = questionnaires.questionnaire_send(
        actor=alice, organization=carrier_a, partner=partner, question_set=qset
    )
    Questionnaire.objects.filter(pk=other.questionnaire.pk).update(
        sent_at=timezone.now() - timedelta(days=40), expires_at=timezone.now() - timedelta(days=1)
    )
    refused = browser.new_page(viewport=PHONE)
    for url in (f"{live_server.url}/q/{sent.token[:-2]}xy/", f"{live_server.url}/q/{other.token}/"):
        response = refused.goto(url)
        assert response is not None and response.status == 404
        text = refused.locator("main").inner_text()
        assert "This link does not open a questionnaire" in text
        assert "Quick Lane" not in text and carrier_a.name not in text
    _shot(refused, "refused-phone")
