"""The application package: what it says (content), built into files (see ``documents``)
and kept as a dated snapshot with hashes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from borderpro.catalogue.models import Framework, Level, pick
from borderpro.common.documents import format_money
from borderpro.common.ids import uuid7
from borderpro.common.proofs import Proof, proofs_for
from borderpro.organizations.activity import activity_record
from borderpro.profiles.models import (
    CarrierProfile,
    LineOfBusiness,
    Mode,
    PackageSnapshot,
    SecurityProfile,
    Status,
)
from borderpro.profiles.selectors.profile import profile_rows
from borderpro.profiles.selectors.workspace import (
    Workspace,
    frameworks_pursued,
    workspace_build,
)
from borderpro.profiles.services.documents import (
    PackageOptions,
    render_bundle,
    render_docx,
    render_pdf,
)
from borderpro.profiles.services.profile import PROFILE_FIELDS, profile_for

# Every profile field except the two lists, which get their labels below.
PROFILE_KEYS = tuple(f for f in PROFILE_FIELDS if f not in ("lines_of_business", "modes"))


def _text(value: Any) -> str:
    """A profile value as the reader reads it: Yes/No, dates in the language's format, money
    as currency ("$25,000.00" / "25 000,00 $")."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, Decimal):
        return format_money(value)
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def is_answered(status: str, narrative: str, justification: str) -> bool:
    """A requirement the package can state: a narrative, or a justified "not applicable"."""
    if status == Status.NOT_APPLICABLE:
        return bool(justification.strip())
    return bool(narrative.strip()) and status not in (Status.NOT_STARTED, Status.NOT_IMPLEMENTED)


def evidence_path(ref: str, n: int, title: str, file: str) -> str:
    """Where an evidence file sits in the package ZIP (the reference printed in the documents)."""
    return f"evidence/{ref}/{n:02d}-{slugify(title)[:50] or 'file'}-{file}"


def _profile_content(organization: Any, profile: CarrierProfile) -> dict[str, Any]:
    rows = profile_rows(organization)
    fields = {}
    for key in PROFILE_KEYS:
        label = str(getattr(CarrierProfile._meta.get_field(key), "verbose_name", key))
        fields[key] = {
            "label": label[:1].upper() + label[1:],
            "value": _text(getattr(profile, key)),
        }
    fields["lines_of_business"] = {
        "label": _("Lines of business"),
        "value": ", ".join(
            str(LineOfBusiness(v).label)
            for v in profile.lines_of_business
            if v in LineOfBusiness.values
        ),
    }
    fields["modes"] = {
        "label": _("Modes"),
        "value": ", ".join(str(Mode(v).label) for v in profile.modes if v in Mode.values),
    }
    return {
        "fields": fields,
        "divisions": [{"name": d.name, "description": d.description} for d in rows["divisions"]],
        "sites": [
            {
                "name": s.name,
                "kind": str(s.get_kind_display()),
                "address": s.address,
                "activity": s.activity,
                "hours": s.hours,
                "security_features": s.security_features,
            }
            for s in rows["sites"]
        ],
        "safety": [
            {
                "jurisdiction": n.jurisdiction,
                "kind": str(n.get_kind_display()),
                "number": n.number,
                "rating": str(n.get_rating_display()) if n.rating else "",
            }
            for n in rows["safety_numbers"]
        ],
    }


def package_workspace(
    organization: Any, framework: Framework, security_profile: SecurityProfile | None = None
) -> Workspace:
    """The responses a package states: one security profile's (default: the main one) answers
    for ``framework`` today."""
    from borderpro.profiles.services.divisions import security_profile_main

    profile = profile_for(organization)
    return workspace_build(
        organization,
        framework,
        today=organization.local_today(),
        modes=profile.modes or ["highway"],
        pursued=frameworks_pursued(organization),
        security_profile=security_profile or security_profile_main(organization),
    )


def _proof(proof: Proof) -> dict[str, Any]:
    """A record of another module that proves the requirement (e.g. the approved risk
    assessment), with where its document sits in the ZIP when it has one."""
    return {
        "title": proof.title,
        "day": proof.day.isoformat() if proof.day else "",
        "note": proof.note,
        "stale": proof.stale,
        "path": proof.package_path,
    }


def _item(row: Any, language: str, organization: Any) -> dict[str, Any]:
    req, eff = row.requirement, row.effective
    return {
        "ref": req.ref,
        "title": pick(req, "title", language),
        "level": req.level,
        "level_label": str(Level(req.level).label) if req.level in Level.values else req.level,
        "status": eff.status,
        "status_label": str(Status(eff.status).label),
        "answered": is_answered(eff.status, eff.narrative, eff.justification),
        "narrative": eff.narrative,
        "justification": eff.justification,
        "reused_from": row.reused_from.ref if row.reused_from else "",
        "evidence": [
            {
                "id": str(e.pk),
                "title": e.title,
                "file": e.original_name,
                "path": evidence_path(req.ref, n, e.title, e.original_name),
                "sha256": e.sha256,
                "document_date": e.document_date.isoformat() if e.document_date else "",
                "expires_on": e.expires_on.isoformat() if e.expires_on else "",
            }
            for n, e in enumerate(row.evidence, start=1)
        ],
        "proofs": [_proof(p) for p in proofs_for(organization, req.ref)],
    }


