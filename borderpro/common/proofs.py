"""Records of other modules that prove a catalogue requirement.

The security profile shows, next to a requirement's evidence files, the records a module
keeps that prove it (e.g. the approved risk assessment proves "written risk assessment,
reviewed yearly"). A module registers in its ``AppConfig.ready()``::

    register_proof_provider("risk", approved_assessment_proofs)

``provider(organization, ref)`` returns the proofs for the requirement ``ref`` (a list,
empty when it has none). Shared data and the profile never import the module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Proof:
    title: str
    url: str
    day: date | None = None
    note: str = ""
    stale: bool = False  # e.g. its yearly review is overdue


ProofProvider = Callable[[Any, str], list[Proof]]
_PROVIDERS: dict[str, ProofProvider] = {}


def register_proof_provider(name: str, provider: ProofProvider) -> None:
    _PROVIDERS[name] = provider


def proofs_for(organization: Any, ref: str) -> list[Proof]:
    out: list[Proof] = []
    for name in sorted(_PROVIDERS):
        out.extend(_PROVIDERS[name](organization, ref))
    return out
