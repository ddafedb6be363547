"""The engine on whole facts documents: program results, versions by date, deadlines, what-if."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from borderpro.programs.engine import changes, evaluate, merge

PIP_READY: dict[str, Any] = {
    "organization": {
        "country": "CA",
        "business_types": ["highway_carrier"],
        "staffed_office_countries": ["CA"],
        "first_cross_border_movement": "2024-01-10",
        "last_cross_border_movement": "2026-11-01",
        "crown_debt": False,
        "undischarged_bankruptcy": False,
        "unpardoned_convictions": False,
        "foreign_convictions": False,
        "significant_contraventions": False,
        "msr_compliant": True,
        "carm_registered": True,
        "cbsa_bonded": True,
        "business_number": "123456782",
        "rm_account": "123456782RM0001",
        "carm_statement_of_account": True,
        "carrier_code_changes_notified": True,
        "pre_arrival_data": True,
    },
    "memberships": {
        "PIP": {"status": "approved", "approved_on": "2022-03-15"},
        "CTPAT": {"status": "none"},
    },
}
TRIP: dict[str, Any] = {
    "driver": {"fast_card_expires": "2028-05-01", "cdrp_card_expires": None},
    "importer": {"pip": True},
    "crossing": {
        "direction": "into_canada",
        "port_code": "0440",
        "date": "2026-12-01",
        "fast_eligible_goods": True,
    },
}


def program(answer: dict[str, Any], code: str) -> dict[str, Any]:
    return next(p for p in answer["programs"] if p["program"] == code)


def test_a_complete_pip_applicant_is_eligible() -> None:
    answer = evaluate(PIP_READY, as_of=date(2026, 11, 27))
    pip = program(answer, "PIP")
    assert pip["result"] == "eligible"
    assert pip["next_step"] is None
    assert all(c["result"] == "met" for c in pip["criteria"])


def test_a_missing_fact_makes_the_program_incomplete_with_a_next_step() -> None:
    facts = merge(PIP_READY, {"organization": {"crown_debt": None}})
    pip = program(evaluate(facts, as_of=date(2026, 11, 27)), "PIP")
    assert pip["result"] == "incomplete"
    assert pip["missing"] == ["pip.solvency"]
    assert "solvency" in pip["next_step"]


def test_fast_into_canada_for_a_driver_on_a_date() -> None:
    facts = merge(PIP_READY, TRIP)
    fast = program(evaluate(facts, as_of=date(2026, 11, 27)), "FAST_INTO_CANADA")
    assert fast["result"] == "eligible"
    assert fast["scope"] == "trip"
    late = merge(facts, {"crossing": {"date": "2028-05-02"}})
    fast = program(evaluate(late, as_of=date(2026, 11, 27)), "FAST_INTO_CANADA")
    assert fast["result"] == "not_eligible"
    assert fast["blocking"] == ["fast_ca.driver_card"]


def test_a_cdrp_card_counts_into_canada_but_not_into_the_us() -> None:
    facts = merge(
        PIP_READY,
        {
            "memberships": {"CTPAT": {"status": "approved", "approved_on": "2023-01-10"}},
            "driver": {"cdrp_card_expires": "2029-01-01"},
            "importer": {"pip": True, "ctpat": True},
            "crossing": {
                "direction": "into_canada",
                "port_code": "0410",
                "date": "2026-12-01",
                "fast_eligible_goods": True,
            },
        },
    )
    answer = evaluate(facts, as_of=date(2026, 11, 27))
    assert program(answer, "FAST_INTO_CANADA")["result"] == "eligible"
    into_us = program(
        evaluate(merge(facts, {"crossing": {"direction": "into_us"}}), as_of=date(2026, 11, 27)),
        "FAST_INTO_US",
    )
    assert into_us["missing"] == [
        "fast_us.driver_card"
    ]  # FAST card not given: unknown, never assumed
    assert into_us["result"] == "incomplete"
    no_card = merge(
        facts, {"crossing": {"direction": "into_us"}, "driver": {"fast_card_expires": None}}
    )
    into_us = program(evaluate(no_card, as_of=date(2026, 11, 27)), "FAST_INTO_US")
    assert into_us["blocking"] == ["fast_us.driver_card"]  # given as null: the driver has none


def test_before_cn19_23_fast_into_canada_also_needed_csa() -> None:
    facts = merge(PIP_READY, TRIP)
    facts = merge(facts, {"crossing": {"date": "2019-06-01"}})
    old = program(evaluate(facts, as_of=date(2019, 6, 1)), "FAST_INTO_CANADA")
    rule = next(c for c in old["criteria"] if c["id"] == "fast_ca.carrier_pip")
    assert rule["effective_to"] == "2019-11-30"
    assert rule["result"] == "unknown"  # CSA membership not given
    new = program(evaluate(facts, as_of=date(2019, 12, 1)), "FAST_INTO_CANADA")
    rule = next(c for c in new["criteria"] if c["id"] == "fast_ca.carrier_pip")
    assert rule["effective_from"] == "2019-12-01"
    assert rule["result"] == "met"


def test_lvs_moratorium_blocks_new_applicants_but_not_members() -> None:
    facts = merge(PIP_READY, {"memberships": {"LVS": {"status": "none"}}})
    lvs = program(evaluate(facts, as_of=date(2026, 11, 27)), "LVS")
    assert "lvs.accepting_applications" in lvs["blocking"]
    assert (
        "19-12"
        in next(c for c in lvs["criteria"] if c["id"] == "lvs.accepting_applications")[
            "explanation"
        ]
    )
    before = program(evaluate(facts, as_of=date(2018, 6, 1)), "LVS")
    assert "lvs.accepting_applications" not in [c["id"] for c in before["criteria"]]


def test_mutual_recognition_lists_partners_signed_by_the_date() -> None:
    answer = evaluate(PIP_READY, as_of=date(2026, 11, 27))
    names = [p["program"] for p in program(answer, "MRA")["recognised_by"]]
    assert any("European Union" in n for n in names)
    older = program(evaluate(PIP_READY, as_of=date(2020, 1, 1)), "MRA")["recognised_by"]
    assert not any("European Union" in p["program"] for p in older)


def test_deadlines_from_memberships_and_cards() -> None:
    facts = merge(
        PIP_READY,
        {
            "memberships": {
                "PIP": {
                    "status": "approved",
                    "approved_on": "2024-02-29",
                    "last_portal_sign_in": "2026-03-01",
                },
                "CTPAT": {
                    "status": "approved",
                    "approved_on": "2023-01-10",
                    "validation_report_on": "2026-11-01",
                },
            },
            "drivers": [{"name": "Dan", "fast_card_expires": "2026-12-20"}],
        },
    )
    rows = {d["kind"]: d for d in evaluate(facts, as_of=date(2026, 11, 27))["deadlines"]}
    assert rows["pip.portal_sign_in"]["due"] == "2027-03-01"
    assert rows["pip.revalidation"]["due"] == "2028-02-29"
    assert rows["ctpat.annual_review"]["due"] == "2027-01-10"
    assert rows["ctpat.annual_review_window"]["due"] == "2026-10-12"
    assert rows["ctpat.annual_review_window"]["status"] == "open"
    assert rows["ctpat.validation_response"]["due"] == "2027-01-30"
    assert rows["driver.fast_card_expiry"]["status"] == "due_soon"
    assert "Dan" in rows["driver.fast_card_expiry"]["explanation"]


def test_appeal_and_action_plan_deadlines() -> None:
    facts = {
        "memberships": {
            "PIP": {
                "status": "cancelled",
                "approved_on": "2020-01-01",
                "cancelled_on": "2026-01-31",
            },
            "CTPAT": {
                "status": "action_plan_open",
                "approved_on": "2021-01-01",
                "action_plan_due": "2026-12-15",
            },
        }
    }
    rows = {d["kind"]: d for d in evaluate(facts, as_of=date(2026, 2, 1))["deadlines"]}
    assert rows["pip.appeal"]["due"] == "2026-03-02"
    assert "pip.revalidation" not in rows


def test_what_if_reports_which_programs_open() -> None:
    facts = merge(PIP_READY, {"organization": {"msr_compliant": False}})
    before = evaluate(facts, as_of=date(2026, 11, 27))
    after = evaluate(
        merge(facts, {"organization": {"msr_compliant": True}}), as_of=date(2026, 11, 27)
    )
    assert {
        "program": "PIP",
        "name": "Partners in Protection (PIP)",
        "before": "not_eligible",
        "after": "eligible",
    } in changes(before, after)


def test_french_answers_use_the_french_texts() -> None:
    pip = program(evaluate(PIP_READY, as_of=date(2026, 11, 27), lang="fr"), "PIP")
    assert pip["name"] == "Partenaires en protection (PEP)"
    assert "PEP" in pip["criteria"][0]["explanation"]


BOOLS = st.sampled_from([None, True, False])
ORG_FLAGS = (
    "cbsa_bonded",
    "carm_registered",
    "msr_compliant",
    "crown_debt",
    "undischarged_bankruptcy",
    "unpardoned_convictions",
    "foreign_convictions",
    "significant_contraventions",
    "company_officer_designated",
    "shipment_tracking",
    "pre_arrival_data",
)


@given(
    flags=st.fixed_dictionaries(dict.fromkeys(ORG_FLAGS, BOOLS)),
    status=st.sampled_from(["none", "applied", "approved", "suspended", None]),
    as_of=st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)),
    lang=st.sampled_from(["en", "fr"]),
)
def test_results_always_follow_from_their_criteria(
    flags: dict[str, Any], status: Any, as_of: date, lang: str
) -> None:
    facts: dict[str, Any] = {"organization": {k: v for k, v in flags.items() if v is not None}}
    if status:
        facts["memberships"] = {"PIP": {"status": status, "approved_on": "2014-06-30"}}
    for p in evaluate(facts, as_of=as_of, lang=lang)["programs"]:
        results = {c["result"] for c in p["criteria"]}
        assert results <= {"met", "not_met", "unknown"}
        expected = (
            "not_eligible"
            if "not_met" in results
            else "incomplete"
            if "unknown" in results
            else "eligible"
        )
        assert p["result"] == expected
        for c in p["criteria"]:
            assert c["explanation"] and c["source"].startswith("http")
            assert (c["next_step"] is None) == (c["result"] == "met")


def test_a_member_is_shown_as_a_member_with_its_eligibility_kept_for_reapplication() -> None:
    """#21.8: an approved PIP member that would not pass today is a member, not "not eligible"."""
    facts = merge(PIP_READY, {"organization": {"first_cross_border_movement": "2026-10-01"}})
    pip = program(evaluate(facts, as_of=date(2026, 11, 27)), "PIP")
    assert pip["member"] is True
    assert pip["membership"] == {"program": "PIP", "status": "approved"}
    assert pip["result"] == "not_eligible"  # what a re-application would get
    ctpat = program(evaluate(facts, as_of=date(2026, 11, 27)), "CTPAT_HIGHWAY")
    assert ctpat["member"] is False and ctpat["membership"]["status"] == "none"
    assert (
        program(evaluate(facts, as_of=date(2026, 11, 27)), "FAST_INTO_CANADA")["membership"] is None
    )


