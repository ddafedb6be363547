"""Human labels for the rules' identifiers, in the reader's language (data/labels.yaml).

The engine and the API keep identifiers (``pip.trade_history``,
``organization.business_types``); pages show these labels instead. Source links follow the
reader's language where the agency publishes both (CBSA pages end in -eng / -fra).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from borderpro.common.sources import source_url as shared_source_url

LABELS_FILE = Path(__file__).resolve().parent / "data" / "labels.yaml"


@cache
def labels() -> dict[str, dict[str, dict[str, str]]]:
    with open(LABELS_FILE, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _lang(lang: str | None) -> str:
    return "fr" if (lang or "en").startswith("fr") else "en"


def program_name(code: str, lang: str | None) -> str:
    """The one short name of a program ("C-TPAT", "FAST" / "EXPRES"); the code if unknown."""
    entry = labels()["programs"].get(code)
    return entry[_lang(lang)] if entry else code


def criterion_label(criterion_id: str, lang: str | None) -> str:
    entry = labels()["criteria"].get(criterion_id)
    return entry[_lang(lang)] if entry else criterion_id


def fact_label(path: str, lang: str | None) -> str:
    entry = labels()["facts"].get(path)
    return entry[_lang(lang)] if entry else path


def _one_value(value: Any, lang: str) -> str:
    from django.utils import translation
    from django.utils.translation import gettext

    from borderpro.common.dates import format_day
    from borderpro.organizations.models import BusinessType
    from borderpro.programs.models import Status

    if isinstance(value, bool):
        with translation.override(lang):
            return gettext("yes") if value else gettext("no")
    text = str(value)
    entry = labels()["values"].get(text)
    if entry:
        return entry[lang]
    for choices in (BusinessType, Status):
        if text in choices.values:
            with translation.override(lang):
                return str(choices(text).label)
    try:
        return format_day(date.fromisoformat(text), lang)
    except ValueError:
        return text


def fact_value(value: Any, lang: str | None) -> str:
    """A fact as a reader writes it: yes / no, labels for codes, dates in the one format."""
    lang = _lang(lang)
    if isinstance(value, list | tuple):
        return ", ".join(_one_value(v, lang) for v in value) or "—"
    return _one_value(value, lang)


def source_url(url: str, lang: str | None) -> str:
    """The CBSA page in the reader's language (one rule for every page: ``common/sources``)."""
    return shared_source_url(url, _lang(lang))
