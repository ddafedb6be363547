"""Prices and Canadian sales taxes: pure functions on ``Decimal``, never floats.

- :func:`tax_rates` reads ``data/sales_taxes.yaml`` (rates by province with effective
  dates, sources and confidence) and answers the rates in force in a province on a day.
- :func:`line_for` prices one service for a request's sizing (sites, fleet size).
- :func:`totals` adds the lines and the taxes charged on them, each tax rounded to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

TAX_FILE = Path(__file__).resolve().parent / "data" / "sales_taxes.yaml"
CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class TaxRate:
    province: str
    tax: str  # GST, HST, QST, PST, RST
    rate: Decimal
    effective_from: date
    effective_to: date | None
    source: str
    confidence: str
    charged: bool

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def percent(self) -> str:
        return f"{(self.rate * 100).normalize():f}"


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@cache
def all_tax_rates() -> tuple[TaxRate, ...]:
    with TAX_FILE.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    sources = document["sources"]
    rates = []
    for row in document["rates"]:
        if not isinstance(row["province"], str):  # YAML 1.1 reads a bare ON as true
            raise ValueError(f"sales tax {row}: quote the province code")
        rate = Decimal(str(row["rate"]))
        if not Decimal("0") <= rate < Decimal("1"):
            raise ValueError(f"sales tax {row}: the rate is a fraction between 0 and 1")
        rates.append(
            TaxRate(
                province=row["province"],
                tax=row["tax"],
                rate=rate,
                effective_from=_date(row["from"]),
                effective_to=_date(row["to"]) if row.get("to") else None,
                source=sources[row["source"]],
                confidence=row["confidence"],
                charged=row.get("charged", True),
            )
        )
    return tuple(rates)


def tax_rates(province: str, on: date, *, charged_only: bool = True) -> list[TaxRate]:
    """The rates in force in ``province`` on ``on`` (those charged on services by default)."""
    return [
        r
        for r in all_tax_rates()
        if r.province == province and r.in_force(on) and (r.charged or not charged_only)
    ]


@dataclass(frozen=True)
class Sizing:
    sites: int = 1
    fleet_size: int = 0


@dataclass(frozen=True)
class PricedLine:
    description: str
    pricing: str
    quantity: Decimal
    unit_price: Decimal

    @property
    def amount(self) -> Decimal:
        return money(self.quantity * self.unit_price)


def _in_band(rule: Any, units: int) -> bool:
    return units >= rule.min_units and (rule.max_units is None or units <= rule.max_units)


def sized_unit_price(service: Any, rules: list[Any], sizing: Sizing) -> Decimal:
    """The service's unit price plus its sizing rules for this carrier: an amount for each
    site beyond the first, and the amount of the fleet-size band the fleet falls in."""
    price = Decimal(service.unit_price)
    for rule in rules:
        if rule.basis == "per_site":
            price += Decimal(rule.amount) * max(0, sizing.sites - 1)
        elif rule.basis == "fleet_band" and _in_band(rule, sizing.fleet_size):
            price += Decimal(rule.amount)
    return money(price)


def line_for(service: Any, rules: list[Any], sizing: Sizing, language: str) -> PricedLine:
    return PricedLine(
        description=service.label(language),
        pricing=service.pricing,
        quantity=Decimal(service.default_quantity),
        unit_price=sized_unit_price(service, rules, sizing),
    )


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    taxes: list[dict[str, str]]
    tax_total: Decimal
    total: Decimal


def totals(amounts: list[Decimal], province: str, on: date) -> Totals:
    subtotal = money(sum(amounts, Decimal("0")))
    taxes = []
    for rate in tax_rates(province, on):
        taxes.append(
            {
                "tax": rate.tax,
                "rate": str(rate.rate),
                "percent": rate.percent,
                "amount": str(money(subtotal * rate.rate)),
                "source": rate.source,
                "confidence": rate.confidence,
            }
        )
    tax_total = money(sum((Decimal(t["amount"]) for t in taxes), Decimal("0")))
    return Totals(subtotal, taxes, tax_total, subtotal + tax_total)
