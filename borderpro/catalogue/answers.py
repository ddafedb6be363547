"""Where an organization's answers to a framework come from, for the edition comparison.

The catalogue is shared data: it knows no consumer. A module that keeps answers to the
catalogue's requirements (the security profile does) registers in its ``AppConfig.ready()``::

    register_answer_source("profile", refs=answered_refs, kinds=("client",),
                           title=_("Your security profile answers: do they carry over?"),
                           help=_("The requirements this company has started answering..."))

``refs(organization, family_code)`` returns the refs of that framework family the
organization has answered (any edition). Without a source, a consultancy's guidance notes
stand for the answers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AnswerSource:
    name: str
    refs: Callable[[Any, str], set[str]]
    title: Any
    help: Any
    kinds: tuple[str, ...] = ("client",)
    shipped_only: bool = True  # answers to the shipped frameworks, not a consultancy's own


_SOURCES: dict[str, AnswerSource] = {}


def register_answer_source(
    name: str,
    *,
    refs: Callable[[Any, str], set[str]],
    title: Any,
    help: Any,
    kinds: tuple[str, ...] = ("client",),
    shipped_only: bool = True,
) -> None:
    _SOURCES[name] = AnswerSource(name, refs, title, help, kinds, shipped_only)


def answer_source_for(organization: Any, framework: Any) -> AnswerSource | None:
    """The source of this organization's answers to ``framework``, if a module keeps them."""
    for source in _SOURCES.values():
        if organization.kind not in source.kinds:
            continue
        if source.shipped_only and framework.owner_id is not None:
            continue
        return source
    return None
