"""Reads of the policies module. Every selector takes the tenant explicitly."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from borderpro.policies import library
from borderpro.policies.models import (
    Acknowledgement,
    Approval,
    Document,
    DocumentVersion,
    LibraryTemplate,
    text_sha256,
)

CURRENT = (
    Document.Status.DRAFT,
    Document.Status.IN_REVIEW,
    Document.Status.APPROVED,
    Document.Status.PUBLISHED,
)
SIGNED = (Document.Status.APPROVED, Document.Status.PUBLISHED)


def consultancies_of(organization: Any) -> list[Any]:
    from borderpro.organizations.models import ClientLink

    return [
        link.consultancy
        for link in ClientLink.objects.filter(client=organization).select_related("consultancy")
    ]


def templates_offered(organization: Any) -> list[library.Template]:
    """Border Pro's templates, with the ones a client's consultancy offers in their place (same
    key) or in addition; for a consultancy, its own library over the shipped one."""
    by_key = {t.key: t for t in library.builtin()}
    owners = [organization] if organization.is_consultancy else consultancies_of(organization)
    for owner in owners:
        rows = LibraryTemplate._base_manager.filter(organization=owner)
        if not organization.is_consultancy:
            rows = rows.filter(offered=True)
        for row in rows:
            base = by_key.get(row.key)
            t = library.from_model(row, owner.code)
            by_key[row.key] = library.Template(
                **{**t.__dict__, "position": base.position if base else 100}
            )
    return sorted(by_key.values(), key=lambda t: (t.position, t.key))


def template_by_key(organization: Any, key: str) -> library.Template | None:
    return next((t for t in templates_offered(organization) if t.key == key), None)


def documents(organization: Any, *, current: bool = True) -> Any:
    qs = Document.objects.filter(organization=organization)
    if current:
        qs = qs.filter(status__in=CURRENT)
    return qs.order_by("position", "title")


@dataclass(frozen=True)
class SignatureCheck:
    approval: Approval
    text_matches: bool  # the signed version's stored text still hashes to what was signed
    is_current: bool  # it signed the document's current version

    @property
    def valid(self) -> bool:
        return self.text_matches and self.is_current


def signature_checks(document: Document) -> list[SignatureCheck]:
    """Every signature of the document, each checked against the text of the version it
    signed: a changed text shows as invalid."""
    approvals = list(Approval.objects.filter(document=document).order_by("seq"))
    bodies = dict(DocumentVersion.objects.filter(document=document).values_list("number", "body"))
    current_hash = text_sha256(document.body)
    return [
        SignatureCheck(
            approval=a,
            text_matches=text_sha256(bodies.get(a.version, "")) == a.content_sha256,
            is_current=a.version == document.version and current_hash == a.content_sha256,
        )
        for a in approvals
    ]


def approval_is_valid(document: Document) -> bool:
    """The current text carries a valid approval."""
    return any(
        c.valid and c.approval.step == Approval.Step.APPROVED for c in signature_checks(document)
    )


def validly_approved(docs: list[Document]) -> set[Any]:
    """Ids of the documents whose current text carries a valid approval (two queries)."""
    ids = [d.pk for d in docs]
    bodies = {
        (doc, n): text_sha256(body)
        for doc, n, body in DocumentVersion.objects.filter(document_id__in=ids).values_list(
            "document_id", "number", "body"
        )
    }
    current = {d.pk: (d.version, text_sha256(d.body)) for d in docs}
    out = set()
    for doc_id, version, digest in Approval.objects.filter(
        document_id__in=ids, step=Approval.Step.APPROVED
    ).values_list("document_id", "version", "content_sha256"):
        if bodies.get((doc_id, version)) == digest and current[doc_id] == (version, digest):
            out.add(doc_id)
    return out


def diff_html(old: str, new: str, old_label: str, new_label: str) -> SafeString:
    """A side-by-side readable diff of two texts. ``difflib.HtmlDiff`` escapes ``&``, ``<``
    and ``>`` in every line; the two labels are escaped here."""
    table = difflib.HtmlDiff(wrapcolumn=70).make_table(
        old.splitlines(),
        new.splitlines(),
        escape(old_label),
        escape(new_label),
        context=True,
        numlines=2,
    )
    return mark_safe(table)  # noqa: S308 — lines escaped by HtmlDiff, labels above


@dataclass(frozen=True)
class CoverageRow:
    ref: str
    title: str
    framework: str
    documents: list[Document]
    approved: bool


def coverage(organization: Any) -> list[CoverageRow]:
    """Every catalogue requirement that needs a written procedure, with the documents answering it."""
    from borderpro.catalogue.models import Requirement

    docs = list(documents(organization))
    by_ref: dict[str, list[Document]] = {}
    for d in docs:
        for ref in d.refs:
            by_ref.setdefault(ref, []).append(d)
    reqs = (
        Requirement.objects.filter(
            procedure_required=True, framework__owner__isnull=True, framework__is_current=True
        )
        .exclude(framework__code="INSP")
        .select_related("framework")
        .order_by("framework__code", "position")
    )
    rows = []
    for r in reqs:
        answering = by_ref.get(r.ref, [])
        rows.append(
            CoverageRow(
                ref=r.ref,
                title=str(r.title),
                framework=str(r.framework.short_name),
                documents=answering,
                approved=any(d.status in SIGNED for d in answering),
            )
        )
    return rows


@dataclass(frozen=True)
class AckRow:
    document: Document
    expected: int
    done: int
    missing: list[Any]


def acknowledgement_report(organization: Any) -> list[AckRow]:
    """For each published document: the active employees of its roles who have not
    acknowledged the published version."""
    from borderpro.people.models import Employee

    employees = list(Employee.objects.filter(organization=organization, active=True))
    published = list(documents(organization).filter(status=Document.Status.PUBLISHED))
    acks: dict[tuple[Any, int], set[Any]] = {}
    for doc_id, version, emp in Acknowledgement.objects.filter(
        organization=organization, document__in=published
    ).values_list("document_id", "version", "employee_id"):
        acks.setdefault((doc_id, version), set()).add(emp)
    rows = []
    for d in published:
        concerned = [e for e in employees if not d.applies_to or e.role in d.applies_to]
        done = acks.get((d.pk, d.version), set())
        missing = [e for e in concerned if e.pk not in done]
        rows.append(AckRow(d, len(concerned), len(concerned) - len(missing), missing))
    return rows


def due_for_review(organization: Any, today: date) -> list[Document]:
    return [d for d in documents(organization).filter(status__in=SIGNED) if d.review_is_due(today)]
