"""Outbound questionnaires: question sets from the catalogue, the private link (what it opens
and what it refuses), answering with files, save and come back, reminders, the review."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from borderpro.catalogue.models import Category
from borderpro.common.samples import pdf_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.partners import deadlines, questionnaires
from borderpro.partners.models import Partner, Questionnaire, QuestionnaireAnswer, QuestionSet
from borderpro.partners.tests.factories import partner_for
from borderpro.profiles.tests.factories import catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def topics(db: Any) -> None:
    """A small C-TPAT highway framework with the categories a sub-carrier is asked about."""
    framework = catalogue("CTPAT-HC", n=1)
    for position, (code, en, fr) in enumerate(
        [
            ("5", "Conveyance Security", "Sécurité des moyens de transport"),
            ("6", "Seal Security", "Sécurité des scellés"),
        ]
    ):
        Category.objects.create(
            framework=framework, code=code, title_en=en, title_fr=fr, position=10 + position
        )


@pytest.fixture
def sent(
    carrier_a: Any,
    alice: Any,
    topics: None,
    mailoutbox: Any,
    django_capture_on_commit_callbacks: Any,
) -> dict[str, Any]:
    questionnaires.question_sets_seed(actor=alice, organization=carrier_a)
    partner = partner_for(carrier_a, "Quick Lane", contact_email="dispatch@quicklane.example")
    qset = QuestionSet.objects.get(organization=carrier_a, partner_kind="sub_carrier")
    with django_capture_on_commit_callbacks(execute=True):
        result = questionnaires.questionnaire_send(
            actor=alice, organization=carrier_a, partner=partner, question_set=qset
        )
    return {"partner": partner, "q": result.questionnaire, "token": result.token, "qset": qset}


def _link(token: str) -> str:
    return f"/q/{token}/"


def _main(response: Any) -> str:
    """The page's content without the per-request CSRF token and the language switch's
    return address (the page's own address)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'name="next" value="[^"]*"', "", html)


def test_question_sets_are_drawn_from_the_catalogue_categories_per_partner_type(
    carrier_a: Any, alice: Any, topics: None
) -> None:
    made = questionnaires.question_sets_seed(actor=alice, organization=carrier_a)
    assert {s.partner_kind for s in made} == set(Partner.Kind.values)
    sub = QuestionSet.objects.get(organization=carrier_a, partner_kind="sub_carrier")
    questions = list(sub.questions.all())
    assert questions[0].asks_for_file  # the certification question asks for the certificate
    assert [q.topic for q in questions[1:]] == ["CTPAT-HC 5", "CTPAT-HC 6"]
    assert questions[1].text_fr.startswith("Sécurité des moyens de transport :")
    # running it again adds nothing
    assert questionnaires.question_sets_seed(actor=alice, organization=carrier_a) == []


def test_sending_emails_a_private_link_whose_token_is_never_stored(
    sent: dict[str, Any], mailoutbox: Any
) -> None:
    q, token = sent["q"], sent["token"]
    assert len(token) >= 43  # 256 bits
    assert q.token_hash == questionnaires.hash_token(token) and token not in q.token_hash
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["dispatch@quicklane.example"]
    assert _link(token) in mailoutbox[0].body
    assert q.questions[0]["asks_for_file"] and q.set_version == sent["qset"].version


def test_a_sent_questionnaire_keeps_its_questions_when_the_set_is_edited(
    sent: dict[str, Any], alice: Any, carrier_a: Any
) -> None:
    qset = sent["qset"]
    before = qset.version
    questionnaires.question_save(
        actor=alice, organization=carrier_a, question_set=qset, text_en="Do you use GPS?"
    )
    qset.refresh_from_db()
    assert qset.version == before + 1
    sent["q"].refresh_from_db()
    assert all(item["text_en"] != "Do you use GPS?" for item in sent["q"].questions)


