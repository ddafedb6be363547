"""Security profile workspace figures: the framework page with ~200 and 500 responses (median of 30,
with its query count, which must not grow with the number of requirements), and the time to
build the application package (PDF, Word, evidence ZIP) of the demo carrier (submission copy,
and internal gap report with the chart and an appendix) and of a complete 200-requirement
profile."""

from __future__ import annotations

import time
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django_scopes import scopes_disabled

from bench.common import page_row, timed

N_REQUIREMENTS = 200
N_LARGE = 500  # issue #22: the workspace of a large profile (its own carrier and framework)


def _bench_org(n: int = N_REQUIREMENTS) -> tuple[Any, Any, Any]:
    """A carrier pursuing an n-requirement framework, every response written, half with evidence."""
    from borderpro.accounts.models import User
    from borderpro.catalogue.models import Category, Framework, Mapping, Requirement
    from borderpro.common.samples import pdf_bytes
    from borderpro.evidence.services import evidence_upload
    from borderpro.organizations.models import (
        ClientLink,
        ConsultantAssignment,
        Membership,
        Organization,
    )
    from borderpro.profiles.models import FrameworkSelection, Response, ResponseEvidence

    consultancy, _ = Organization.objects.get_or_create(
        code="benchpfc", defaults={"name": "Bench consultancy", "kind": "consultancy"}
    )
    suffix = "" if n == N_REQUIREMENTS else str(n)
    org, _ = Organization.objects.get_or_create(
        code=f"benchpf{suffix}",
        defaults={
            "name": f"Bench Profile Carrier {suffix}".strip(),
            "legal_name": f"Bench Profile Carrier {suffix} Ltd.",
            "kind": "client",
            "business_type": "highway_carrier",
        },
    )
    user = User.objects.filter(
        email="bench-profiles@example.com"
    ).first() or User.objects.create_user(
        "bench-profiles@example.com", "bench-password-123", full_name="Bench Consultant"
    )
    Membership.objects.get_or_create(
        user=user, organization=consultancy, defaults={"role": "consultant"}
    )
    link, _ = ClientLink.objects.get_or_create(consultancy=consultancy, client=org)
    ConsultantAssignment.objects.get_or_create(link=link, user=user)
    framework, created = Framework.objects.get_or_create(
        code=f"BENCH-{n}",
        edition="1",
        owner=consultancy,
        defaults={
            "kind": "program",
            "name_en": f"Bench framework ({n} requirements)",
            "name_fr": "Cadre d'essai",
            "short_name_en": "BENCH",
            "short_name_fr": "ESSAI",
            "authority_en": "Bench",
            "authority_fr": "Essai",
            "source_url": "bench",
            "confidence": "confirmed",
            "is_current": True,
            "file_name": "bench",
            "sha256": "0" * 64,
            "loaded_at": timezone.now(),
        },
    )
    if created:
        cats = [
            Category.objects.create(
                framework=framework,
                code=f"B{c}",
                title_en=f"Bench category {c}",
                title_fr=f"Catégorie {c}",
                position=c,
            )
            for c in range(10)
        ]
        ctpat = list(
            Requirement.objects.filter(framework__code="CTPAT-HC", framework__is_current=True)[:100]
        )
        for i in range(n):
            req = Requirement.objects.create(
                framework=framework,
                category=cats[i % 10],
                ref=f"BENCH-{i:03d}",
                title_en=f"Bench requirement {i}",
                title_fr=f"Exigence {i}",
                gist_en="Do it.",
                gist_fr="Le faire.",
                evidence_en="A record.",
                evidence_fr="Un registre.",
                level="must" if i % 3 else "should",
                review="annual",
                source_url="bench",
                confidence="confirmed",
                position=i,
            )
            if i < len(ctpat):
                Mapping.objects.create(
                    from_requirement=req, to_requirement=ctpat[i], relation="partial"
                )
    for f in Framework.objects.filter(pk=framework.pk) | Framework.objects.filter(
        code="CTPAT-HC", is_current=True, owner__isnull=True
    ):
        FrameworkSelection.objects.get_or_create(organization=org, framework=f)
    from borderpro.profiles.services.divisions import security_profile_main

    if not Response.objects.filter(organization=org, requirement__framework=framework).exists():
        evidence = [
            evidence_upload(
                actor=user,
                organization=org,
                title=f"Bench record {n}",
                upload=SimpleUploadedFile(f"bench-{n}.pdf", pdf_bytes(f"Bench record {n}")),
            )
            for n in range(20)
        ]
        for i, req in enumerate(
            Requirement.objects.filter(framework=framework).order_by("position")
        ):
            response = Response.objects.create(
                organization=org,
                security_profile=security_profile_main(org),
                requirement=req,
                status="implemented" if i % 4 else "partial",
                narrative=f"Bench narrative for requirement {i}: the yard supervisor checks it every week and logs it. "
                * 3,
            )
            if i % 2 == 0:
                ResponseEvidence.objects.create(
                    organization=org, response=response, evidence=evidence[i % 20]
                )
    return org, framework, user


