"""Identifier format rules: each bad value names the rule that failed."""

from __future__ import annotations

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn

from borderpro.profiles.identifiers import (
    IdentifierError,
    identifier_check,
    identifier_normalize,
    identifier_notes,
    identifier_specs,
)

DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=20)
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def rule_of(kind: str, value: str) -> str | None:
    try:
        identifier_check(kind, value, language="en")
    except IdentifierError as exc:
        return exc.rule
    return None


EIGHT = st.text(alphabet="0123456789", min_size=8, max_size=8).filter(lambda v: v.strip("0"))


def with_check_digit(first_eight: str) -> str:
    return first_eight + luhn.calc_check_digit(first_eight)


@given(EIGHT)
def test_a_business_number_with_its_check_digit_passes(first_eight: str) -> None:
    value = with_check_digit(first_eight)
    assert identifier_check("business_number", value) == value


@given(EIGHT, st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_a_single_mistyped_digit_fails_the_check_digit(
    first_eight: str, position: int, shift: int
) -> None:
    good = with_check_digit(first_eight)
    wrong = good[:position] + str((int(good[position]) + shift) % 10) + good[position + 1 :]
    assert rule_of("business_number", wrong) in ("bn.check_digit", "bn.zeros")


def test_the_review_examples_are_refused() -> None:
    assert rule_of("business_number", "000000000") == "bn.zeros"
    assert rule_of("business_number", "123456789") == "bn.check_digit"
    assert rule_of("business_number", "123456782") is None


@given(
    st.sampled_from(list(identifier_specs())),
    st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc -#", max_size=20),
)
def test_normalising_twice_changes_nothing(kind: str, value: str) -> None:
    once = identifier_normalize(kind, value)
    assert identifier_normalize(kind, once) == once


@given(EIGHT, st.text(alphabet="0123456789", min_size=4, max_size=4))
def test_rm_accounts_typed_with_hyphens_or_spaces_are_normalised(
    first_eight: str, ref: str
) -> None:
    bn = with_check_digit(first_eight)
    for typed in (f"{bn}-RM-{ref}", f"{bn} rm {ref}", f"{bn}RM{ref}"):
        assert identifier_check("rm_account", typed) == f"{bn}RM{ref}"


def test_two_and_three_letter_scacs_are_accepted_with_a_note() -> None:
    for code in ("BN", "CPRS", "AMT"):
        assert identifier_check("scac", code) == code
    assert identifier_notes("scac", "CPRS") == []
    note = identifier_notes("scac", "bn", language="en")
    assert note and "railroads and passenger motor carriers" in note[0]
    assert "chemins de fer" in identifier_notes("scac", "AMT", language="fr")[0]
    assert rule_of("scac", "A") == "scac.length"


def test_mc_mx_and_ff_dockets_are_accepted() -> None:
    assert identifier_check("mc_number", "mx-123456") == "MX-123456"
    assert identifier_check("mc_number", "FF 98765") == "FF98765"
    assert identifier_check("mc_number", "MC-1234567") == "MC-1234567"
    assert rule_of("mc_number", "DOT-1234") == "mc.prefix"


def test_the_mexican_rfc_is_checked_by_the_library_with_our_message() -> None:
    assert identifier_check("rfc", "GODE561231GR8") == "GODE561231GR8"
    with pytest.raises(IdentifierError) as caught:
        identifier_check("rfc", "GODE561331GR8", language="en")  # month 13
    assert caught.value.rule == "rfc.format"
    assert "date" in caught.value.message


@given(DIGITS.filter(lambda v: len(v) != 9))
def test_a_business_number_of_another_length_says_how_many_digits(value: str) -> None:
    with pytest.raises(IdentifierError) as exc:
        identifier_check("business_number", value, language="en")
    assert exc.value.rule == "bn.length"
    assert f"has {len(value)}" in exc.value.message


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
        ("scac", "ABCDE", "scac.length"),
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
