"""Format rules for carrier identifiers (BN, RM account, carrier code, SCAC, DOT, MC, RFC).

The rules live in ``data/identifiers.yaml`` so a compliance person can correct them without
touching code. :func:`identifier_check` is a pure function: it normalises a value and
returns it, or raises :class:`IdentifierError` naming the first rule that failed.

A rule is a pattern, or a ``check`` by a maintained library of standard numbers
(python-stdnum: the BN's Luhn check digit, the Mexican RFC), with our own message either way.
A rule of ``severity: note`` never refuses a value: :func:`identifier_notes` lists it so the
page can say it (e.g. a 2-letter SCAC, held by railroads, not motor carriers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from stdnum.ca import bn as stdnum_bn
from stdnum.mx import rfc as stdnum_rfc

DATA = Path(__file__).resolve().parent / "data" / "identifiers.yaml"


# Checks a rule may name instead of (or besides) a pattern; each gets the normalised value.
CHECKS: dict[str, Any] = {
    # the ninth digit is a Luhn check digit (also for the BN inside a 15-character account)
    "ca_bn_check_digit": lambda value: stdnum_bn.is_valid(value),
    "not_all_zeros": lambda value: bool(value.strip("0")[:9]) if len(value) >= 9 else True,
    "mx_rfc": lambda value: stdnum_rfc.is_valid(value),
}


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str] | None
    message: dict[str, str]
    check: str = ""
    severity: str = "error"  # error | note

    def passes(self, value: str) -> bool:
        if self.pattern is not None and not self.pattern.search(value):
            return False
        return not self.check or bool(CHECKS[self.check](value))


@dataclass(frozen=True)
class IdentifierSpec:
    kind: str
    label: dict[str, str]
    normalize: tuple[str, ...]
    confidence: str
    source: str
    rules: tuple[Rule, ...]


class IdentifierError(ValueError):
    def __init__(self, kind: str, rule: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.rule = rule
        self.message = message


@cache
def identifier_specs() -> dict[str, IdentifierSpec]:
    raw: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    specs = {}
    for kind, spec in raw["identifiers"].items():
        rules = tuple(_rule(kind, rule) for rule in spec["rules"])
        specs[kind] = IdentifierSpec(
            kind=kind,
            label=dict(spec["label"]),
            normalize=tuple(spec.get("normalize", ())),
            confidence=spec.get("confidence", "unconfirmed"),
            source=spec.get("source", ""),
            rules=rules,
        )
    return specs


def _rule(kind: str, raw: dict[str, Any]) -> Rule:
    check = raw.get("check", "")
    if check and check not in CHECKS:
        raise ValueError(f"identifier {kind}, rule {raw['id']}: unknown check {check!r}")
    if not check and not raw.get("pattern"):
        raise ValueError(f"identifier {kind}, rule {raw['id']}: needs a pattern or a check")
    severity = raw.get("severity", "error")
    if severity not in ("error", "note"):
        raise ValueError(f"identifier {kind}, rule {raw['id']}: severity is error or note")
    return Rule(
        id=raw["id"],
        pattern=re.compile(raw["pattern"]) if raw.get("pattern") else None,
        message=dict(raw["message"]),
        check=check,
        severity=severity,
    )


def identifier_normalize(kind: str, value: str) -> str:
    result = value
    for step in identifier_specs()[kind].normalize:
        if step == "strip_spaces":
            result = (
                re.sub(r"[\s\-]+", "", result)
                if kind != "mc_number"
                else re.sub(r"\s+", "", result)
            )
        elif step == "upper":
            result = result.upper()
        elif step == "drop_prefix_usdot":
            result = re.sub(r"^(US)?DOT#?", "", result)
    return result


def _language(language: str | None) -> str:
    code = (language or get_language() or "en")[:2]
    return code if code in ("en", "fr") else "en"


def identifier_check(kind: str, value: str, *, language: str | None = None) -> str:
    """The normalised identifier, or IdentifierError with the failed rule's message."""
    spec = identifier_specs()[kind]
    normalized = identifier_normalize(kind, value)
    for rule in spec.rules:
        if rule.severity == "error" and not rule.passes(normalized):
            raise IdentifierError(kind, rule.id, _message(rule, normalized, language))
    return normalized


def _message(rule: Rule, normalized: str, language: str | None) -> str:
    template = rule.message.get(_language(language)) or rule.message["en"]
    last = normalized[-1:] if normalized else ""
    return template.format(value=normalized, length=len(normalized), last=last)


def identifier_notes(kind: str, value: str, *, language: str | None = None) -> list[str]:
    """Notes on an accepted value (rules of severity ``note`` it does not meet); never refuses."""
    if not value:
        return []
    normalized = identifier_normalize(kind, value)
    return [
        _message(rule, normalized, language)
        for rule in identifier_specs()[kind].rules
        if rule.severity == "note" and not rule.passes(normalized)
    ]


def identifier_validator(kind: str):
    """A model/form field validator that raises ValidationError with the rule's message."""

    def validate(value: str) -> None:
        if not value:
            return
        try:
            identifier_check(kind, value)
        except IdentifierError as exc:
            raise ValidationError(exc.message, code=exc.rule) from exc

    validate.__name__ = f"validate_{kind}"
    validate.__qualname__ = f"validate_{kind}"
    return validate


def validate_business_number(value: str) -> None:
    identifier_validator("business_number")(value)


def validate_rm_account(value: str) -> None:
    identifier_validator("rm_account")(value)


def validate_cbsa_carrier_code(value: str) -> None:
    identifier_validator("cbsa_carrier_code")(value)


def validate_scac(value: str) -> None:
    identifier_validator("scac")(value)


def validate_usdot_number(value: str) -> None:
    identifier_validator("usdot_number")(value)


def validate_mc_number(value: str) -> None:
    identifier_validator("mc_number")(value)


def validate_rfc(value: str) -> None:
    identifier_validator("rfc")(value)


VALIDATORS = {
    "business_number": validate_business_number,
    "rm_account": validate_rm_account,
    "cbsa_carrier_code": validate_cbsa_carrier_code,
    "scac": validate_scac,
    "usdot_number": validate_usdot_number,
    "mc_number": validate_mc_number,
    "rfc": validate_rfc,
}
