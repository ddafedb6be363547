"""The five steps in the browser: prefill, bad input named by field, ratings, scoring,
action plan, signature with re-authentication, next year's review and comparison."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from borderpro.common.models import AppendOnlyError
from borderpro.organizations.models import Activity
from borderpro.profiles.models import CarrierProfile, ResponseEvidence
from borderpro.profiles.tests.factories import response_for
from borderpro.risk import selectors, services, threats
from borderpro.risk.models import Approval, Assessment, Flow, ThreatRating
from borderpro.risk.proposal import reason_text
from borderpro.risk.tests.factories import action_for, assessment_for, flow_for, rating_for

pytestmark = pytest.mark.django_db


def url(a: Assessment, step: str) -> str:
    return (
        f"/o/{a.organization.code}/risk/{a.pk}/{step}/"
        if step
        else f"/o/{a.organization.code}/risk/{a.pk}/"
    )


def rate_all(a: Assessment, level: int = 2) -> None:
    for threat in threats.library():
        rating_for(a, threat.code, level)


def test_a_refused_start_goes_back_to_the_list_with_the_message_and_the_year_typed(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    """#21.14: post/redirect/get — the browser never rests on the POST-only address."""
    response = as_alice.post(f"/o/{carrier_a.code}/risk/new/", {"year": 1850, "size": 5})
    assert response.status_code == 303 and response["Location"] == f"/o/{carrier_a.code}/risk/"
    assert not Assessment.objects.filter(organization=carrier_a).exists()
    page = as_alice.get(response["Location"]).content.decode()
    assert "greater than or equal to 2000" in page and 'value="1850"' in page
    assert 'value="5" selected' in page
    again = as_alice.get(response["Location"]).content.decode()
    assert "greater than or equal to 2000" not in again


