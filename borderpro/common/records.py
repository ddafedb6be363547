"""What a review samples and what a validation binder holds, from every module.

The annual review (``reviews/``) checks a reproducible sample of each module's records for a
period, and the validation binder gathers each module's extract; neither knows the modules.
A module registers in its ``AppConfig.ready()``::

    register_record_source("operations.inspections", label=_("Conveyance inspections"),
                           records=inspection_records, order=20)
    register_binder_part("operations.inspections", label=_("Inspection log"),
                         build=inspection_extract, order=40)

``records(organization, start, end)`` returns every record of the period as
``SampledRecord`` (cheap: ids, dates and one line each, one query); the review draws its
sample from them with a documented seed, so the same review always checks the same records.

``build(organization, start, end, language)`` returns the ``BinderFile`` list of that part
(a PDF or spreadsheet made with ``common/documents``, and evidence files), each with whether
its hash chain verified intact at build time (``None`` when the part is not chained).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class SampledRecord:
    source: str  # the registered source name, e.g. "operations.inspections"
    ref: str  # stable id of the record (its code or primary key)
    day: date
    summary: str  # one line a reviewer reads, in the active language
    url: str = ""  # the record's page, if it has one


@dataclass(frozen=True)
class BinderFile:
    path: str  # inside the binder, e.g. "05-inspections/inspection-log.pdf"
    content: bytes
    title: str
    chain_intact: bool | None = None


@dataclass(frozen=True)
class RecordSource:
    name: str
    label: Any
    records: Callable[[Any, date, date], list[SampledRecord]]
    order: int


@dataclass(frozen=True)
class BinderPart:
    name: str
    label: Any
    build: Callable[[Any, date, date, str], list[BinderFile]]
    order: int


_SOURCES: dict[str, RecordSource] = {}
_PARTS: dict[str, BinderPart] = {}


def register_record_source(
    name: str,
    *,
    label: Any,
    records: Callable[[Any, date, date], list[SampledRecord]],
    order: int = 50,
) -> None:
    _SOURCES[name] = RecordSource(name, label, records, order)


def register_binder_part(
    name: str,
    *,
    label: Any,
    build: Callable[[Any, date, date, str], list[BinderFile]],
    order: int = 50,
) -> None:
    _PARTS[name] = BinderPart(name, label, build, order)


def record_sources() -> list[RecordSource]:
    return sorted(_SOURCES.values(), key=lambda s: (s.order, s.name))


def binder_parts() -> list[BinderPart]:
    return sorted(_PARTS.values(), key=lambda p: (p.order, p.name))