def test_a_program_for_the_other_direction_is_not_applicable() -> None:
    """#21.8: FAST into the U.S. for a trip into Canada does not apply; it is not "not met"."""
    answer = evaluate(merge(PIP_READY, TRIP), as_of=date(2026, 11, 27))
    us = program(answer, "FAST_INTO_US")
    assert us["result"] == "not_applicable"
    assert us["next_step"] is None
    direction = next(c for c in us["criteria"] if c["id"] == "fast_us.direction")
    assert direction["result"] == "not_applicable" and direction["next_step"] is None
    assert "fast_us.direction" not in us["blocking"]
    assert program(answer, "FAST_INTO_CANADA")["result"] == "eligible"


def test_cbsa_sources_follow_the_readers_language() -> None:
    """#21.9: a CBSA -eng page is given as its -fra twin in French; other sources are kept."""
    fr = evaluate(PIP_READY, as_of=date(2026, 11, 27), lang="fr")
    en = evaluate(PIP_READY, as_of=date(2026, 11, 27), lang="en")
    assert program(fr, "PIP")["source"].endswith("/elig-fra.html")
    assert program(en, "PIP")["source"].endswith("/elig-eng.html")
    assert program(en, "LVS")["source"].endswith("/menu-eng.html")  # a -fra page, in English
    ctpat = program(fr, "CTPAT_HIGHWAY")["source"]
    assert ctpat == program(en, "CTPAT_HIGHWAY")["source"]  # CBP publishes no French page
