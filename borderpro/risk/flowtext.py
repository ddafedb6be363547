"""The text lines of a flow: partners (“name — role”) and data-flow entries
(“sender → receiver: what”). Every party named in the data flow must be the company
(“us”), a customs authority or a partner listed on the flow."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

ARROW = re.compile(r"\s*(?:→|->|=>)\s*")
SELF = {"us", "we", "nous", "the company", "l'entreprise", "company", "entreprise"}
AUTHORITIES = {"cbsa", "asfc", "cbp", "customs", "douanes"}


@dataclass(frozen=True)
class DataFlowEntry:
    sender: str
    receiver: str
    what: str


def partner_name(line: str) -> str:
    """The partner's name in “name — role” (also “name - role” or “name (role)”)."""
    name = re.split(r"\s+[—–-]\s+|\s*\(", line.strip(), maxsplit=1)[0]  # noqa: RUF001
    return name.strip()


def parse_data_flow(line: str) -> DataFlowEntry | None:
    head, _sep, what = line.partition(":")
    parts = ARROW.split(head.strip())
    if len(parts) != 2 or not all(p.strip() for p in parts):
        return None
    return DataFlowEntry(parts[0].strip(), parts[1].strip(), what.strip())


def _known(party: str, partners: set[str]) -> bool:
    key = party.lower()
    base = re.split(r"\s*\(", key, maxsplit=1)[0].strip()
    return base in SELF or base in AUTHORITIES or base in partners or key in partners


def data_flow_problems(data_flow: str, partners: str, stops: str = "") -> list[str]:
    """Clear messages for each data-flow line that cannot be read or names an unknown party."""
    known = {partner_name(p).lower() for p in (partners or "").splitlines() if p.strip()}
    problems: list[str] = []
    lines = [line.strip() for line in (data_flow or "").splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        entry = parse_data_flow(line)
        if entry is None:
            problems.append(
                _("Line %(n)s: write “sender → receiver: what is sent”.") % {"n": number}
            )
            continue
        for party in (entry.sender, entry.receiver):
            if not _known(party, known):
                problems.append(
                    _(
                        "Line %(n)s: “%(party)s” is not a partner of this flow. Add it under "
                        "business partners first, or write “us” for the company."
                    )
                    % {"n": number, "party": party}
                )
    return problems
