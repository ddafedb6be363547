"""Format rules for carrier identifiers (BN, RM account, carrier code, SCAC, DOT, MC, RFC).

The rules live in ``data/identifiers.yaml`` so a compliance person can correct them without
touching code. :func:`identifier_check` is a pure function: it normalises a value and
returns it, or raises :class:`IdentifierError` naming the first rule that failed.
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

DATA = Path(__file__).resolve().parent / "data" / "identifiers.yaml"


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    message: dict[str, str]


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
        rules = tuple(
            Rule(rule["id"], re.compile(rule["pattern"]), dict(rule["message"]))
            for rule in spec["rules"]
        )
        specs[kind] = IdentifierSpec(
            kind=kind,
            label=dict(spec["label"]),
            normalize=tuple(spec.get("normalize", ())),
            confidence=spec.get("confidence", "unconfirmed"),
            source=spec.get("source", ""),
            rules=rules,
        )
    return specs


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
        if not rule.pattern.search(normalized):
            template = rule.message.get(_language(language)) or rule.message["en"]
            last = normalized[-1:] if normalized else ""
            message = template.format(value=normalized, length=len(normalized), last=last)
            raise IdentifierError(kind, rule.id, message)
    return normalized


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
