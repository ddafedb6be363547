"""The deadline interface: every module declares its kinds of deadline and yields its deadlines.

A module registers in its ``AppConfig.ready()``::

    register_kind(DeadlineKind("evidence.expiry", _("Evidence expires"),
                               permission="evidence.view", due_soon_days=60))
    register_provider("evidence", evidence_deadlines, kinds=("evidence.expiry",))

``provider(organizations, start, end)`` yields the :class:`Deadline` of those organizations
due from ``start`` to ``end`` (local dates, both included), in a number of queries that does
not depend on how many organizations or rows there are. It never writes.

Reminders and calendar feeds build on this: a deadline's ``uid`` stays the same as long as
its kind, organization, record and due date do (a moved date is a new deadline, so calendars
replace the event and reminders count again from the new date); ``owner`` is who is
reminded first; the kind carries the default reminder stages (days before the due date).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

UID_NAMESPACE = uuid.UUID("4d0c6a55-0a37-4c39-9a5e-2f1d3b8e7c61")

# The states of a deadline on a given day, in the order time moves them.
UPCOMING, DUE_SOON, OVERDUE, OPEN = "upcoming", "due_soon", "overdue", "open"
STATE_RANK = {UPCOMING: 0, DUE_SOON: 1, OVERDUE: 2, OPEN: 2}

# How sure the product is of a deadline: the programs' vocabulary, plus "recorded" for a
# date the organization recorded itself (an expiry typed from a document, a due date set).
CONFIDENCES = ("confirmed", "third-party", "inferred", "dated", "unconfirmed", "recorded")


@dataclass(frozen=True)
class DeadlineKind:
    """One kind of deadline a module declares (``<app>.<what>``)."""

    key: str
    label: Any  # lazy gettext: the kind as a reader says it, in English and French
    permission: str  # who may see deadlines of this kind (the owning app's permission)
    reminder_days: tuple[int, ...] = (90, 60, 30, 7)
    due_soon_days: int = 30
    window: bool = False  # the date opens a window: once past, the kind is "open", not overdue
    source: str = ""  # where the rule comes from (a URL), "" when the date is the organization's
    confidence: str = "recorded"

    def __post_init__(self) -> None:
        if "." not in self.key:
            raise ValueError(f"deadline kind {self.key!r}: name it <app>.<what>")
        if self.confidence not in CONFIDENCES:
            raise ValueError(f"deadline kind {self.key!r}: unknown confidence {self.confidence!r}")


def deadline_state(due: date, today: date, *, due_soon_days: int, window: bool = False) -> str:
    """Upcoming, due soon (within ``due_soon_days``), then overdue (or open, for a window)."""
    if due < today:
        return OPEN if window else OVERDUE
    return DUE_SOON if (due - today).days <= due_soon_days else UPCOMING


@dataclass(frozen=True)
class Deadline:
    """One dated obligation of one organization."""

    kind: str
    organization: Any
    subject: str  # what it is about: a membership, a driver, an evidence file, an incident
    due: date  # a local date of the organization
    owner: Any  # the user reminded first, or None (the organization's administrators)
    action_url: str  # where the obligation is met
    source: str = ""
    confidence: str = "recorded"
    ref: str = ""  # the record it comes from, unique within the kind and organization
    detail: str = ""  # one sentence: what to do, in the current language

    @property
    def uid(self) -> str:
        """Stable id for calendar feeds and the reminder log."""
        key = f"{self.kind}|{self.organization.pk}|{self.ref}|{self.due.isoformat()}"
        return str(uuid.uuid5(UID_NAMESPACE, key))

    @property
    def kind_info(self) -> DeadlineKind:
        return kind(self.kind)

    def state(self, today: date) -> str:
        info = self.kind_info
        return deadline_state(self.due, today, due_soon_days=info.due_soon_days, window=info.window)

    def days_left(self, today: date) -> int:
        return (self.due - today).days


Provider = Callable[[Sequence[Any], date, date], Iterable[Deadline]]


@dataclass(frozen=True)
class ProviderEntry:
    name: str
    provider: Provider
    kinds: tuple[str, ...]


_KINDS: dict[str, DeadlineKind] = {}
_PROVIDERS: dict[str, ProviderEntry] = {}


def register_kind(*kinds: DeadlineKind) -> None:
    for entry in kinds:
        _KINDS[entry.key] = entry


def register_provider(name: str, provider: Provider, *, kinds: Iterable[str]) -> None:
    """``provider`` yields deadlines of ``kinds`` (each registered with :func:`register_kind`)."""
    kinds = tuple(kinds)
    unknown = [k for k in kinds if k not in _KINDS]
    if unknown:
        raise ValueError(f"deadline provider {name!r}: register the kinds {unknown} first")
    _PROVIDERS[name] = ProviderEntry(name, provider, kinds)


def kind(key: str) -> DeadlineKind:
    try:
        return _KINDS[key]
    except KeyError:
        raise KeyError(f"unknown deadline kind {key!r}: register it with register_kind()") from None


def kinds() -> list[DeadlineKind]:
    return sorted(_KINDS.values(), key=lambda k: k.key)


def providers() -> list[ProviderEntry]:
    return list(_PROVIDERS.values())


def provider_kinds(name: str) -> tuple[str, ...]:
    """The kinds the provider ``name`` yields (empty when no such provider)."""
    entry = _PROVIDERS.get(name)
    return entry.kinds if entry else ()
