"""Answer once (the library and the security summary), the loads given to sub-carriers, the
questionnaire API, and the partners' part of the annual review."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any
from uuid import uuid4

import pytest
from django.test import Client
from django.utils import timezone

from borderpro.common.chain import verify_chain
from borderpro.common.records import binder_parts, record_sources
from borderpro.operations.models import SealEvent, Unit
from borderpro.operations.services import seal_event_record
from borderpro.partners import library, questionnaires, records, selectors, services
from borderpro.partners.models import LibraryAnswer, QuestionSet
from borderpro.partners.tests.factories import partner_for
from borderpro.profiles.tests.factories import catalogue, response_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(carrier_a: Any) -> Any:
    framework = catalogue("CTPAT-HC", n=3)
    reqs = list(framework.requirements.order_by("position"))
    response_for(carrier_a, reqs[0], status="implemented", narrative="Seals: ISO 17712, VVTT.")
    response_for(carrier_a, reqs[1], status="not_applicable", justification="No rail moves.")
    return reqs


def test_the_library_is_drafted_from_the_security_profile_once_and_never_overwritten(
    carrier_a: Any, alice: Any, answered: Any
) -> None:
    assert library.library_draft_from_profile(actor=alice, organization=carrier_a) == 2
    entry = LibraryAnswer.objects.get(organization=carrier_a, requirement=answered[0])
    assert entry.answer == "Seals: ISO 17712, VVTT." and entry.source == "profile"
    assert LibraryAnswer.objects.get(requirement=answered[1]).answer == (
        "Not applicable: No rail moves."
    )
    library.library_answer_save(
        actor=alice, organization=carrier_a, requirement=answered[0], answer="Edited."
    )
    assert library.library_draft_from_profile(actor=alice, organization=carrier_a) == 0
    entry.refresh_from_db()
    assert entry.answer == "Edited." and entry.source == "written"


def test_the_library_page_names_a_wrong_reference_and_saves_a_right_one(
    as_alice: Client, carrier_a: Any, answered: Any
) -> None:
    url = f"/o/{carrier_a.code}/partners/library/"
    bad = as_alice.post(url, {"save_answer": "1", "requirement": "NOPE-1", "answer": "x"})
    assert "No current requirement has this reference" in bad.content.decode()
    assert not LibraryAnswer.objects.exists()
    as_alice.post(url, {"save_answer": "1", "requirement": "ctpat-hc-003", "answer": "Yes."})
    assert LibraryAnswer.objects.get().requirement == answered[2]
    assert "CTPAT-HC-003" in as_alice.get(url).content.decode()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_security_summary_comes_in_one_step_as_pdf_or_spreadsheet(
    as_alice: Client, carrier_a: Any, alice: Any, answered: Any, language: str
) -> None:
    from openpyxl import load_workbook

    library.library_draft_from_profile(actor=alice, organization=carrier_a)
    url = f"/o/{carrier_a.code}/partners/library/summary/"
    pdf = as_alice.get(url, {"format": "pdf", "language": language})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    xlsx = as_alice.get(url, {"format": "xlsx", "language": language})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[3] == ("Notre réponse" if language == "fr" else "Our answer")
    assert sheet.cell(row=2, column=4).value == "Seals: ISO 17712, VVTT."
    assert as_alice.get(url, {"format": "doc", "language": "en"}).status_code == 302


def test_outsiders_cannot_read_the_library(as_charlie: Client, carrier_a: Any) -> None:
    assert as_charlie.get(f"/o/{carrier_a.code}/partners/library/").status_code == 404
    summary = f"/o/{carrier_a.code}/partners/library/summary/?format=pdf&language=en"
    assert as_charlie.get(summary).status_code == 404


def _load(org: Any, code: str, seal: str, unit: Any) -> SealEvent:
    event, _created = seal_event_record(
        actor=None,
        organization=org,
        client_id=uuid4(),
        seal_number=seal,
        kind="affixed",
        actor_name="Dispatch",
        occurred_at=timezone.now() - timedelta(days=1),
        unit=unit,
        trip_ref="T-1",
        subcarrier_code=code,
    )
    return event


def test_the_register_shows_the_loads_given_to_sub_carriers_outside_the_rule(
    as_alice: Client, carrier_a: Any
) -> None:
    unit = Unit.objects.create(organization=carrier_a, unit_number="TR-1", kind="trailer")
    loose = partner_for(carrier_a, "Loose Sub", code="qlc")
    assert loose.code == "QLC"
    partner_for(carrier_a, "Contract Sub", code="RDG", written_contract_on=carrier_a.local_today())
    _load(carrier_a, "QLC", "S1", unit)
    _load(carrier_a, "QLC", "S2", unit)
    _load(carrier_a, "RDG", "S3", unit)
    register = selectors.partner_register(carrier_a, carrier_a.local_today())
    assert register.counts["gap_loads"] == 2
    page = as_alice.get(f"/o/{carrier_a.code}/partners/").content.decode()
    assert "2 loads given to them" in page
    detail = as_alice.get(f"/o/{carrier_a.code}/partners/{loose.pk}/").content.decode()
    assert "2 loads went to this sub-carrier" in detail and "S2" in detail


def test_a_partner_code_is_unique_in_the_register(carrier_a: Any) -> None:
    from django.core.exceptions import ValidationError

    partner_for(carrier_a, "One", code="ABC")
    with pytest.raises(ValidationError) as caught:
        partner_for(carrier_a, "Two", code="abc")
    assert "Another partner already has this code." in str(caught.value)
    partner_for(carrier_a, "Three")
    partner_for(carrier_a, "Four")  # an empty code is not a duplicate


def test_seal_events_without_a_sub_carrier_hash_as_before_and_the_chain_verifies(
    carrier_a: Any,
) -> None:
    unit = Unit.objects.create(organization=carrier_a, unit_number="TR-2", kind="trailer")
    plain = _load(carrier_a, "", "S9", unit)
    assert "subcarrier_code" not in plain.hashed_content()  # records stored before it verify
    carried = _load(carrier_a, "QLC", "S10", unit)
    assert carried.hashed_content()["subcarrier_code"] == "QLC"  # and it cannot be altered
    assert verify_chain(SealEvent, carrier_a).ok


# --- API -----------------------------------------------------------------------------------


@pytest.fixture
def sets(carrier_a: Any, alice: Any) -> None:
    catalogue("CTPAT-HC", n=1)
    questionnaires.question_sets_seed(actor=alice, organization=carrier_a)


def test_the_api_sends_lists_and_reviews_questionnaires(
    as_alice: Client, carrier_a: Any, sets: None
) -> None:
    base = f"/api/v1/o/{carrier_a.code}/partners/"
    partner = partner_for(carrier_a, "API Sub")
    qset = QuestionSet.objects.get(organization=carrier_a, partner_kind="sub_carrier")
    sets_page = as_alice.get(base + "question-sets/").json()
    assert sets_page["count"] == 9 and sets_page["results"][0]["questions"]
    sent = as_alice.post(
        base + f"{partner.pk}/questionnaires/",
        {"question_set": str(qset.pk), "days": 10},
        content_type="application/json",
    )
    assert sent.status_code == 201
    body = sent.json()
    assert "/q/" in body["link"] and body["questionnaire"]["status"] == "sent"
    listed = as_alice.get(base + "questionnaires/").json()
    assert listed["count"] == 1 and set(listed) == {"count", "next", "previous", "results"}
    qid = body["questionnaire"]["id"]
    early = as_alice.post(
        base + f"questionnaires/{qid}/review/",
        {"outcome": "approved"},
        content_type="application/json",
    )
    assert early.status_code == 400 and early.json()["errors"][0]["field"] == "outcome"
    token = body["link"].rstrip("/").rsplit("/", 1)[-1]
    q = questionnaires.questionnaire_by_token(token)
    assert q is not None
    questionnaires.answers_save(
        questionnaire=q, texts={i["key"]: "Yes" for i in q.questions}, files={}, submit=True
    )
    detail = as_alice.get(base + f"questionnaires/{qid}/").json()
    assert len(detail["answers"]) == len(detail["questions"])
    reviewed = as_alice.post(
        base + f"questionnaires/{qid}/review/",
        {"outcome": "approved"},
        content_type="application/json",
    )
    assert reviewed.status_code == 200 and reviewed.json()["outcome"] == "approved"


def test_the_api_library_refuses_an_unknown_reference(
    as_alice: Client, as_charlie: Client, carrier_a: Any
) -> None:
    catalogue("CTPAT-HC", n=1)
    url = f"/api/v1/o/{carrier_a.code}/partners/library/"
    bad = as_alice.post(url, {"requirement": "X", "answer": "y"}, content_type="application/json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "requirement"
    good = as_alice.post(
        url, {"requirement": "CTPAT-HC-001", "answer": "Yes."}, content_type="application/json"
    )
    assert good.status_code == 201
    assert as_alice.get(url).json()["count"] == 1
    assert as_charlie.get(url).status_code == 404


# --- annual review -------------------------------------------------------------------------


def test_partner_files_and_the_register_join_the_annual_review(carrier_a: Any) -> None:
    from openpyxl import load_workbook

    assert records.SOURCE in [s.name for s in record_sources()]
    assert "partners.register" in [p.name for p in binder_parts()]
    today = carrier_a.local_today()
    partner = partner_for(carrier_a, "Reviewed Co", kind="warehouse")
    services.screening_record(
        actor=None, organization=carrier_a, partner=partner, screened_on=today, outcome="approved"
    )
    sampled = records.partner_file_records(carrier_a, today - timedelta(days=365), today)
    assert [r.summary for r in sampled] == ["Reviewed Co screened: Approved"]
    files = records.partner_register_part(carrier_a, today - timedelta(days=365), today, "fr")
    sheet = load_workbook(io.BytesIO(files[0].content)).active
    assert sheet is not None
    assert sheet.cell(row=1, column=1).value == "Partenaire"
    assert sheet.cell(row=2, column=1).value == "Reviewed Co"


def test_the_field_api_records_the_sub_carrier_of_a_load(as_bob: Client, carrier_a: Any) -> None:
    unit = Unit.objects.create(organization=carrier_a, unit_number="TR-3", kind="trailer")
    partner_for(carrier_a, "Loose Sub", code="QLC")
    response = as_bob.post(
        f"/api/v1/o/{carrier_a.code}/seal-events/",
        {
            "client_id": str(uuid4()),
            "seal_number": "F100",
            "kind": "affixed",
            "actor_name": "Bob",
            "unit": str(unit.pk),
            "subcarrier_code": "QLC",
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["subcarrier_code"] == "QLC"
    assert selectors.partner_register(carrier_a, carrier_a.local_today()).counts["gap_loads"] == 1
