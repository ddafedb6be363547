"""Records of other modules that prove a catalogue requirement.

The security profile shows, next to a requirement's evidence files, the records a module
keeps that prove it (e.g. the approved risk assessment proves "written risk assessment,
reviewed yearly"). A module registers in its ``AppConfig.ready()``::

    register_proof_provider("risk", approved_assessment_proofs)

``provider(organization, ref)`` returns the proofs for the requirement ``ref`` (a list,
empty when it has none). Shared data and the profile never import the module.

A proof may carry its document: ``file_name`` and ``file(language) -> bytes`` (e.g. the
approved assessment's report as PDF), so the application package can reference it and ship
it in its ZIP under ``proofs/<file_name>`` without knowing the module that made it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Proof:
    title: str
    url: str
    day: date | None = None
    note: str = ""
    stale: bool = False  # e.g. its yearly review is overdue
    file_name: str = ""  # the document's file name, when the proof has one (see ``file``)
    file: Callable[[str], bytes] | None = field(default=None, compare=False, repr=False)

    @property
    def package_path(self) -> str:
        """Where the proof's document sits in an application package ZIP ("" without one)."""
        return f"proofs/{self.file_name}" if self.file is not None and self.file_name else ""


ProofProvider = Callable[[Any, str], list[Proof]]
_PROVIDERS: dict[str, ProofProvider] = {}


def register_proof_provider(name: str, provider: ProofProvider) -> None:
    _PROVIDERS[name] = provider


def proofs_for(organization: Any, ref: str) -> list[Proof]:
    out: list[Proof] = []
    for name in sorted(_PROVIDERS):
        out.extend(_PROVIDERS[name](organization, ref))
    return out
