"""Reviews: the checklist (requirements, a reproducible record sample, stale evidence),
findings and corrective actions verified by someone else, completion, and tenancy."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from borderpro.evidence.tests.factories import evidence_for
from borderpro.operations.tests.factories import inspection_for
from borderpro.reviews import checklist, services
from borderpro.reviews.models import ChecklistItem, CorrectiveAction, Finding, Review
from borderpro.reviews.tests.factories import action_for, finding_for, review_for

pytestmark = pytest.mark.django_db
PERIOD = {"period_start": date(2026, 1, 1), "period_end": date(2026, 11, 30)}


def _inspections(org: Any, n: int) -> list[Any]:
    return [
        inspection_for(org, inspected_at=datetime(2026, 1 + i % 10, 1 + i % 27, 14, tzinfo=UTC))
        for i in range(n)
    ]


def test_checklist_has_requirements_sample_and_stale_evidence(ctpat: Any, carrier_a: Any) -> None:
    _inspections(carrier_a, 12)
    evidence_for(carrier_a, title="Old seal procedure", document_date=date(2024, 5, 1))
    review = review_for(carrier_a, sample_size=4, **PERIOD)
    by_category = {c: list(review.items.filter(category=c)) for c in ChecklistItem.Category.values}
    applicable, _score = checklist.requirement_rows(carrier_a, review.framework)
    assert len(by_category["requirement"]) == len(applicable) > 0
    assert {i.requirement.framework_id for i in by_category["requirement"]} == {review.framework_id}
    inspections = [i for i in by_category["record"] if i.source == "operations.inspections"]
    assert len(inspections) == 4
    assert [i.title for i in by_category["freshness"]] == ["Renew or confirm “Old seal procedure”"]
    assert "seed 42" in review.sample_method
    assert "Conveyance inspections: 4 of 12 records" in review.sample_method
    assert review.readiness is not None


def test_the_same_seed_draws_the_same_sample(ctpat: Any, carrier_a: Any) -> None:
    _inspections(carrier_a, 15)

    def refs(review: Review) -> list[str]:
        return list(review.items.filter(category="record").values_list("ref", flat=True))

    first = review_for(carrier_a, sample_seed=7, **PERIOD)
    again = review_for(carrier_a, sample_seed=7, **PERIOD)
    other = review_for(carrier_a, sample_seed=8, **PERIOD)
    assert refs(first) == refs(again)
    assert refs(first) != refs(other)


def test_the_checklist_is_not_regenerated_once_checked(ctpat: Any, carrier_a: Any) -> None:
    review = review_for(carrier_a)
    item = review.items.first()
    services.item_record(actor=None, organization=carrier_a, item=item, result="met")
    with pytest.raises(ValidationError, match="already recorded"):
        services.checklist_generate(review=review)
    assert review.items.count() == 6


def test_not_met_needs_a_note(ctpat: Any, carrier_a: Any, as_alice: Any) -> None:
    review = review_for(carrier_a)
    item = review.items.first()
    url = reverse("reviews:item", args=[carrier_a.code, item.pk])
    response = as_alice.post(url, {"result": "not_met", "notes": ""})
    assert response.status_code == 400
    assert "Say what was not met." in response.content.decode()
    item.refresh_from_db()
    assert item.result == "not_checked"


def test_owner_cannot_verify_their_own_action(carrier_a: Any, alice: Any, carol: Any) -> None:
    review = review_for(carrier_a)
    action = action_for(finding_for(review), owner=alice)
    proof = evidence_for(carrier_a, title="Briefing sheet")
    with pytest.raises(ValidationError) as refused:
        services.action_update(actor=alice, organization=carrier_a, action=action, status="done")
    assert set(refused.value.message_dict) == {"completed_on", "closure_note", "closure_evidence"}
    services.action_update(
        actor=alice,
        organization=carrier_a,
        action=action,
        status="done",
        completed_on=date(2026, 11, 2),
        closure_note="Procedure updated",
        closure_evidence=proof,
    )
    with pytest.raises(ValidationError, match="owner of an action cannot verify"):
        services.action_verify(actor=alice, organization=carrier_a, action=action)
    services.action_verify(actor=carol, organization=carrier_a, action=action)
    action.refresh_from_db()
    assert action.status == "verified" and action.verified_by == carol


def test_the_database_refuses_a_verification_by_the_owner(carrier_a: Any, alice: Any) -> None:
    action = action_for(finding_for(review_for(carrier_a)), owner=alice)
    with pytest.raises(IntegrityError), transaction.atomic():
        CorrectiveAction.objects.filter(pk=action.pk).update(verified_by=alice)


def test_the_owner_sees_no_verify_button_and_a_post_is_refused(
    carrier_a: Any, alice: Any, as_alice: Any
) -> None:
    action = action_for(finding_for(review_for(carrier_a)), owner=alice)
    proof = evidence_for(carrier_a, title="Briefing sheet")
    services.action_update(
        actor=alice,
        organization=carrier_a,
        action=action,
        status="done",
        completed_on=date(2026, 11, 2),
        closure_note="Done",
        closure_evidence=proof,
    )
    url = reverse("reviews:action", args=[carrier_a.code, action.pk])
    page = as_alice.get(url).content.decode()
    assert "Verify the closure" not in page
    response = as_alice.post(url, {"verify": "1"}, follow=True)
    assert "cannot verify" in response.content.decode()
    action.refresh_from_db()
    assert action.status == "done"


def test_completing_needs_every_item_checked_and_a_summary(ctpat: Any, carrier_a: Any) -> None:
    review = review_for(carrier_a)
    with pytest.raises(ValidationError, match="not checked yet"):
        services.review_complete(actor=None, organization=carrier_a, review=review, summary="x")
    for item in review.items.all():
        services.item_record(actor=None, organization=carrier_a, item=item, result="met")
    with pytest.raises(ValidationError):
        services.review_complete(actor=None, organization=carrier_a, review=review, summary=" ")
    services.review_complete(actor=None, organization=carrier_a, review=review, summary="Good.")
    review.refresh_from_db()
    assert review.status == "completed"
    with pytest.raises(ValidationError, match="completed"):
        finding_for(review)


def test_start_a_review_from_the_page(ctpat: Any, carrier_a: Any, carol: Any) -> None:
    from conftest import login

    client = login(carol)
    url = reverse("reviews:list", args=[carrier_a.code])
    bad = client.post(
        url,
        {
            "new-kind": "self_review",
            "new-title": "Mock",
            "new-period_start": "2026-06-01",
            "new-period_end": "2026-01-01",
            "new-sample_size": "5",
        },
    )
    assert bad.status_code == 400
    assert "The period must end on or after the day it starts." in bad.content.decode()
    assert not Review.objects.exists()
    ok = client.post(
        url,
        {
            "new-kind": "mock_validation",
            "new-title": "Mock validation 2026",
            "new-period_start": "2026-01-01",
            "new-period_end": "2026-11-30",
            "new-sample_size": "5",
        },
    )
    review = Review.objects.get()
    assert ok.status_code == 302 and ok["Location"].endswith(f"/reviews/{review.pk}/")
    page = client.get(ok["Location"]).content.decode()
    assert "Mock validation 2026" in page and "CTPAT-HC-4.1" in page


def test_a_partner_audit_names_the_partner(carrier_a: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        review_for(carrier_a, kind=Review.Kind.PARTNER_AUDIT)
    assert "partner_name" in refused.value.message_dict
    assert not Review.objects.exists()


def test_agency_validation_records_findings_and_a_response_deadline(carrier_a: Any) -> None:
    from borderpro.reviews.deadlines import AGENCY_ACTION, RESPONSE, review_deadlines

    review = review_for(
        carrier_a,
        kind=Review.Kind.AGENCY_VALIDATION,
        title="CBP validation 2026",
        agency="cbp",
        agency_report_on=date(2026, 10, 1),
    )
    assert review.response_due_on == date(2026, 12, 30)
    finding = finding_for(review, origin=Finding.Origin.AGENCY, severity="critical")
    action_for(finding, agency_deadline=True, due_on=date(2027, 1, 15))
    deadlines = list(review_deadlines([carrier_a], date(2026, 12, 1), date(2027, 2, 1)))
    kinds = {d.kind: d.due for d in deadlines}
    assert kinds[RESPONSE] == date(2026, 12, 30)
    assert kinds[AGENCY_ACTION] == date(2027, 1, 15)


def test_outsiders_get_nothing(carrier_a: Any, as_charlie: Any, client: Any) -> None:
    review = review_for(carrier_a)
    url = reverse("reviews:review", args=[carrier_a.code, review.pk])
    assert as_charlie.get(url).status_code == 404
    assert client.get(url).status_code == 302
    api = f"/api/v1/o/{carrier_a.code}/reviews/"
    assert as_charlie.get(api).status_code == 404


def test_field_staff_cannot_see_reviews(carrier_a: Any, as_bob: Any) -> None:
    assert as_bob.get(reverse("reviews:list", args=[carrier_a.code])).status_code == 403


def test_a_finding_is_raised_from_an_item_not_met_with_a_chosen_severity(
    ctpat: Any, carrier_a: Any, as_carol: Any
) -> None:
    review = review_for(carrier_a)
    item = review.items.order_by("position").first()
    services.item_record(
        actor=None, organization=carrier_a, item=item, result="not_met", notes="No log"
    )
    url = reverse("reviews:review", args=[carrier_a.code, review.pk])
    page = as_carol.get(url).content.decode()
    assert f'href="?item={item.pk}#findings"' in page  # on the row of the item not met
    item_page = as_carol.get(reverse("reviews:item", args=[carrier_a.code, item.pk]))
    assert f"?item={item.pk}#findings" in item_page.content.decode()
    chosen = as_carol.get(f"{url}?item={item.pk}").content.decode()
    assert f'<option value="{item.pk}" selected>' in chosen
    # no severity is chosen for the user: a finding left as it opens is not "critical"
    assert '<option value="" selected>— choose —</option>' in chosen
    create = reverse("reviews:finding_create", args=[carrier_a.code, review.pk])
    typed = {"f-title": "Gate log gaps", "f-item": str(item.pk), "f-origin": "review"}
    refused = as_carol.post(create, typed)
    assert refused.status_code == 303  # back to the form, what was typed kept
    again = as_carol.get(refused["Location"]).content.decode()
    assert "This field is required." in again and "Gate log gaps" in again
    assert not Finding.objects.exists()
    as_carol.post(create, {**typed, "f-severity": "minor"})
    finding = Finding.objects.get()
    assert finding.item == item and finding.requirement == item.requirement


def test_a_report_already_made_shows_its_download_at_once(
    carrier_a: Any, as_alice: Any, django_capture_on_commit_callbacks: Any
) -> None:
    review = review_for(carrier_a)
    url = reverse("reviews:export", args=[carrier_a.code, review.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = as_alice.post(url, {"language": "en", "format": "pdf"})
    page = as_alice.get(response["Location"]).content.decode()
    from borderpro.common.models import Job

    job = Job.objects.get()
    assert job.status == "succeeded"
    assert reverse("organizations:job_download", args=[carrier_a.code, job.pk]) in page