def _save_and_readiness_rows(client: Client, org: Any, framework: Any) -> list[dict]:
    """Issue #22: saving one response (API and the workspace's inline save) and readiness."""
    from borderpro.profiles.models import Response

    response = (
        Response.objects.filter(organization=org, requirement__framework=framework)
        .order_by("requirement__position")
        .first()
    )
    assert response is not None
    api_url = f"/api/v1/o/{org.code}/profile/responses/{response.pk}/"
    edit_url = f"/o/{org.code}/profile/responses/{response.pk}/edit/"
    state = {"n": 0}

    def version() -> int:
        return Response.objects.values_list("version", flat=True).get(pk=response.pk)

    def api_save() -> None:
        state["n"] += 1
        body = {"version": version(), "narrative": f"Checked every week ({state['n']})."}
        answer = client.patch(api_url, body, content_type="application/json")
        assert answer.status_code == 200, answer.content[:200]

    def inline_save() -> None:
        state["n"] += 1
        data = {
            "version": version(),
            "status": "implemented",
            "narrative": f"Checked every week ({state['n']}).",
            "justification": "",
            "owner": "",
            "due_on": "",
        }
        answer = client.post(edit_url, data, headers={"HX-Request": "true"})
        assert answer.status_code == 200, answer.content[:200]

    rows = []
    # as deployed: the save queues today's readiness for the worker (decision 0015)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for name, call in (("API PATCH", api_save), ("workspace inline save", inline_save)):
            with CaptureQueriesContext(connection) as queries:
                call()
            count = len(queries)
            figures = timed(call, runs=30)
            rows.append(
                {
                    "name": f"profiles: save one response ({name})",
                    "value": figures["median"],
                    "unit": "ms",
                    "budget": 15,
                    "note": f"p95 {figures['p95']:.1f} ms, {count} queries (one: the bench's version read)",
                }
            )
    from borderpro.profiles.tasks import readiness_refresh

    started = time.perf_counter()
    readiness_refresh.call(str(org.pk), str(response.pk))
    rows.append(
        {
            "name": f"profiles: readiness refresh in the worker, {N_REQUIREMENTS} responses",
            "value": (time.perf_counter() - started) * 1000,
            "unit": "ms",
            "budget": None,
            "note": "after a save, off the request",
        }
    )
    rows.append(
        page_row(
            f"profiles: readiness page, {N_REQUIREMENTS} responses",
            client,
            f"/o/{org.code}/profile/readiness/?framework={framework.code}",
            budget=10,
        )
    )
    rows.append(
        page_row(
            f"profiles: readiness API, {N_REQUIREMENTS} responses",
            client,
            f"/api/v1/o/{org.code}/profile/readiness/?framework={framework.code}",
            budget=10,
        )
    )
    return rows


def run() -> list[dict]:
    from borderpro.organizations.models import Organization
    from borderpro.profiles.selectors.workspace import frameworks_pursued
    from borderpro.profiles.services.package import package_build

    call_command("load_catalogue", verbosity=0)
    rows: list[dict] = []
    with scopes_disabled():
        org, framework, user = _bench_org()
        client = Client()
        client.force_login(user)
        url = f"/o/{org.code}/profile/requirements/?framework={framework.code}"
        row = page_row(f"profiles: workspace, {N_REQUIREMENTS} responses", client, url, budget=20)
        small_url = f"/o/{org.code}/profile/requirements/?framework=CTPAT-HC"
        client.get(small_url)
        with CaptureQueriesContext(connection) as small:
            client.get(small_url)
        with CaptureQueriesContext(connection) as large:
            client.get(url)
        n_small, n_large = len(small), len(large)  # now: a later page_row() resets the query log
        row["note"] += (
            f"; {n_small} queries with the 104-requirement C-TPAT page (same count = independent)"
        )
        rows.append(row)
        large_org, large_framework, _user = _bench_org(N_LARGE)
        large_url = f"/o/{large_org.code}/profile/requirements/?framework={large_framework.code}"
        large_row = page_row(
            f"profiles: workspace, {N_LARGE} responses", client, large_url, budget=40
        )
        with CaptureQueriesContext(connection) as largest:
            client.get(large_url)
        large_row["note"] += (
            f"; {len(largest)} queries (same as with {N_REQUIREMENTS}: independent)"
        )
        rows.append(large_row)
        rows.extend(_save_and_readiness_rows(client, org, framework))
        reference = page_row(
            "profiles: reference, evidence list (same org)",
            client,
            f"/o/{org.code}/evidence/",
            budget=50,
        )
        reference["budget"] = None  # context for the figure above: how loaded the machine is
        rows.append(reference)
        rows.append(
            {
                "name": "profiles: workspace query count",
                "value": n_large,
                "unit": "q",
                "budget": n_small,
                "better": "lower",
                "note": f"{N_REQUIREMENTS} requirements vs 104: {n_large} vs {n_small} queries",
            }
        )

        if not Organization.objects.filter(code="mapleleaf").exists():
            call_command("seed_demo", verbosity=0)
        demo = Organization.objects.get(code="mapleleaf")
        pip = next(f for f in frameworks_pursued(demo) if f.code == "PIP")

        def build_row(name: str, budget: int, note: str = "", **build: Any) -> dict:
            started = time.perf_counter()
            package_build(actor=None, **build)
            row = {
                "name": name,
                "unit": "ms",
                "budget": budget,
                "value": (time.perf_counter() - started) * 1000,
                "better": "lower",
            }
            return {**row, "note": note} if note else row

        demo_en: dict[str, Any] = {"organization": demo, "framework": pip, "language": "en"}
        rows.append(build_row("profiles: package build, demo carrier (PIP, EN)", 10_000, **demo_en))
        rows.append(
            build_row(
                "profiles: package build again, demo carrier (PIP, EN)",
                1_000,
                "a second build: the approved risk assessment's report is not laid out again",
                **demo_en,
            )
        )
        rows.append(
            build_row(
                f"profiles: package build, complete {N_REQUIREMENTS}-requirement profile (FR)",
                10_000,
                organization=org,
                framework=framework,
                language="fr",
            )
        )
        rows.append(
            build_row(
                "profiles: package build, demo gap report + appendix (FR)",
                10_000,
                organization=demo,
                framework=pip,
                language="fr",
                variant="gap_report",
                unanswered="appendix",
            )
        )
    return rows
