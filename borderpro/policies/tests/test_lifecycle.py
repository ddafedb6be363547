"""Lifecycle: draft → in review → approved → published → review due → superseded; the
officer's signature (typed name + password + hash of the exact text, hash-chained); a
signature on changed text is invalid; versions and their diff."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from borderpro.common.chain import chain_append  # noqa: F401 — the approvals use it
from borderpro.policies import deadlines, selectors, services
from borderpro.policies.models import Approval, Document, DocumentVersion, text_sha256
from borderpro.policies.tests.factories import document_for

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


def _approve(doc: Document, user: Any, password: str = PASSWORD) -> Approval:
    return services.document_sign(
        actor=user,
        organization=doc.organization,
        document=doc,
        step="approved",
        signer_name=user.full_name,
        password=password,
        signer_title="President",
    )


def test_the_officer_signs_with_name_password_time_and_the_hash_of_the_text(
    carrier_a: Any, alice: Any
) -> None:
    doc = document_for(carrier_a)
    with pytest.raises(ValidationError) as wrong:
        _approve(doc, alice, password="nope")
    assert wrong.value.message_dict == {"password": ["The password is not correct."]}
    with pytest.raises(ValidationError) as name:
        services.document_sign(
            actor=alice,
            organization=carrier_a,
            document=doc,
            step="approved",
            signer_name="Somebody Else",
            password=PASSWORD,
        )
    assert "Type your name as it is on your account" in str(name.value)
    assert Document.objects.get(pk=doc.pk).status == "draft"  # nothing half-saved

    approval = _approve(doc, alice)
    doc.refresh_from_db()
    assert doc.status == "approved"
    assert approval.content_sha256 == text_sha256(doc.body)
    assert approval.record_hash and approval.seq == 1
    assert approval.signer_name == "Alice" and approval.recorded_at is not None
    assert doc.review_due_on == carrier_a.local_today() + timedelta(days=365)
    assert selectors.approval_is_valid(doc)


def test_a_signature_on_changed_text_shows_as_invalid(carrier_a: Any, alice: Any) -> None:
    doc = document_for(carrier_a)
    _approve(doc, alice)
    # someone changes the stored text behind the application's back
    DocumentVersion.objects.filter(document=doc, number=1).update(body="Anything goes.")
    Document.objects.filter(pk=doc.pk).update(body="Anything goes.")
    doc.refresh_from_db()
    [check] = selectors.signature_checks(doc)
    assert not check.text_matches and not check.valid
    assert not selectors.approval_is_valid(doc)


def test_editing_an_approved_text_makes_a_new_draft_the_old_signature_does_not_cover(
    carrier_a: Any, alice: Any
) -> None:
    doc = document_for(carrier_a)
    _approve(doc, alice)
    services.document_edit(
        actor=alice,
        organization=carrier_a,
        document=doc,
        title=doc.title,
        body=doc.body + "\nMore.",
    )
    doc.refresh_from_db()
    assert (doc.status, doc.version) == ("draft", 2)
    [check] = selectors.signature_checks(doc)
    assert check.text_matches and not check.is_current and not check.valid


def test_submit_approve_publish_then_a_revision_supersedes_the_published_one(
    carrier_a: Any, alice: Any, carol: Any
) -> None:
    doc = document_for(carrier_a)
    services.document_sign(
        actor=carol,
        organization=carrier_a,
        document=doc,
        step="submitted",
        signer_name="Carol",
        password=PASSWORD,
    )
    assert Document.objects.get(pk=doc.pk).status == "in_review"
    _approve(doc, alice)
    with pytest.raises(ValidationError, match="already approved"):
        _approve(doc, alice)
    services.document_publish(actor=alice, organization=carrier_a, document=doc)
    revision = services.document_edit(
        actor=carol, organization=carrier_a, document=doc, title=doc.title, body="# Seals\n\nNew."
    )
    assert revision.pk != doc.pk and revision.replaces_id == doc.pk and revision.version == 2
    assert Document.objects.get(pk=doc.pk).status == "published"  # still in force
    assert list(revision.versions.order_by("number").values_list("number", flat=True)) == [1, 2]
    _approve(revision, alice)
    services.document_publish(actor=alice, organization=carrier_a, document=revision)
    assert Document.objects.get(pk=doc.pk).status == "superseded"
    with pytest.raises(ValidationError, match="superseded"):
        services.document_edit(
            actor=carol, organization=carrier_a, document=doc, title="x", body="y"
        )


def test_review_due_is_a_stage_and_a_deadline(carrier_a: Any, alice: Any) -> None:
    doc = document_for(carrier_a)
    _approve(doc, alice)
    doc.refresh_from_db()
    assert doc.review_due_on is not None
    assert doc.stage(doc.review_due_on)[0] == "review_due"
    assert doc.stage(doc.review_due_on - timedelta(days=1))[0] == "approved"
    found = list(deadlines.policy_deadlines([carrier_a], date(2000, 1, 1), date(2100, 1, 1)))
    assert [(d.kind, d.subject, d.due) for d in found] == [
        ("policies.review", doc.title, doc.review_due_on)
    ]


def test_an_empty_text_is_refused_and_nothing_is_saved(carrier_a: Any, alice: Any) -> None:
    doc = document_for(carrier_a)
    with pytest.raises(ValidationError) as refused:
        services.document_edit(
            actor=alice, organization=carrier_a, document=doc, title="T", body=" "
        )
    assert refused.value.message_dict == {"body": ["The text cannot be empty."]}
    assert DocumentVersion.objects.filter(document=doc).count() == 1


def test_the_diff_is_readable_and_escapes_html() -> None:
    html = selectors.diff_html(
        "Seal kept locked.\nSame line.", "Seal kept <script>x</script>.\nSame line.", "v1", "v<2>"
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "v&lt;2&gt;" in html
    assert "diff_chg" in html or "diff_add" in html


def test_acknowledgements_by_role_and_the_report_of_who_has_not(carrier_a: Any, alice: Any) -> None:
    from borderpro.people.tests.factories import employee_for

    driver = employee_for(carrier_a, "Dan Driver", role="driver")
    yard = employee_for(carrier_a, "Yan Yard", role="yard")
    employee_for(carrier_a, "Olga Office", role="office")  # seal control is not hers
    doc = document_for(carrier_a)
    with pytest.raises(ValidationError, match="Only a published document"):
        services.acknowledgements_record(
            actor=alice,
            organization=carrier_a,
            document=doc,
            employees=[driver],
            acknowledged_on=carrier_a.local_today(),
        )
    _approve(doc, alice)
    services.document_publish(actor=alice, organization=carrier_a, document=doc)
    n = services.acknowledgements_record(
        actor=alice,
        organization=carrier_a,
        document=doc,
        employees=[driver, driver],
        acknowledged_on=carrier_a.local_today(),
    )
    assert n == 1
    [row] = selectors.acknowledgement_report(carrier_a)
    assert (row.expected, row.done, [e.full_name for e in row.missing]) == (2, 1, ["Yan Yard"])
    assert yard in row.missing