def test_the_link_opens_only_its_questionnaire_without_an_account(
    client: Client, sent: dict[str, Any]
) -> None:
    page = client.get(_link(sent["token"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Quick Lane" in html and "Conveyance Security" in html
    assert page["Cache-Control"] == "no-store" and page["Referrer-Policy"] == "same-origin"
    # nothing else of the organization opens
    assert client.get(f"/o/{sent['partner'].organization.code}/partners/").status_code == 302


def test_wrong_altered_expired_revoked_and_used_links_get_the_same_refusal(
    client: Client, sent: dict[str, Any], alice: Any, carrier_a: Any
) -> None:
    token = sent["token"]
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    refusals = [client.get(_link(altered)), client.get(_link("nonsense"))]
    q = sent["q"]
    Questionnaire.objects.filter(pk=q.pk).update(
        sent_at=timezone.now() - timedelta(days=40),
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    refusals.append(client.get(_link(token)))
    Questionnaire.objects.filter(pk=q.pk).update(expires_at=timezone.now() + timedelta(days=3))
    assert client.get(_link(token)).status_code == 200
    questionnaires.questionnaire_revoke(actor=alice, questionnaire=q)
    refusals.append(client.get(_link(token)))
    assert {r.status_code for r in refusals} == {404}
    first = _main(refusals[0])
    assert "This link does not open a questionnaire" in first
    assert all(_main(r) == first for r in refusals)
    assert "Quick Lane" not in first and carrier_a.name not in first


def test_guessing_links_is_rate_limited(client: Client, sent: dict[str, Any]) -> None:
    for _ in range(questionnaires.RATE_MAX_FAILURES):
        assert client.get(_link("guess" * 9)).status_code == 404
    # past the limit even the right link waits: guessing gains nothing
    assert client.get(_link(sent["token"])).status_code == 429


def test_a_partner_saves_comes_back_attaches_a_file_and_submits(
    client: Client, sent: dict[str, Any], carrier_a: Any
) -> None:
    q = sent["q"]
    keys = [item["key"] for item in q.questions]
    url = _link(sent["token"])
    saved = client.post(
        url,
        {
            f"answer_{keys[0]}": "C-TPAT, SVI 1234",
            f"file_{keys[0]}": SimpleUploadedFile("ctpat.pdf", pdf_bytes("C-TPAT status")),
            "save": "1",
        },
    )
    assert saved.status_code == 302
    again = client.get(url).content.decode()
    assert "C-TPAT, SVI 1234" in again and "ctpat.pdf" in again
    evidence = EvidenceFile.objects.get(organization=carrier_a, original_name="ctpat.pdf")
    assert "Quick Lane" in evidence.title
    # submitting with questions left empty names them and submits nothing
    incomplete = client.post(url, {f"answer_{keys[0]}": "C-TPAT, SVI 1234", "submit": "1"})
    assert incomplete.status_code == 400
    assert "Answer this question before submitting." in incomplete.content.decode()
    q.refresh_from_db()
    assert q.submitted_at is None
    done = client.post(url, {**{f"answer_{k}": "Yes, procedure P-1" for k in keys}, "submit": "1"})
    assert done.status_code == 200 and "Thank you" in done.content.decode()
    q.refresh_from_db()
    assert q.submitted_at is not None and q.answers.count() == len(keys)
    assert q.answers.get(key=keys[0]).attachment == evidence  # kept when not sent again
    assert client.get(url).status_code == 404  # the link is used up


def test_a_hostile_file_is_refused_by_the_vault_checks_and_nothing_is_saved(
    client: Client, sent: dict[str, Any], carrier_a: Any
) -> None:
    key = sent["q"].questions[0]["key"]
    response = client.post(
        _link(sent["token"]),
        {
            f"answer_{key}": "see file",
            f"file_{key}": SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is a program"),
            "save": "1",
        },
    )
    assert response.status_code == 400
    assert "report.pdf was not stored" in response.content.decode()
    assert not QuestionnaireAnswer.objects.filter(questionnaire=sent["q"]).exists()
    assert not EvidenceFile.objects.filter(organization=carrier_a).exists()


def test_a_file_already_in_the_vault_is_linked_without_naming_it(
    client: Client, sent: dict[str, Any], carrier_a: Any
) -> None:
    from borderpro.partners.tests.factories import proof_for

    secret = proof_for(carrier_a, "Board minutes")
    content = secret.file.open("rb").read()
    key = sent["q"].questions[0]["key"]
    response = client.post(
        _link(sent["token"]),
        {f"answer_{key}": "x", f"file_{key}": SimpleUploadedFile("a.pdf", content), "save": "1"},
    )
    assert response.status_code == 302
    assert "Board minutes" not in client.get(_link(sent["token"])).content.decode()


def test_reminders_send_a_fresh_link_and_the_old_one_stops_working(
    client: Client, sent: dict[str, Any], mailoutbox: Any
) -> None:
    now = timezone.now()
    assert questionnaires.reminders_send(now) == 0  # not a week yet
    later = now + timedelta(days=questionnaires.REMIND_AFTER_DAYS, hours=1)
    assert questionnaires.reminders_send(later) == 1
    assert questionnaires.reminders_send(later) == 0  # once a week at most
    body = mailoutbox[-1].body
    fresh = re.search(r"/q/([A-Za-z0-9_-]+)/", body)
    assert fresh is not None and fresh.group(1) != sent["token"]
    assert client.get(_link(sent["token"])).status_code == 404
    assert client.get(_link(fresh.group(1))).status_code == 200


def test_the_reminder_command_runs(sent: dict[str, Any]) -> None:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("remind_partner_questionnaires", stdout=out)
    assert "0 reminder(s) sent" in out.getvalue()


def test_an_unanswered_questionnaire_is_a_deadline(sent: dict[str, Any], carrier_a: Any) -> None:
    q = sent["q"]
    today = carrier_a.local_today()
    found = [
        d
        for d in deadlines.partner_deadlines([carrier_a], today, today + timedelta(days=40))
        if d.kind == deadlines.QUESTIONNAIRE
    ]
    assert [d.ref for d in found] == [str(q.pk)]


def _submit(q: Questionnaire) -> None:
    questionnaires.answers_save(
        questionnaire=q,
        texts={item["key"]: "Yes" for item in q.questions},
        files={},
        submit=True,
    )


def test_the_review_is_a_screening_that_feeds_the_risk_rating(
    as_alice: Client, sent: dict[str, Any], carrier_a: Any
) -> None:
    q, partner = sent["q"], sent["partner"]
    _submit(q)
    url = f"/o/{carrier_a.code}/partners/questionnaires/{q.pk}/"
    page = as_alice.get(url).content.decode()
    assert "Record the review" in page
    refused = as_alice.post(url, {"review": "1", "outcome": "approved_conditions", "notes": ""})
    assert "Write the conditions" in refused.content.decode()
    assert not partner.screenings.exists()
    as_alice.post(
        url, {"review": "1", "outcome": "approved_conditions", "notes": "Sign the seal policy."}
    )
    partner.refresh_from_db()
    q.refresh_from_db()
    assert q.outcome == "approved_conditions" and q.screening is not None
    assert partner.screening_outcome == "approved_conditions"
    assert partner.next_screening_due is not None
    detail = as_alice.get(f"/o/{carrier_a.code}/partners/{partner.pk}/").content.decode()
    assert "last screening approved it with conditions" in detail


def test_outsiders_get_404_and_readers_cannot_review(
    as_charlie: Client, as_bob: Client, sent: dict[str, Any], carrier_a: Any
) -> None:
    q = sent["q"]
    _submit(q)
    url = f"/o/{carrier_a.code}/partners/questionnaires/{q.pk}/"
    assert as_charlie.get(url).status_code == 404
    assert as_charlie.get(f"/o/{carrier_a.code}/partners/questionnaires/").status_code == 404
    response = as_bob.post(url, {"review": "1", "outcome": "approved"})
    assert response.status_code in (403, 404)
    q.refresh_from_db()
    assert q.reviewed_at is None


def test_the_carrier_sends_from_the_partner_page_and_sees_the_link_once(
    as_alice: Client, carrier_a: Any, alice: Any, topics: None, mailoutbox: Any
) -> None:
    as_alice.post(f"/o/{carrier_a.code}/partners/questionnaires/")
    partner = partner_for(carrier_a, "Night Guards", kind="security_contractor")
    url = f"/o/{carrier_a.code}/partners/{partner.pk}/send/"
    form = as_alice.get(url)
    assert "no contact email" in form.content.decode()
    qset = QuestionSet.objects.get(organization=carrier_a, partner_kind="security_contractor")
    bad = as_alice.post(url, {"question_set": qset.pk, "days": 400, "language": "en"})
    assert not Questionnaire.objects.exists() and bad.status_code == 200
    done = as_alice.post(url, {"question_set": qset.pk, "days": 14, "language": "fr"})
    link = re.search(r'value="(http[^"]+/q/[^"]+/)"', done.content.decode())
    assert link is not None
    assert Questionnaire.objects.get().expires_at > timezone.now() + timedelta(days=13)
    assert mailoutbox == []  # no contact email: the carrier passes the link on
