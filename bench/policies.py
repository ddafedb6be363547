"""Policies figures: the security manual of the demo carrier built by the background job
(PDF and Word), a 20-procedure manual of about 60 pages, and the policy pages."""

from __future__ import annotations

import copy
import subprocess
import tempfile
import time
from typing import Any

from django.core.management import call_command
from django.test import Client
from django_scopes import scope, scopes_disabled

from bench.common import page_row


def _pages(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        try:
            out = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True, check=False)
        except FileNotFoundError:
            return "?"
    return next(
        (line.split()[-1] for line in out.stdout.splitlines() if line.startswith("Pages")), "?"
    )


def _job_row(org: Any, user: Any, fmt: str) -> dict:
    from borderpro.common.models import Job
    from borderpro.policies import jobs

    job = Job.objects.create(
        organization=org,
        kind="policies.export_manual",
        params={"language": "en", "format": fmt},
        created_by=user,
    )
    started = time.perf_counter()
    jobs.export_manual(job)
    seconds = time.perf_counter() - started
    data = job.result_file.read()
    note = f"{len(data) // 1024} kB"
    if fmt == "pdf":
        note += f", {_pages(data)} pages"
    return {
        "name": f"policies: demo manual ({fmt.upper()}, background job)",
        "value": seconds,
        "unit": "s",
        "budget": 10,
        "note": note,
    }


def _long_manual_row(org: Any) -> dict:
    """20 procedures of about three pages each: the demo texts written out at three times
    their length (what a company's own procedures look like once completed)."""
    from borderpro.policies import manual

    docs = list(manual.manual_documents(org, "en"))
    long_docs = []
    for i in range(20):
        d = copy.copy(docs[i % len(docs)])
        d.body = d.body + ("\n\n" + d.body.split("\n", 1)[-1].replace("\n# ", "\n## ")) * 2
        long_docs.append(d)
    started = time.perf_counter()
    pdf = manual.manual_pdf(org, long_docs, "en")
    seconds = time.perf_counter() - started
    return {
        "name": "policies: manual of 20 procedures (PDF)",
        "value": seconds,
        "unit": "s",
        "budget": 10,
        "note": f"{_pages(pdf)} pages, {len(pdf) // 1024} kB",
    }


def run() -> list[dict]:
    from borderpro.accounts.models import User
    from borderpro.organizations.models import Organization
    from borderpro.policies.models import Document

    call_command("seed_demo", verbosity=0)
    rows: list[dict] = []
    with scopes_disabled():
        org = Organization.objects.get(code="mapleleaf")
        alice = User.objects.get(email="alice@mapleleaf.example")
        doc = Document.objects.filter(organization=org, key="seal-control").first()
    with scope(organization=org):
        rows.append(_job_row(org, alice, "pdf"))
        rows.append(_job_row(org, alice, "docx"))
        rows.append(_long_manual_row(org))
    with scopes_disabled():
        client = Client()
        client.force_login(alice)
        pages = [
            ("policies: manual list (demo)", "/o/mapleleaf/policies/"),
            ("policies: coverage (demo)", "/o/mapleleaf/policies/coverage/"),
            ("policies: acknowledgements (demo)", "/o/mapleleaf/policies/acknowledgements/"),
        ]
        if doc is not None:
            pages.append(
                ("policies: a document with signatures (demo)", f"/o/mapleleaf/policies/{doc.pk}/")
            )
            pages.append(
                (
                    "policies: GET /api/v1/o/…/policies/documents/ (demo)",
                    "/api/v1/o/mapleleaf/policies/documents/",
                )
            )
        for name, path in pages:
            rows.append(page_row(name, client, path, budget=50, runs=10))
    return rows
