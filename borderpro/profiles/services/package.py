"""The application package: what it says (content), built into files (see ``documents``)
and kept as a dated snapshot with hashes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from borderpro.catalogue.models import Framework, pick
from borderpro.common.ids import uuid7
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
from borderpro.profiles.selectors.workspace import frameworks_pursued, workspace_build
from borderpro.profiles.services.documents import render_bundle, render_docx, render_pdf
from borderpro.profiles.services.profile import PROFILE_FIELDS, profile_for

# Every profile field except the two lists, which get their labels below.
PROFILE_KEYS = tuple(f for f in PROFILE_FIELDS if f not in ("lines_of_business", "modes"))


def _text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(value)


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


def package_content(
    *,
    organization: Any,
    framework: Framework,
    language: str,
    security_profile: SecurityProfile | None = None,
) -> dict[str, Any]:
    """Everything the package of one security profile (default: the main one) says, as plain
    JSON (also what later changes are compared with)."""
    from borderpro.profiles.services.divisions import security_profile_main

    security_profile = security_profile or security_profile_main(organization)
    with translation.override(language):
        profile = profile_for(organization)
        today = organization.local_today()
        ws = workspace_build(
            organization,
            framework,
            today=today,
            modes=profile.modes or ["highway"],
            pursued=frameworks_pursued(organization),
            security_profile=security_profile,
        )
        categories = []
        for block in ws.blocks:
            items = []
            for row in block.rows:
                req, eff = row.requirement, row.effective
                items.append(
                    {
                        "ref": req.ref,
                        "title": pick(req, "title", language),
                        "level": req.level,
                        "status": eff.status,
                        "status_label": str(Status(eff.status).label),
                        "narrative": eff.narrative,
                        "justification": eff.justification,
                        "reused_from": row.reused_from.ref if row.reused_from else "",
                        "evidence": [
                            {
                                "id": str(e.pk),
                                "title": e.title,
                                "file": e.original_name,
                                "sha256": e.sha256,
                                "document_date": e.document_date.isoformat()
                                if e.document_date
                                else "",
                                "expires_on": e.expires_on.isoformat() if e.expires_on else "",
                            }
                            for e in row.evidence
                        ],
                    }
                )
            categories.append(
                {
                    "code": block.category.code,
                    "title": pick(block.category, "title", language),
                    "items": items,
                }
            )
        return {
            "format": 1,
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
            "profile": _profile_content(organization, profile),
            "categories": categories,
        }


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(
        json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
    ).hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def package_build(
    *,
    actor: Any,
    organization: Any,
    framework: Framework,
    language: str,
    report: Callable[..., None] | None = None,
    security_profile: SecurityProfile | None = None,
) -> PackageSnapshot:
    """Build the package files of one security profile (default: the main one) and keep them
    as a snapshot. Files are written before the row."""
    from borderpro.evidence.models import EvidenceFile
    from borderpro.profiles.charts import readiness_svg
    from borderpro.profiles.models import ReadinessPoint
    from borderpro.profiles.services.divisions import security_profile_main

    step = report or (lambda **kw: None)
    security_profile = security_profile or security_profile_main(organization)
    content = package_content(
        organization=organization,
        framework=framework,
        language=language,
        security_profile=security_profile,
    )
    evidence_total = sum(len(i["evidence"]) for c in content["categories"] for i in c["items"])
    total = evidence_total + 3
    step(done=1, total=total, message=_("Writing the PDF…"))
    points = list(
        ReadinessPoint.objects.filter(
            organization=organization, framework=framework, security_profile=security_profile
        ).order_by("day")[:400]
    )
    with translation.override(language):
        chart = str(readiness_svg(points))
    pdf = render_pdf(content, chart=chart)
    step(done=2, total=total, message=_("Writing the Word document…"))
    docx = render_docx(content)
    files = {str(e.pk): e for e in EvidenceFile.objects.filter(organization=organization)}

    def open_file(evidence_id: str) -> bytes:
        with files[evidence_id].file.open("rb") as handle:
            return handle.read()

    bundle, count = render_bundle(
        content,
        pdf=pdf,
        docx=docx,
        open_file=open_file,
        report=lambda n: step(done=2 + n, total=total, message=_("Adding evidence files…")),
    )
    snapshot = PackageSnapshot(
        id=uuid7(),
        organization=organization,
        security_profile=security_profile,
        framework=framework,
        language=language,
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
    division = "" if security_profile.is_primary else f"{security_profile.code[:20].rstrip('-')}-"
    base = f"{organization.code}-{division}{framework.code.lower()[:12]}-{language}-{stamp}"
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
