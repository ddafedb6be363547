"""Dates written for people: the one format per language set in borderpro/formats."""

from __future__ import annotations

from datetime import date

from django.utils import formats, translation


def format_day(value: date, lang: str | None = None) -> str:
    """``value`` as the reader's language writes it ("4 Dec 2026" / "4 déc. 2026")."""
    if lang is None:
        return formats.date_format(value, "DATE_FORMAT")
    with translation.override(lang):
        return formats.date_format(value, "DATE_FORMAT")