def test_starting_prefills_flows_and_scope_from_the_carrier_profile(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    CarrierProfile.objects.create(
        organization=carrier_a,
        legal_name="Carrier A Inc.",
        officer_name="Ann Officer",
        officer_title="President",
        lanes="Mississauga ON → Chicago IL\nMontréal QC → Boston MA",
        border_crossings="Ambassador Bridge (Windsor-Detroit)\nLacolle–Champlain",
        lines_of_business=["truckload"],
    )
    response = as_alice.post(f"/o/{carrier_a.code}/risk/new/", {"year": 2026, "size": 3})
    a = Assessment.objects.get(organization=carrier_a)
    assert response.status_code == 302 and response.url == url(a, "map")
    flows = list(Flow.objects.filter(assessment=a))
    assert [f.origin for f in flows] == ["Mississauga ON", "Montréal QC"]
    assert "Lacolle–Champlain" in flows[0].crossing_list
    assert "Ann Officer — President" in a.participants
    assert a.framework == ctpat and a.vulnerabilities.count() == 3
    page = as_alice.get(url(a, "map"))
    assert b"Mississauga ON" in page.content and b"<svg" in page.content


def test_a_data_flow_naming_an_unknown_partner_is_refused(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    a = assessment_for(carrier_a)
    response = as_alice.post(
        url(a, "map"),
        {
            "flow-name": "Lane",
            "flow-origin": "A",
            "flow-destination": "B",
            "flow-mode": "highway",
            "flow-partners": "Lakeshore Cartage — drayage",
            "flow-data_flow": "us → Acme Brokers: manifest",
        },
    )
    assert response.status_code == 400
    assert "“Acme Brokers” is not a partner of this flow" in response.content.decode()
    assert not Flow.objects.filter(assessment=a).exists()


def test_impossible_dates_are_refused_naming_the_field(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    a = assessment_for(carrier_a)
    response = as_alice.post(
        url(a, ""),
        {
            "rec-assessed_on": "2026-03-01",
            "rec-period_start": "2026-12-31",
            "rec-period_end": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert "The period must end on or after the day it starts." in response.content.decode()
    with pytest.raises(ValidationError) as exc:
        action_for(a, due_on=date(2025, 1, 1))
    assert "due_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        action_for(a, status="done", completed_on=date(2099, 1, 1))
    assert "completed_on" in exc.value.message_dict


def test_a_matrix_with_gaps_is_refused_with_a_clear_message(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    a = assessment_for(carrier_a)
    response = as_alice.post(url(a, ""), {"matrix-matrix": "0,1,1\n1,,2\n1,2,2"})
    assert response.status_code == 400
    assert "Row 2, column 2 is empty" in response.content.decode()
    a.refresh_from_db()
    assert a.matrix == [[0, 1, 1], [1, 1, 2], [1, 2, 2]]


def test_switching_to_five_by_five_rescales_the_ratings(carrier_a: Any, ctpat: Any) -> None:
    a = assessment_for(carrier_a)
    rating_for(a, "cyber", 2)
    services.matrix_set(
        actor=None,
        organization=carrier_a,
        assessment=a,
        rows=[[min(4, (t + v + 1) // 2) for v in range(5)] for t in range(5)],
    )
    assert ThreatRating.objects.get(assessment=a, threat="cyber").level == 4


def test_vulnerability_is_proposed_from_the_profile_and_an_override_needs_a_justification(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    from borderpro.evidence.tests.factories import evidence_for

    for req in ctpat.requirements.filter(category__code="4"):
        response = response_for(carrier_a, req, status="implemented")
        ResponseEvidence.objects.create(
            organization=carrier_a,
            response=response,
            evidence=evidence_for(carrier_a, title=req.ref),
        )
    a = assessment_for(carrier_a)
    cyber = a.vulnerabilities.get(category__code="4")
    seals = a.vulnerabilities.get(category__code="6")
    assert (cyber.proposed_level, seals.proposed_level) == (0, 2)
    assert any("implemented with evidence" in reason_text(r) for r in cyber.reasons)
    assert any("must requirement(s) not in place" in reason_text(r) for r in seals.reasons)
    page = as_alice.post(
        url(a, "vulnerabilities"), {"vulnerability": seals.pk, f"{seals.pk}-level": 0}
    )
    assert page.status_code == 400
    assert "Say why the rating differs from the one proposed." in page.content.decode()
    as_alice.post(
        url(a, "vulnerabilities"),
        {
            "vulnerability": seals.pk,
            f"{seals.pk}-level": 0,
            f"{seals.pk}-justification": "New seal procedure since May.",
        },
    )
    seals.refresh_from_db()
    assert seals.level == 0 and seals.overridden


def test_risks_are_ranked_and_the_heat_map_counts_them(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    a = assessment_for(carrier_a)
    flow = flow_for(a)
    rate_all(a, 0)
    rating_for(a, "contraband", 2, flow=flow)
    ws = selectors.workspace(a)
    assert ws.risks[0].threat.code == "contraband" and ws.risks[0].level == 2
    assert sum(map(sum, ws.heat)) == len(ws.risks)
    page = as_alice.get(url(a, "risks"))
    assert page.status_code == 200 and b"heatmap" in page.content
    assert as_alice.get(url(a, "risks") + "?category=6").status_code == 200


def test_threat_rating_needs_a_justification_and_a_known_threat(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    a = assessment_for(carrier_a)
    page = as_alice.post(url(a, "threats"), {"threat": "cyber", "level": 1, "justification": ""})
    assert page.status_code == 400 and not ThreatRating.objects.filter(assessment=a).exists()
    with pytest.raises(ValidationError) as exc:
        services.threat_rate(
            actor=None,
            organization=carrier_a,
            assessment=a,
            threat="aliens",
            level=1,
            justification="x",
        )
    assert "threat" in exc.value.message_dict
    assert (
        as_alice.post(
            url(a, "threats"), {"threat": "cyber", "level": 1, "justification": "Phishing seen"}
        ).status_code
        == 302
    )


def _complete(a: Assessment) -> None:
    flow_for(a)
    rate_all(a)
    for vuln in a.vulnerabilities.all():
        action_for(a, vulnerability=vuln, title=f"Fix {vuln.category.code}")


def test_approval_needs_the_name_and_password_and_is_chained(
    as_alice: Client, alice: Any, carrier_a: Any, ctpat: Any
) -> None:
    alice.set_password("s3cret-pass!")
    alice.save()
    as_alice.force_login(alice)
    a = assessment_for(carrier_a)
    early = as_alice.post(
        url(a, "sign"),
        {"step": "approved", "signer_name": "Alice", "password": "s3cret-pass!"},
        follow=True,
    )
    assert "Step 1: map at least one flow." in early.content.decode()
    _complete(a)
    wrong = as_alice.post(
        url(a, "sign"),
        {"step": "approved", "signer_name": "Alice", "password": "nope"},
        follow=True,
    )
    assert "The password is not correct." in wrong.content.decode()
    other = as_alice.post(
        url(a, "sign"),
        {"step": "approved", "signer_name": "Bob", "password": "s3cret-pass!"},
        follow=True,
    )
    assert "Type your name as it is on your account" in other.content.decode()
    ok = as_alice.post(
        url(a, "sign"),
        {
            "step": "approved",
            "signer_name": "alice",
            "password": "s3cret-pass!",
            "signer_title": "Admin",
        },
        follow=True,
    )
    assert "The assessment is approved." in ok.content.decode()
    a.refresh_from_db()
    approval = Approval.objects.get(assessment=a)
    assert a.status == "approved"
    assert a.review_due_on == a.assessed_on + timedelta(days=365)
    assert len(approval.content_sha256) == 64 and approval.record_hash == approval.compute_hash()
    with pytest.raises(AppendOnlyError):
        approval.delete()
    with pytest.raises(ValidationError):
        flow_for(a, name="Late lane")
    assert Activity.objects.filter(organization=carrier_a, verb="risk.approved").exists()


def test_a_consultant_can_submit_but_not_approve(
    as_carol: Client, carol: Any, carrier_a: Any, ctpat: Any
) -> None:
    carol.set_password("pw-carol-123")
    carol.save()
    as_carol.force_login(carol)
    a = assessment_for(carrier_a)
    _complete(a)
    assert (
        as_carol.post(
            url(a, "sign"), {"step": "approved", "signer_name": "Carol", "password": "pw-carol-123"}
        ).status_code
        == 403
    )
    as_carol.post(
        url(a, "sign"), {"step": "submitted", "signer_name": "Carol", "password": "pw-carol-123"}
    )
    a.refresh_from_db()
    assert a.status == "in_review"


def test_next_year_starts_from_last_year_and_compares(
    as_alice: Client, carrier_a: Any, ctpat: Any
) -> None:
    a = assessment_for(carrier_a, year=2025)
    _complete(a)
    done = a.actions.first()
    services.action_update(
        actor=None,
        organization=carrier_a,
        action=done,
        status="done",
        completed_on=date(2025, 6, 1),
    )
    response = as_alice.post(url(a, "next"), {"trigger": ""})
    new = Assessment.objects.get(organization=carrier_a, year=2026)
    assert response.status_code == 302 and new.based_on == a
    assert new.flows.count() == 1 and new.threat_ratings.count() == len(threats.library())
    assert new.actions.count() == a.actions.count() - 1  # the done action stays behind
    page = as_alice.get(url(new, "compare"))
    assert page.status_code == 200 and b"2025" in page.content


def test_an_incident_after_approval_prompts_an_early_review(
    as_alice: Client, alice: Any, carrier_a: Any, ctpat: Any
) -> None:
    from django.utils import timezone

    from borderpro.operations.models import Incident

    a = assessment_for(carrier_a)
    _complete(a)
    alice.set_password("pw-alice-123")
    alice.save()
    as_alice.force_login(alice)
    services.assessment_sign(
        actor=alice,
        organization=carrier_a,
        assessment=a,
        step="approved",
        signer_name="Alice",
        password="pw-alice-123",
    )
    Incident.objects.create(
        organization=carrier_a,
        reference="INC-1",
        kind="theft",
        summary="Trailer stolen",
        discovered_at=timezone.now(),
        discovered_by="Bob",
        location="Yard",
    )
    page = as_alice.get(f"/o/{carrier_a.code}/risk/")
    assert (
        "Incident INC-1 (Cargo theft) was recorded after the assessment was approved."
        in page.content.decode()
    )


def test_a_high_risk_partner_added_after_approval_prompts_an_early_review(
    as_alice: Client, alice: Any, carrier_a: Any, ctpat: Any
) -> None:
    from borderpro.partners.tests.factories import partner_for

    partner_for(carrier_a, "Before Approval Hauling", kind="sub_carrier", country="MX")
    a = assessment_for(carrier_a)
    _complete(a)
    alice.set_password("pw-alice-123")
    alice.save()
    as_alice.force_login(alice)
    services.assessment_sign(
        actor=alice,
        organization=carrier_a,
        assessment=a,
        step="approved",
        signer_name="Alice",
        password="pw-alice-123",
    )
    partner_for(carrier_a, "Frontera Hauling", kind="sub_carrier", country="MX")  # high
    partner_for(carrier_a, "Maple Shipper", kind="shipper", country="CA")  # medium
    page = as_alice.get(f"/o/{carrier_a.code}/risk/").content.decode()
    assert "High-risk partner" in page
    assert "Frontera Hauling, rated high risk, joined the partner register" in page
    assert "Maple Shipper" not in page and "Before Approval Hauling" not in page


def test_every_step_renders_for_a_viewer_without_edit_forms(
    carrier_a: Any, ctpat: Any, user_factory: Any
) -> None:
    from borderpro.organizations.tests.factories import MembershipFactory

    viewer = MembershipFactory(organization=carrier_a, role="viewer").user
    client = Client()
    client.force_login(viewer)
    a = assessment_for(carrier_a)
    _complete(a)
    for step in ("", "map", "threats", "vulnerabilities", "risks", "actions", "compare"):
        page = client.get(url(a, step))
        assert page.status_code == 200, step
        assert (
            b'name="flow-name"' not in page.content and b'name="signer_name"' not in page.content
        ), step


def test_lists_keep_a_constant_query_count(as_alice: Client, carrier_a: Any, ctpat: Any) -> None:
    a = assessment_for(carrier_a)
    flow_for(a)
    action_for(a)

    def count(path: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert as_alice.get(path).status_code == 200
        return len(ctx)

    as_alice.get(f"/o/{carrier_a.code}/")  # the first view also remembers the organization
    before = {s: count(url(a, s)) for s in ("map", "actions", "risks", "threats")}
    before["list"] = count(f"/o/{carrier_a.code}/risk/")
    for i in range(5):
        flow_for(a, name=f"Lane {i}")
        action_for(a, title=f"Action {i}")
        rating_for(a, "cyber", 1, flow=Flow.objects.get(assessment=a, name=f"Lane {i}"))
        assessment_for(carrier_a, year=2020 + i)
    after = {s: count(url(a, s)) for s in ("map", "actions", "risks", "threats")}
    after["list"] = count(f"/o/{carrier_a.code}/risk/")
    assert after == before


def test_exports_pdf_and_word_in_both_languages(
    as_alice: Client, carrier_a: Any, ctpat: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from borderpro.common.models import Job

    a = assessment_for(carrier_a)
    _complete(a)
    for language, fmt in (("en", "pdf"), ("fr", "docx")):
        with django_capture_on_commit_callbacks(execute=True):
            response = as_alice.post(url(a, "export"), {"language": language, "format": fmt})
        assert response.status_code == 302
        job = Job.objects.filter(organization=carrier_a).latest("created_at")
        assert job.status == "succeeded", job.error
        data = job.result_file.read()
        assert data.startswith(b"%PDF" if fmt == "pdf" else b"PK")
    assert as_alice.post(url(a, "export"), {"language": "de", "format": "pdf"}).status_code == 302


def _annual_review_requirement(framework: Any) -> Any:
    """C-TPAT highway 2.3 (annual review of the risk assessment), which the approved
    assessment proves."""
    from borderpro.catalogue.models import Category, Requirement

    category = Category.objects.create(
        framework=framework, code="2", title_en="Risk", title_fr="Risque", position=9
    )
    return Requirement.objects.create(
        framework=framework,
        category=category,
        ref="CTPAT-HC-2.3",
        level="must",
        title_en="Annual review",
        title_fr="Revue annuelle",
        gist_en="g",
        gist_fr="g",
        evidence_en="e",
        evidence_fr="e",
        review="annual",
        source_url="https://example.org",
        confidence="confirmed",
        position=99,
    )


def test_the_profile_shows_the_approved_assessment_as_proof(
    as_alice: Client, alice: Any, carrier_a: Any, ctpat: Any
) -> None:
    from django.urls import reverse

    requirement = _annual_review_requirement(ctpat)
    response = response_for(carrier_a, requirement)
    page_url = reverse(
        "profiles:response", kwargs={"org_code": carrier_a.code, "response_id": response.pk}
    )
    assert "approved" not in as_alice.get(page_url).content.decode().split("Evidence", 1)[1][:400]
    a = assessment_for(carrier_a, year=2026)
    _complete(a)
    services._sign(
        actor=alice, organization=carrier_a, assessment=a, step="approved", signer_name="Alice"
    )
    page = as_alice.get(page_url).content.decode()
    assert "Risk assessment 2026, approved" in page and url(a, "") in page


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Risk assessment 2026, approved"), ("fr", "Évaluation des risques 2026, approuvée")],
)
def test_the_application_package_references_the_approved_assessment_and_ships_its_report(
    alice: Any, carrier_a: Any, ctpat: Any, language: str, title: str
) -> None:
    """Issue #14 point 8: the package's requirement entry lists the approved assessment as
    its proof (PDF and Word), and the ZIP carries the assessment's report, through the
    proofs registry (profiles never imports risk)."""
    import io
    import subprocess
    import zipfile

    from docx import Document

    from borderpro.profiles.services.package import package_build

    requirement = _annual_review_requirement(ctpat)
    response_for(
        carrier_a, requirement, status="implemented", narrative="We review it every spring."
    )
    draft = package_build(actor=alice, organization=carrier_a, framework=ctpat, language=language)
    assert title not in str(draft.content)
    with zipfile.ZipFile(draft.bundle.open("rb")) as archive:
        assert not [n for n in archive.namelist() if n.startswith("proofs/")]

    a = assessment_for(carrier_a, year=2026)
    _complete(a)
    services._sign(
        actor=alice, organization=carrier_a, assessment=a, step="approved", signer_name="Alice"
    )
    snapshot = package_build(
        actor=alice, organization=carrier_a, framework=ctpat, language=language
    )
    (item,) = [i for c in snapshot.content["categories"] for i in c["items"] if i["answered"]]
    assert item["proofs"][0]["title"] == title
    assert item["proofs"][0]["path"] == "proofs/risk-assessment-2026.pdf"
    pdf = subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=snapshot.pdf.open("rb").read(),
        capture_output=True,
        check=True,
    ).stdout.decode()
    flat = " ".join(pdf.split())
    assert title in flat and "proofs/risk-assessment-2026.pdf" in flat
    word = "\n".join(
        p.text for p in Document(io.BytesIO(snapshot.docx.open("rb").read())).paragraphs
    )
    assert title in word and "proofs/risk-assessment-2026.pdf" in word
    with zipfile.ZipFile(snapshot.bundle.open("rb")) as archive:
        report_pdf = archive.read("proofs/risk-assessment-2026.pdf")
    assert report_pdf.startswith(b"%PDF")
    heading = "Supply chain security risk assessment 2026" if language == "en" else "2026"
    report_text = subprocess.run(
        ["pdftotext", "-l", "1", "-", "-"], input=report_pdf, capture_output=True, check=True
    ).stdout.decode()
    assert heading in " ".join(report_text.split())


def test_the_threat_library_links_cbsa_in_french_and_shows_how_sure_each_source_is(
    as_alice: Client, alice: Any, carrier_a: Any, ctpat: Any
) -> None:
    """#21.9: source links follow the reader's language; confidence labels are the common ones."""
    a = assessment_for(carrier_a)
    alice.language = "fr"
    alice.save()
    page = as_alice.get(url(a, "threats")).content.decode()
    assert "standards-normes-fra.html" in page and "standards-normes-eng.html" not in page
    assert "Source tierce" in page


@pytest.mark.parametrize(
    ("language", "title", "sections", "page"),
    [
        (
            "en",
            "Supply chain security risk assessment 2026",
            [
                "Scope",
                "Participants",
                "Method",
                "Cargo and data flows",
                "Threats",
                "Vulnerabilities",
                "Heat map and risk register",
                "Action plan",
                "Approvals",
            ],
            "Page 1 of",
        ),
        (
            "fr",
            "Évaluation des risques pour la sécurité de la chaîne d'approvisionnement 2026",
            [
                "Portée",
                "Participants",
                "Méthode",
                "Flux du fret et des données",
                "Menaces",
                "Vulnérabilités",
                "Carte de chaleur et registre des risques",
                "Plan d'action",
                "Approbations",
            ],
            "Page 1 de",
        ),
    ],
)
def test_the_report_reads_as_a_validator_expects(
    alice: Any, carrier_a: Any, ctpat: Any, language: str, title: str, sections: list, page: str
) -> None:
    """#14 Done when: the written risk assessment, EN and FR, PDF and Word: the company's
    letterhead, the title, the nine sections of the five-step method in order, the action
    plan with owners, and the approval with who signed and the hash of what was approved."""
    import io
    import subprocess

    from docx import Document

    from borderpro.risk import report

    a = assessment_for(carrier_a, year=2026)
    _complete(a)
    services._sign(
        actor=alice, organization=carrier_a, assessment=a, step="approved", signer_name="Alice"
    )
    approval = Approval.objects.get(assessment=a)
    context = report.report_context(a, language)
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=report.render_report_pdf(a, context),
        capture_output=True,
        check=True,
    ).stdout.decode()
    flat = " ".join(text.split())
    assert flat.startswith(carrier_a.legal_name or carrier_a.name)
    assert title in flat and page in flat
    body = flat.split(f"9. {sections[-1]}")[0]  # past the table of contents
    positions = [flat.rindex(f"{n}. {s}") for n, s in enumerate(sections, start=1)]
    assert positions == sorted(positions), "sections out of order"
    assert body and "Dispatch lead" in flat and "Alice" in flat
    assert approval.content_sha256 in flat.replace(" ", "")
    word = Document(io.BytesIO(report.render_report_docx(a, context)))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert [h for h in headings if h[:2].rstrip(".").isdigit()] == [
        f"{n}. {s}" for n, s in enumerate(sections, start=1)
    ]


def test_the_standard_method_reads_in_the_reports_language_and_a_rewritten_one_stays(
    carrier_a: Any, ctpat: Any
) -> None:
    """An English company's French report states the standard five-step method in French
    (it is our text, not theirs); a method the assessor rewrote is theirs and stays."""
    from borderpro.risk import report

    a = assessment_for(carrier_a)
    assert a.method.startswith("The assessment follows the five-step method")
    french = report.report_context(a, "fr")["c"]["method"]
    assert french.startswith("L’évaluation") or french.startswith("L'évaluation"), french
    assert report.report_context(a, "en")["c"]["method"] == a.method
    a.method = "We walk every lane with the drivers, then score it with the broker."
    a.save()
    assert report.report_context(a, "fr")["c"]["method"] == a.method


def test_an_overdue_yearly_review_is_prompted_with_its_date_once(
    as_alice: Client, alice: Any, carrier_a: Any, ctpat: Any
) -> None:
    from django.utils.formats import date_format

    a = assessment_for(carrier_a, year=2024, period_start=date(2024, 1, 1))
    _complete(a)
    services._sign(
        actor=alice, organization=carrier_a, assessment=a, step="approved", signer_name="Alice"
    )
    due = date(2025, 2, 20)
    Assessment.objects.filter(pk=a.pk).update(review_due_on=due)
    text = " ".join(as_alice.get(f"/o/{carrier_a.code}/risk/").content.decode().split())
    day = date_format(due, "DATE_FORMAT")
    assert f"The yearly review was due on {day}." in text
    assert text.count(day) == 2, "the date is said once in the prompt, once in the list"