def package_content(
    *,
    organization: Any,
    framework: Framework,
    language: str,
    workspace: Workspace | None = None,
    security_profile: SecurityProfile | None = None,
) -> dict[str, Any]:
    """Everything the package of one security profile (default: the main one) says, as plain
    JSON (also what later changes are compared with).

    ``workspace`` is the source of the responses (default: :func:`package_workspace`)."""
    from borderpro.profiles.services.divisions import security_profile_main

    security_profile = security_profile or security_profile_main(organization)
    with translation.override(language):
        profile = profile_for(organization)
        ws = workspace or package_workspace(organization, framework, security_profile)
        categories = [
            {
                "code": block.category.code,
                "title": pick(block.category, "title", language),
                "score": block.score,
                "done": block.done,
                "total": block.total,
                "items": [_item(row, language, organization) for row in block.rows],
            }
            for block in ws.blocks
        ]
        return {
            "format": 2,
            "language": language,
            "framework": {
                "code": framework.code,
                "edition": framework.edition,
                "name": pick(framework, "name", language),
                "authority": pick(framework, "authority", language),
            },
            "organization": organization.legal_name or organization.name,
            "security_profile": {"code": security_profile.code, "name": security_profile.name},
            "readiness": ws.score,
            "must_score": ws.must_score,
            "should_score": ws.should_score,
            "profile": _profile_content(organization, profile),
            "categories": categories,
        }


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _proof_files(organization: Any, content: dict[str, Any]) -> dict[str, Callable[[], bytes]]:
    """The documents of the proofs the package references (answered requirements only), by
    their path in the ZIP; each made once, in the package's language, when the ZIP is written."""
    refs = {
        i["ref"]
        for c in content["categories"]
        for i in c["items"]
        if i["answered"] and any(p["path"] for p in i["proofs"])
    }
    language = content["language"]
    files: dict[str, Callable[[], bytes]] = {}
    for ref in sorted(refs):
        for proof in proofs_for(organization, ref):
            build = proof.file
            if build is not None and proof.package_path and proof.package_path not in files:
                files[proof.package_path] = lambda build=build: build(language)  # type: ignore[misc]
    return files


def package_build(
    *,
    actor: Any,
    organization: Any,
    framework: Framework,
    language: str,
    variant: str = PackageSnapshot.Variant.SUBMISSION,
    unanswered: str = PackageSnapshot.Unanswered.OMIT,
    workspace: Workspace | None = None,
    report: Callable[..., None] | None = None,
    security_profile: SecurityProfile | None = None,
) -> PackageSnapshot:
    """Build the package files of one security profile (default: the main one) and keep them
    as a snapshot. Files are written before the row.

    ``variant``: the submission copy (the company's document: answered requirements with
    their evidence) or the internal gap report (adds the readiness score, the chart and the
    per-category readiness). ``unanswered``: leave requirements not yet answered out, or
    list them in an appendix."""
    from borderpro.evidence.models import EvidenceFile
    from borderpro.profiles.charts import readiness_svg
    from borderpro.profiles.models import ReadinessPoint
    from borderpro.profiles.services.divisions import security_profile_main

    options = PackageOptions(variant=variant, unanswered=unanswered)
    step = report or (lambda **kw: None)
    security_profile = security_profile or security_profile_main(organization)
    content = package_content(
        organization=organization,
        framework=framework,
        language=language,
        workspace=workspace,
        security_profile=security_profile,
    )
    shipped = [
        e for c in content["categories"] for i in c["items"] if i["answered"] for e in i["evidence"]
    ]
    total = len(shipped) + 3
    step(done=1, total=total, message=_("Writing the PDF…"))
    chart = ""
    if options.is_gap_report:
        points = list(
            ReadinessPoint.objects.filter(
                organization=organization, framework=framework, security_profile=security_profile
            ).order_by("day")[:400]
        )
        with translation.override(language):
            chart = str(readiness_svg(points))
    pdf = render_pdf(content, organization=organization, options=options, chart=chart)
    step(done=2, total=total, message=_("Writing the Word document…"))
    docx = render_docx(content, organization=organization, options=options)
    ids = {e["id"] for e in shipped}
    files = {
        str(e.pk): e for e in EvidenceFile.objects.filter(organization=organization, pk__in=ids)
    }

    def open_file(evidence_id: str) -> bytes:
        with files[evidence_id].file.open("rb") as handle:
            return handle.read()

    bundle, count = render_bundle(
        content,
        pdf=pdf,
        docx=docx,
        open_file=open_file,
        proof_files=_proof_files(organization, content),
        report=lambda n: step(done=2 + n, total=total, message=_("Adding evidence files…")),
    )
    snapshot = PackageSnapshot(
        id=uuid7(),
        organization=organization,
        security_profile=security_profile,
        framework=framework,
        language=language,
        variant=options.variant,
        unanswered=options.unanswered,
        content=content,
        content_sha256=content_hash(content),
        pdf_sha256=_sha(pdf),
        docx_sha256=_sha(docx),
        bundle_sha256=_sha(bundle),
        readiness=content["readiness"],
        evidence_count=count,
        created_by=actor,
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    kind = "gaps" if options.is_gap_report else "profile"
    division = "" if security_profile.is_primary else f"{security_profile.code[:20].rstrip('-')}-"
    base = f"{organization.code}-{division}{framework.code.lower()[:12]}-{kind}-{language}-{stamp}"
    snapshot.pdf.save(f"{base}.pdf", ContentFile(pdf), save=False)
    snapshot.docx.save(f"{base}.docx", ContentFile(docx), save=False)
    snapshot.bundle.save(f"{base}.zip", ContentFile(bundle), save=False)
    snapshot.full_clean()
    snapshot.save()
    activity_record(
        organization=organization,
        actor=actor,
        verb="package.built",
        target=snapshot,
        language=language,
    )
    step(done=total, total=total, message=_("Done"))
    return snapshot
