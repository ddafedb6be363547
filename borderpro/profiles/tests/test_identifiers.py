"""Identifier format rules: each bad value names the rule that failed."""

from __future__ import annotations

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from borderpro.profiles.identifiers import IdentifierError, identifier_check, identifier_specs

DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=20)
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def rule_of(kind: str, value: str) -> str | None:
    try:
        identifier_check(kind, value, language="en")
    except IdentifierError as exc:
        return exc.rule
    return None


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_any_nine_digits_is_a_business_number(value: str) -> None:
    assert identifier_check("business_number", value) == value


@given(DIGITS.filter(lambda v: len(v) != 9))
def test_a_business_number_of_another_length_says_how_many_digits(value: str) -> None:
    with pytest.raises(IdentifierError) as exc:
        identifier_check("business_number", value, language="en")
    assert exc.value.rule == "bn.length"
    assert f"has {len(value)}" in exc.value.message


@given(
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.text(alphabet="0123456789", min_size=4, max_size=4),
)
def test_rm_accounts_are_bn_rm_and_four_digits_with_spaces_allowed(bn: str, ref: str) -> None:
    assert identifier_check("rm_account", f"{bn} rm {ref}") == f"{bn}RM{ref}"


@given(
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.sampled_from(["RT", "RP", "RC", "RR", "RZ"]),
)
def test_other_cra_program_accounts_are_refused_as_rm(bn: str, program: str) -> None:
    assert rule_of("rm_account", f"{bn}{program}0001") == "rm.program"


@given(st.text(alphabet=UPPER, min_size=3, max_size=3), st.sampled_from(["U", "X", "Z"]))
def test_scacs_ending_in_reserved_letters_are_refused(prefix: str, last: str) -> None:
    assert rule_of("scac", prefix + last) == f"scac.reserved_{last.lower()}"


@given(
    st.text(alphabet=UPPER, min_size=3, max_size=3),
    st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTVWY")),
)
def test_four_letter_scacs_with_other_last_letters_pass(prefix: str, last: str) -> None:
    assert identifier_check("scac", (prefix + last).lower()) == prefix + last


@given(st.text(alphabet="0123456789", min_size=1, max_size=8))
def test_dot_numbers_of_up_to_eight_digits_pass(value: str) -> None:
    assert identifier_check("usdot_number", f"USDOT {value}") == value


@given(st.text(alphabet="0123456789", min_size=9, max_size=14))
def test_dot_numbers_longer_than_eight_digits_fail(value: str) -> None:
    assert rule_of("usdot_number", value) == "usdot.length"


def test_the_error_says_which_rule_failed_in_the_readers_language() -> None:
    with pytest.raises(IdentifierError) as exc:
        identifier_check("scac", "ABCU", language="en")
    assert str(exc.value) == "SCAC codes ending in U are reserved for containers, not carriers."
    with translation.override("fr"), pytest.raises(IdentifierError) as exc:
        identifier_check("scac", "ABCU")
    assert "réservés aux conteneurs" in str(exc.value)


@pytest.mark.parametrize(
    ("kind", "value", "rule"),
    [
        ("cbsa_carrier_code", "80801", "carrier_code.length"),
        ("cbsa_carrier_code", "80#0", "carrier_code.charset"),
        ("scac", "AB1C", "scac.letters"),
        ("scac", "ABC", "scac.length"),
        ("mc_number", "123456", "mc.prefix"),
        ("mc_number", "MC-12A", "mc.digits"),
        ("rfc", "ABC12345", "rfc.length"),
        ("rm_account", "12345678RM0001", "rm.length"),
    ],
)
def test_examples(kind: str, value: str, rule: str) -> None:
    assert rule_of(kind, value) == rule


def test_every_rule_in_the_data_file_has_a_source_and_both_languages() -> None:
    for spec in identifier_specs().values():
        assert spec.source.startswith("https://")
        assert spec.confidence in {"confirmed", "third-party", "inferred", "unconfirmed"}
        for rule in spec.rules:
            assert rule.message["en"] and rule.message["fr"]
