"""Money in the reader's language, the Canadian way: "$25,000.00" / "25 000,00 $".

Babel is not a dependency; the two languages the product speaks follow CLDR's en-CA and
fr-CA patterns (fr-CA groups with a no-break space and puts the symbol after the amount).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.utils import translation

NBSP = "\u00a0"

# currency → (English symbol before the amount, French symbol after the amount)
SYMBOLS = {
    "CAD": ("$", "$"),
    "USD": ("US$", "$" + NBSP + "US"),
    "EUR": ("€", "€"),
    "MXN": ("MX$", "$" + NBSP + "MX"),
}


def _grouped(digits: str, separator: str) -> str:
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return separator.join(groups)


def format_money(amount: Any, currency: str = "CAD", *, language: str | None = None) -> str:
    """``amount`` (Decimal, int, float or numeric text) as currency; "" when it is empty."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation:
        return str(amount)
    lang = (language or translation.get_language() or "en")[:2]
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    code = currency.upper()
    before, after = SYMBOLS.get(code, (code + NBSP, code))
    if lang == "fr":
        return f"{sign}{_grouped(whole, NBSP)},{cents}{NBSP}{after}"
    return f"{sign}{before}{_grouped(whole, ',')}.{cents}"
