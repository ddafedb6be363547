"""Partner security rules as data and pure functions: the programs Canada recognises, the
risk rating with its reasons, and how often a partner is screened again.

Nothing here touches the database, so the rules can be tested on their own (property tests
in ``tests/test_rules.py``). Every figure carries where it comes from and how sure we are:
``house default`` marks a figure the product chose because no agency states one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils.translation import gettext_lazy as _

HOUSE_DEFAULT = "house default"


@dataclass(frozen=True)
class Program:
    code: str
    label: Any  # str or lazy translation
    authority: str
    recognised_since: str  # when Canada signed the mutual recognition arrangement
    source: str
    confidence: str


# PIP itself, and the programs recognised by Canada's mutual recognition arrangements
# (shared domain notes, programs-and-requirements §7). Peru's program name and date are
# unconfirmed, so it is not listed: record it as "other" until it is confirmed.
PROGRAMS: tuple[Program, ...] = (
    Program(
        "pip",
        _("Partners in Protection (PIP)"),
        "CBSA",
        "",
        "https://www.cbsa-asfc.gc.ca/security-securite/pip-pep/menu-eng.html",
        "confirmed",
    ),
    Program("ctpat", "C-TPAT", "U.S. CBP", "2008-06-28", "archived CBSA PIP page", "confirmed"),
    Program(
        "jp_aeo",
        "Japan AEO",
        "Japan Customs and Tariff Bureau",
        "2010-06",
        "https://ghytradelines.blogspot.com/2010/06/canada-strengthens-its-cargo-security.html",
        "third-party",
    ),
    Program(
        "kr_aeo",
        "Korea AEO",
        "Korea Customs Service",
        "2010-06",
        "https://ghytradelines.blogspot.com/2010/06/canada-strengthens-its-cargo-security.html",
        "third-party",
    ),
    Program(
        "sg_stp",
        "Singapore Secure Trade Partnership (STP)",
        "Singapore Customs",
        "2010-06",
        "https://ghytradelines.blogspot.com/2010/06/canada-strengthens-its-cargo-security.html",
        "third-party",
    ),
    Program(
        "mx_neec",
        "Mexico NEEC",
        "SAT (Mexico)",
        "2016-05-11",
        "https://www.canada-usblog.com/2016/05/16/the-cbsa-signs-secure-supply-chain-mutual-recognition-agreement-with-mexico/",
        "third-party",
    ),
    Program(
        "il_aeo",
        "Israel AEO",
        "Israel Tax Authority",
        "2017-07",
        "https://www.canada.ca/en/border-services-agency/news/2017/07/minister_goodaleannouncesmutualrecognitionarrangementwithisrael.html",
        "confirmed",
    ),
    Program(
        "au_att",
        "Australian Trusted Trader",
        "Australian Border Force",
        "2017-07",
        "https://newswire.ca/news-releases/cbsa-signs-mutual-recognition-arrangement-with-australia-636304793.html",
        "third-party",
    ),
    Program(
        "hk_aeo",
        "Hong Kong AEO",
        "Hong Kong Customs and Excise",
        "2019-06",
        "https://www.willsonintl.com/news/cbsa-signs-mutual-recognition-arrangements-with-hong-kong-and-new-zealand/",
        "third-party",
    ),
    Program(
        "nz_ses",
        "New Zealand Secure Exports Scheme",
        "New Zealand Customs",
        "2019-06",
        "https://www.willsonintl.com/news/cbsa-signs-mutual-recognition-arrangements-with-hong-kong-and-new-zealand/",
        "third-party",
    ),
    Program(
        "eu_aeo",
        "EU AEO (AEO-S / AEO-F)",
        "European Union (DG TAXUD)",
        "2022-10-28",
        "https://www.ghy.com/trade-compliance/canada-eu-enhance-supply-chain-security-and-facilitation-of-trade/",
        "third-party",
    ),
)
RECOGNISED = frozenset(p.code for p in PROGRAMS)
OTHER_PROGRAM = "other"
PROGRAM_CHOICES = [(p.code, p.label) for p in PROGRAMS] + [
    (OTHER_PROGRAM, _("Other (not recognised by Canada)"))
]

# C-TPAT HC 3.8: a highway carrier subcontracts only to C-TPAT carriers or to carriers
# under a written contract (third-party copies of the criteria).
SUBCONTRACT_RULE = {
    "source": "C-TPAT Minimum Security Criteria, Highway Carriers 3.8 (third-party copies)",
    "confidence": "third-party",
}

# A certification counts as current evidence while the partner's status was verified within
# this many days (house default), it has not passed its valid-until date, and proof is filed.
CERTIFICATION_EVIDENCE_DAYS = 365
# Certification status is checked again this often: a consultant re-checks partners'
# status every month (users-and-market §2.4, https://www.pier34solutions.com/maintenance.htm).
STATUS_CHECK_DAYS = 30
STATUS_CHECK_SOURCE = "https://www.pier34solutions.com/maintenance.htm"

LOW, MEDIUM, HIGH = "low", "medium", "high"
LEVELS = (LOW, MEDIUM, HIGH)
LEVEL_CHOICES = [(LOW, _("Low")), (MEDIUM, _("Medium")), (HIGH, _("High"))]
MAX_SCORE = 6

# No agency states a re-screening interval (C-TPAT 3.7 asks for periodic reassessment,
# "regularly or when risk changes"), so the cadence per level is the product's own.
CADENCE_DAYS = {HIGH: 365, MEDIUM: 730, LOW: 1095}
CADENCE_SOURCE = {"source": "C-TPAT HC 3.7 (no interval stated)", "confidence": HOUSE_DEFAULT}

# Points per partner type: who touches the cargo, the conveyance, the premises or the data.
KIND_POINTS = {
    "sub_carrier": 2,
    "owner_operator": 2,
    "warehouse": 2,
    "it_provider": 2,
    "security_contractor": 1,
    "cleaning_contractor": 1,
    "customs_broker": 1,
    "shipper": 1,
    "other": 1,
}
LOW_RISK_COUNTRIES = frozenset({"CA", "US"})
OUTCOME_POINTS = {"approved": 0, "approved_conditions": 1, "corrective_action": 2}


@dataclass(frozen=True)
class Rating:
    level: str
    score: int
    reasons: tuple[str, ...]


def rate(*, kind: str, country: str, certified: bool, outcome: str) -> Rating:
    """Risk from the partner's type, country, current certification and last screening outcome.

    ``outcome`` is "" when the partner was never screened. A current certification under a
    recognised program lowers the score and never raises it; the score stays in 0..MAX_SCORE.
    """
    reasons: list[str] = []
    score = KIND_POINTS.get(kind, 1)
    if score >= 2:
        reasons.append(str(_("handles cargo, conveyances, premises or data")))
    if country.upper() not in LOW_RISK_COUNTRIES:
        score += 1
        reasons.append(str(_("based outside Canada and the United States")))
    if certified:
        score -= 2
        reasons.append(str(_("certified under a recognised program, with current proof")))
    elif not outcome:
        score += 1
        reasons.append(str(_("not certified and never screened")))
    points = OUTCOME_POINTS.get(outcome, 0)
    if points:
        score += points
        reasons.append(
            str(_("last screening asked for corrective action"))
            if outcome == "corrective_action"
            else str(_("last screening approved it with conditions"))
        )
    score = max(0, min(MAX_SCORE, score))
    level = HIGH if score >= 4 else MEDIUM if score >= 2 else LOW
    return Rating(level, score, tuple(reasons))


def next_screening(screened_on: date, level: str) -> date:
    return screened_on + timedelta(days=CADENCE_DAYS[level])


UNSCREENED, OVERDUE, SCREENED, CERTIFIED = "unscreened", "overdue", "screened", "certified"


def screening_state(*, certified: bool, next_due: date | None, today: date) -> str:
    """Certified (screened by its program), screened within cadence, overdue, or unscreened."""
    if certified:
        return CERTIFIED
    if next_due is None:
        return UNSCREENED
    return OVERDUE if next_due < today else SCREENED
