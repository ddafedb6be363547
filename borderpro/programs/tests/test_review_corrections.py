"""Corrections from the compliance review of 2026-12-04 (issue 13, points 1-8): one test each,
on the engine, and through the evaluate API and command where the answer is visible there."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from borderpro.programs.engine import evaluate, merge, months_before
from borderpro.programs.facts import carrier_facts
from borderpro.programs.rules import load_rules
from borderpro.programs.tests.factories import membership_for
from borderpro.programs.tests.test_engine import PIP_READY, TRIP, program

AS_OF = date(2026, 11, 27)


def criterion(answer: dict[str, Any], code: str, cid: str) -> dict[str, Any]:
    return next(c for c in program(answer, code)["criteria"] if c["id"] == cid)


def deadline(answer: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(d for d in answer["deadlines"] if d["kind"] == kind)


def _command(tmp_path: Path, document: Any) -> dict[str, Any]:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    out = StringIO()
    call_command("evaluate_eligibility", "--facts", str(path), stdout=out)
    return json.loads(out.getvalue())


# 1. Windsor ------------------------------------------------------------------------------


def test_windsor_ambassador_bridge_is_a_fast_port_with_third_party_confidence() -> None:
    facts = merge(PIP_READY, {**TRIP, "crossing": {**TRIP["crossing"], "port_code": "0453"}})
    answer = evaluate(facts, as_of=AS_OF)
    port = criterion(answer, "FAST_INTO_CANADA", "fast_ca.port")
    assert port["result"] == "met"
    assert port["confidence"] == "third-party"
    assert "Windsor 0453" in port["explanation"]
    assert program(answer, "FAST_INTO_CANADA")["result"] == "eligible"
    windsor = next(p for p in load_rules().fast_ports if p["code"] == "0453")
    assert windsor["confidence"] == "third-party" and windsor["source_url"].startswith("https://")


# 2. U.S.-based carrier with only a Business Number ---------------------------------------


def test_a_us_carrier_with_only_a_business_number_is_not_eligible(tmp_path: Path) -> None:
    document = {
        "as_of": "2026-11-27",
        "organization": {
            "country": "US",
            "business_types": ["highway_carrier"],
            "business_number": "123456782",
            "cbsa_carrier_code": "",
        },
    }
    answer = _command(tmp_path, document)
    row = criterion(answer, "PIP", "pip.canadian_presence")
    assert row["result"] == "not_met"
    assert "carrier code" in row["explanation"]
    assert program(answer, "PIP")["result"] == "not_eligible"


def test_a_us_importer_needs_a_bn_and_canadian_declarations() -> None:
    importer = {"country": "US", "business_types": ["importer"], "business_number": "123456782"}
    undeclared = evaluate({"organization": importer}, as_of=AS_OF)
    assert criterion(undeclared, "PIP", "pip.canadian_presence")["result"] == "unknown"
    declared = evaluate(
        {"organization": {**importer, "files_canadian_declarations": True}}, as_of=AS_OF
    )
    assert criterion(declared, "PIP", "pip.canadian_presence")["result"] == "met"


# 3. Appeal from the decision letter ------------------------------------------------------


def test_the_appeal_counts_from_the_decision_letter() -> None:
    pip = {"status": "cancelled", "approved_on": "2020-01-01", "cancelled_on": "2026-01-31"}
    exact = evaluate(
        {"memberships": {"PIP": {**pip, "decision_letter_on": "2026-02-05"}}},
        as_of=date(2026, 2, 6),
    )
    row = deadline(exact, "pip.appeal")
    assert row["due"] == "2026-03-07"
    assert "estimated" not in row
    assert "decision letter" in row["explanation"]


def test_without_the_letter_date_the_earliest_possible_deadline_is_shown() -> None:
    pip = {"status": "cancelled", "approved_on": "2020-01-01", "cancelled_on": "2026-01-31"}
    answer = evaluate({"memberships": {"PIP": pip}}, as_of=date(2026, 2, 1))
    row = deadline(answer, "pip.appeal")
    assert row["due"] == "2026-03-02"
    assert row["estimated"] is True
    assert "Earliest possible deadline" in row["explanation"]
    french = deadline(
        evaluate({"memberships": {"PIP": pip}}, as_of=date(2026, 2, 1), lang="fr"), "pip.appeal"
    )
    assert "la plus hâtive possible" in french["explanation"]


@pytest.mark.django_db
def test_the_letter_date_is_recorded_and_cannot_predate_the_cancellation(carrier_a: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        membership_for(
            carrier_a,
            "PIP",
            status="cancelled",
            cancelled_on=date(2026, 1, 31),
            decision_letter_on=date(2026, 1, 20),
        )
    assert "decision_letter_on" in caught.value.message_dict
    membership_for(
        carrier_a,
        "PIP",
        status="cancelled",
        cancelled_on=date(2026, 1, 31),
        decision_letter_on=date(2026, 2, 5),
    )
    facts, _notes = carrier_facts([carrier_a])[carrier_a.pk]
    assert facts["memberships"]["PIP"]["decision_letter_on"] == date(2026, 2, 5)


# 4. FAST conditions ------------------------------------------------------------------------


def test_fast_into_canada_needs_pre_arrival_data_and_eligible_goods() -> None:
    trip = merge(PIP_READY, TRIP)
    no_data = evaluate(merge(trip, {"organization": {"pre_arrival_data": False}}), as_of=AS_OF)
    assert "fast_ca.pre_arrival_data" in program(no_data, "FAST_INTO_CANADA")["blocking"]
    goods = evaluate(merge(trip, {"crossing": {"fast_eligible_goods": False}}), as_of=AS_OF)
    assert program(goods, "FAST_INTO_CANADA")["blocking"] == ["fast_ca.eligible_goods"]
    unknown = evaluate(merge(trip, {"crossing": {"fast_eligible_goods": None}}), as_of=AS_OF)
    assert program(unknown, "FAST_INTO_CANADA")["missing"] == ["fast_ca.eligible_goods"]


def test_fast_into_the_us_is_confirmed_by_the_cbp_notice_and_adds_southern_conditions() -> None:
    facts = merge(
        PIP_READY,
        {
            "memberships": {"CTPAT": {"status": "approved", "approved_on": "2023-01-10"}},
            "driver": {"fast_card_expires": "2029-01-01"},
            "importer": {"ctpat": True},
            "crossing": {"direction": "into_us", "date": "2026-12-01"},
        },
    )
    north = program(evaluate(facts, as_of=AS_OF), "FAST_INTO_US")
    assert north["result"] == "eligible"
    assert {c["confidence"] for c in north["criteria"]} == {"confirmed"}
    assert all("68-FR-55405" in c["source"] for c in north["criteria"])
    assert not any(c["id"] == "fast_us.manufacturer_seal" for c in north["criteria"])
    south = program(
        evaluate(merge(facts, {"crossing": {"border": "MX-US"}}), as_of=AS_OF), "FAST_INTO_US"
    )
    assert south["result"] == "incomplete"
    assert set(south["missing"]) == {"fast_us.foreign_manufacturer", "fast_us.manufacturer_seal"}


# 5. FAST card renewal reminders ------------------------------------------------------------


def test_fast_card_reminders_start_six_months_ahead_and_flag_the_2020_notice() -> None:
    rule = load_rules().driver_cards["fast"]
    assert rule["remind_months"] == 6
    facts = {"drivers": [{"name": "Dan", "fast_card_expires": "2027-05-31"}]}
    early = deadline(evaluate(facts, as_of=date(2026, 11, 29)), "driver.fast_card_expiry")
    assert early["remind_from"] == "2026-11-30"
    assert early["status"] == "upcoming"
    now = deadline(evaluate(facts, as_of=date(2026, 11, 30)), "driver.fast_card_expiry")
    assert now["status"] == "due_soon"  # 182 days ahead: the old 90-day rule said "upcoming"
    assert "approved before the card expires" in now["explanation"]
    assert "unconfirmed" in now["unconfirmed"]


def test_months_before_clamps_to_the_end_of_a_shorter_month() -> None:
    assert months_before(date(2027, 8, 31), 6) == date(2027, 2, 28)
    assert months_before(date(2028, 8, 31), 6) == date(2028, 2, 29)
    assert months_before(date(2027, 3, 15), 6) == date(2026, 9, 15)


# 6. LVS moratorium date ---------------------------------------------------------------------


def test_the_lvs_moratorium_starts_on_3_june_2019() -> None:
    facts = {"memberships": {"LVS": {"status": "none"}}}
    before = program(evaluate(facts, as_of=date(2019, 6, 2)), "LVS")
    assert "lvs.accepting_applications" not in [c["id"] for c in before["criteria"]]
    after = program(evaluate(facts, as_of=date(2019, 6, 3)), "LVS")
    row = next(c for c in after["criteria"] if c["id"] == "lvs.accepting_applications")
    assert row["result"] == "not_met"
    assert row["effective_from"] == "2019-06-03"
    assert "3 June 2019" in row["explanation"] and "19 June 2019" in row["explanation"]


# 7. C-TPAT validation and revalidation --------------------------------------------------------


def test_ctpat_validation_within_a_year_and_revalidation_every_four_years() -> None:
    ctpat = {"status": "approved", "approved_on": "2025-03-01"}
    answer = evaluate({"memberships": {"CTPAT": ctpat}}, as_of=AS_OF)
    validation = deadline(answer, "ctpat.validation")
    assert validation["due"] == "2026-03-01" and validation["confidence"] == "confirmed"
    assert "section965" in validation["source"]
    validated = evaluate(
        {"memberships": {"CTPAT": {**ctpat, "validation_on": "2025-11-10"}}}, as_of=AS_OF
    )
    kinds = {d["kind"]: d for d in validated["deadlines"]}
    assert "ctpat.validation" not in kinds
    assert kinds["ctpat.revalidation"]["due"] == "2029-11-10"
    assert "section969" in kinds["ctpat.revalidation"]["source"]


def test_the_90_day_validation_reply_has_the_catalogues_confidence() -> None:
    import yaml

    from borderpro.catalogue.loader import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "ctpat-hc-2020.yaml").read_text(encoding="utf-8"))
    item = next(r for r in data["requirements"] if r["ref"] == "CTPAT-HC-P.5")
    rule = next(d for d in load_rules().deadlines if d.kind == "ctpat.validation_response")
    assert rule.confidence == item["confidence"] == "third-party"
    assert rule.source_url == item["source_url"]


# 8. PIP obligations: CARM prerequisites, carrier-code profile changes ------------------------


def test_carm_prerequisites_are_pip_checks(tmp_path: Path) -> None:
    document = {
        "as_of": "2026-11-27",
        **merge(
            PIP_READY,
            {"organization": {"rm_account": "", "carm_statement_of_account": None}},
        ),
    }
    answer = _command(tmp_path, document)
    pip = program(answer, "PIP")
    assert pip["result"] == "not_eligible"
    assert "pip.carm_rm_account" in pip["blocking"]
    assert "pip.carm_statement_of_account" in pip["missing"]
    assert criterion(answer, "PIP", "pip.carm_business_number")["result"] == "met"


@pytest.mark.django_db
def test_carrier_code_changes_not_notified_block_pip_through_the_api(as_alice: Client) -> None:
    document = {
        "as_of": "2026-11-27",
        **merge(PIP_READY, {"organization": {"carrier_code_changes_notified": False}}),
    }
    response = as_alice.post("/api/v1/programs/evaluate", document, content_type="application/json")
    assert response.status_code == 200
    pip = program(response.json(), "PIP")
    assert pip["blocking"] == ["pip.carrier_code_changes_notified"]
    row = criterion(response.json(), "PIP", "pip.carrier_code_changes_notified")
    assert row["confidence"] == "unconfirmed"
    assert "without delay" in row["explanation"]


def test_annual_portal_sign_in_is_kept() -> None:
    assert any(d.kind == "pip.portal_sign_in" for d in load_rules().deadlines)


def test_mra_signings_without_a_day_say_so() -> None:
    partners = program(evaluate(PIP_READY, as_of=AS_OF), "MRA")["recognised_by"]
    japan = next(p for p in partners if "Japan" in p["program"])
    assert japan["signed_on_precision"] == "month"
    ctpat = next(p for p in partners if "C-TPAT" in p["program"])
    assert ctpat["signed_on_precision"] == "day"


@pytest.mark.django_db
def test_the_mra_page_shows_month_and_year_when_the_day_is_unknown(
    as_alice: Client, carrier_a: Any
) -> None:
    membership_for(carrier_a, "PIP")
    page = as_alice.get(f"/o/{carrier_a.code}/programs/MRA/").content.decode()
    assert "Recognised by" in page
    assert "Jun 2010" in page  # the house's month-and-year format (borderpro/formats)
    assert "1 Jun 2010" not in page


@pytest.mark.django_db
def test_the_evaluate_api_refuses_a_business_number_failing_its_check_digit(
    as_alice: Client,
) -> None:
    document = {"organization": {"business_number": "123456789"}}
    response = as_alice.post("/api/v1/programs/evaluate", document, content_type="application/json")
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert error["field"] == "organization.business_number"
    assert "check digit" in error["message"]


@pytest.mark.django_db
def test_the_what_if_form_asks_whether_the_goods_are_fast_eligible(
    as_alice: Client, carrier_a: Any
) -> None:
    membership_for(carrier_a, "PIP")
    url = f"/o/{carrier_a.code}/programs/what-if/"
    page = as_alice.get(
        url,
        {
            "direction": "into_canada",
            "crossing_date": "2026-12-01",
            "port_code": "0453",
            "importer_pip": "true",
            "fast_goods": "false",
        },
    ).content.decode()
    assert "Goods are eligible for FAST" in page
    assert "FAST into Canada is only for FAST-eligible goods" in page
