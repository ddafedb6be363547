"""One date format per language in every document we make (issue #21, point 11).

Every PDF and Word file made with ``common/documents`` — the application package (gap
report: chart, evidence dates, appendix), the risk assessment's report (period, review date,
action due dates, approvals) and the post-incident analysis — is read back as text
(``pdftotext``, python-docx) and must show dates only as "4 Dec 2026" / "4 déc. 2026":
no ISO ("2026-12-04") and no slash dates ("12/04/2026", "12/04"). XLSX date cells carry the
language's display format; CSV keeps ISO (it is read back by the import).
"""

from __future__ import annotations

import io
import re
import subprocess
from datetime import date, timedelta
from typing import Any

import pytest
from docx import Document

pytestmark = pytest.mark.django_db

ISO = re.compile(r"(?<![\w/-])\d{4}-\d{1,2}-\d{1,2}(?![\w-])")
SLASH = re.compile(r"(?<![\w/.])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])")
MONTHS = {
    "en": "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec",
    "fr": r"janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.",
}


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def assert_one_date_format(text: str, language: str, *, what: str) -> None:
    assert not ISO.findall(text), f"{what}: ISO dates {ISO.findall(text)}"
    assert not SLASH.findall(text), (
        f"{what}: slash dates {[text[max(0, m.start() - 60) : m.end() + 20] for m in SLASH.finditer(text)]}"
    )
    ours = re.findall(rf"\b\d{{1,2}} (?:{MONTHS[language]}) \d{{4}}", text)
    assert ours, f"{what}: no date in the {language} format"


@pytest.fixture
def package_world(carrier_a: Any) -> Any:
    from borderpro.evidence.tests.factories import evidence_for
    from borderpro.profiles.models import ReadinessPoint
    from borderpro.profiles.services.divisions import security_profile_main
    from borderpro.profiles.tests.factories import catalogue, response_for

    framework = catalogue("PIP", n=3)
    first, *_rest = framework.requirements.order_by("position")
    evidence = evidence_for(
        carrier_a, document_date=date(2026, 3, 4), expires_on=date(2027, 3, 4), title="Seal log"
    )
    response = response_for(
        carrier_a, first, status="implemented", narrative="We seal every trailer."
    )
    from borderpro.profiles.models import ResponseEvidence

    ResponseEvidence.objects.create(organization=carrier_a, response=response, evidence=evidence)
    security_profile = security_profile_main(carrier_a)
    for n in range(6):
        ReadinessPoint.objects.create(
            organization=carrier_a,
            security_profile=security_profile,
            framework=framework,
            day=date(2026, 11, 1) + timedelta(days=5 * n),
            score=10 * n,
        )
    return framework


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_application_package_writes_dates_one_way(
    alice: Any, carrier_a: Any, package_world: Any, language: str
) -> None:
    from borderpro.profiles.services.package import package_build

    snapshot = package_build(
        actor=alice,
        organization=carrier_a,
        framework=package_world,
        language=language,
        variant="gap_report",
        unanswered="appendix",
    )
    assert_one_date_format(pdf_text(snapshot.pdf.read()), language, what="package PDF")
    assert_one_date_format(docx_text(snapshot.docx.read()), language, what="package Word")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_risk_report_writes_dates_one_way(alice: Any, carrier_a: Any, language: str) -> None:
    from borderpro.risk import report, services, threats
    from borderpro.risk.tests.factories import (
        action_for,
        assessment_for,
        flow_for,
        rating_for,
        vulnerability_for,
    )

    a = assessment_for(carrier_a, year=2026)
    flow_for(a)
    for threat in threats.library():
        rating_for(a, threat.code, 1)
    vuln = vulnerability_for(a)
    action_for(a, vulnerability=vuln, due_on=date(2026, 12, 4))
    for other in a.vulnerabilities.exclude(pk=vuln.pk):
        action_for(a, vulnerability=other, title=f"Fix {other.category.code}")
    services._sign(
        actor=alice, organization=carrier_a, assessment=a, step="approved", signer_name="Alice"
    )
    context = report.report_context(a, language)
    assert_one_date_format(
        pdf_text(report.render_report_pdf(a, context)), language, what="risk report PDF"
    )
    assert_one_date_format(
        docx_text(report.render_report_docx(a, context)), language, what="risk report Word"
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_post_incident_analysis_writes_dates_one_way(
    as_alice: Any, carrier_a: Any, language: str
) -> None:
    from borderpro.operations.tests.factories import incident_for

    incident = incident_for(carrier_a)
    pdf = as_alice.get(
        f"/o/{carrier_a.code}/operations/incidents/{incident.pk}/analysis.pdf?lang={language}"
    ).content
    assert_one_date_format(pdf_text(pdf), language, what="post-incident PDF")


@pytest.mark.parametrize(("language", "shown"), [("en", "4 Dec 2026"), ("fr", "4 déc. 2026")])
def test_spreadsheet_date_cells_carry_the_language_format(language: str, shown: str) -> None:
    from openpyxl import load_workbook

    from borderpro.common.documents import DATE, Column, write_csv, write_xlsx

    columns = [Column("due", "Due", DATE)]
    data = write_xlsx(columns, [{"due": date(2026, 12, 4)}], title="t", language=language)
    cell = load_workbook(io.BytesIO(data)).active["A2"]
    assert cell.value.date() == date(2026, 12, 4)
    assert cell.number_format.endswith("d mmm yyyy"), cell.number_format
    assert ("C0C" in cell.number_format) == (language == "fr")
    # CSV keeps ISO 8601: it is imported back, whatever the reader's language
    assert b"2026-12-04" in write_csv(columns, [{"due": date(2026, 12, 4)}], language=language)


def test_the_scanner_catches_what_issue_21_saw() -> None:
    for bad in ("12/04/2026", "due 12/04", "2026-12-28"):
        with pytest.raises(AssertionError):
            assert_one_date_format(f"{bad} and 4 Dec 2026", "en", what="sample")
    assert_one_date_format("4 Dec 2026, 14:05 · Page 1 of 3 · 3 / 5 · 25 %", "en", what="ok")
