"""Demo evidence files of the demo carriers, some expiring soon, one expired. Idempotent."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from borderpro.common.samples import pdf_bytes, png_bytes
from borderpro.evidence.models import EvidenceFile
from borderpro.evidence.services import evidence_upload

UPLOADER = {
    "mapleleaf": "alice@mapleleaf.example",
    "laurentid": "chantal@laurentides.example",
    "prairiex": "priya@prairiecrossing.example",
}

# title, file type, what it proves, age in days, days until it expires (None: no expiry)
EVIDENCE: dict[str, list[tuple[str, str, str, int, int | None]]] = {
    "mapleleaf": [
        (
            "Statement of support — signed by the President",
            "pdf",
            "PIP corporate security: signed statement of support, posted at every terminal",
            300,
            65,
        ),
        (
            "Supply chain risk assessment 2026",
            "pdf",
            "Written risk assessment reviewed yearly",
            120,
            245,
        ),
        (
            "Seal storage cabinet — Mississauga yard",
            "png",
            "High-security seals stored in a locked cabinet",
            40,
            None,
        ),
        (
            "Security awareness training roster — March",
            "pdf",
            "Staff trained on supply chain security and suspicious activity",
            250,
            115,
        ),
        (
            "ISO 17712 class H seal certificate — TydenBrooks",
            "pdf",
            "Seals meet ISO 17712 high security",
            400,
            -20,
        ),
    ],
    "laurentid": [
        (
            "Énoncé de soutien — signé par la présidente",
            "pdf",
            "Sécurité de l'entreprise : énoncé de soutien signé",
            200,
            165,
        ),
        ("Registre des scellés — septembre", "pdf", "Registre de contrôle des scellés", 60, None),
        (
            "Photo du stationnement clôturé — Laval",
            "png",
            "Clôture et éclairage du périmètre",
            90,
            None,
        ),
    ],
    "prairiex": [
        ("Driver FAST card list", "pdf", "Drivers hold valid FAST cards", 30, 40),
    ],
}


def seed(orgs: dict[str, Any], users: dict[str, Any]) -> None:
    today = date.today()
    for code, items in EVIDENCE.items():
        org = orgs.get(code)
        if org is None:
            continue
        for index, (title, kind, proves, age_days, expires_in) in enumerate(items):
            if EvidenceFile.objects.filter(organization=org, title=title).exists():
                continue
            if kind == "pdf":
                content = pdf_bytes(title, [org.legal_name, proves])
                name = f"{code}-{index + 1}.pdf"
            else:
                content = png_bytes(96 + index * 8, 64, (30 + index * 40, 90, 120))
                name = f"{code}-{index + 1}.png"
            evidence_upload(
                actor=users[UPLOADER[code]],
                organization=org,
                upload=SimpleUploadedFile(name, content),
                title=title,
                proves=proves,
                document_date=today - timedelta(days=age_days),
                expires_on=(today + timedelta(days=expires_in)) if expires_in is not None else None,
            )
